package dev.verbatim.server.account;

import dev.verbatim.server.ratelimit.RateLimiters;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may reach what. Pages use form sign-in and a server-side session; the API takes the same
 * session (the pages' scripts) or an API token. Open to all: the sign-in page, static assets and
 * the health checks that load balancers poll ({@code /api/health}, {@code /actuator/health}), the
 * API description, the pages of share links ({@code /s/{token}}, read-only, to one meeting), and
 * Jigasi's endpoints (package {@code jitsi}, which admits it by network or secret since it sends no
 * credentials). Which meetings a caller may see is decided per meeting, by {@code
 * meeting.MeetingAccess}.
 *
 * <p>CSRF protection covers every state-changing request that a session authenticates: the token is
 * in the {@code XSRF-TOKEN} cookie, which scripts read and send back as {@code X-XSRF-TOKEN}.
 * Requests with a bearer token need none, since a browser never adds that header by itself.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebSecurity {

  private static final String READ = AccountPrincipal.scopeAuthority(Scope.MEETINGS_READ);
  private static final String WRITE = AccountPrincipal.scopeAuthority(Scope.MEETINGS_WRITE);
  private static final String ACTION_ITEMS =
      AccountPrincipal.scopeAuthority(Scope.ACTION_ITEMS_WRITE);
  private static final String ACTION_ITEM_PATHS = "/api/meetings/*/action-items/**";
  private static final String[] SHARE_LINK_PATHS = {"/s/*", "/s/*/media", "/s/*/export/*"};

  /** Jigasi's audio (WebSocket) and events (POST); see docs/adr/0010-jitsi.md. */
  private static final String[] JITSI_PATHS = {
    "/asr/vosk", "/asr/vosk/*", "/asr/vosk/*/*", "/api/jigasi/events", "/api/jigasi/*/events"
  };

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      Accounts accounts,
      JsonMapper json,
      SignInLimits limits,
      ObjectProvider<ClientRegistrationRepository> openIdProviders)
      throws Exception {
    ProblemWriter problems = new ProblemWriter(json);
    CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
    csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
    HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
    // Only a page is worth returning to after sign-in; the API answers 401 instead.
    requestCache.setRequestMatcher(
        request -> "GET".equals(request.getMethod()) && !ProblemWriter.machine(request));

    http.authorizeHttpRequests(
            requests ->
                requests
                    // An error page or the rest of an async response of a request let through.
                    .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC)
                    .permitAll()
                    .requestMatchers("/login", "/css/**", "/js/**", "/favicon.svg", "/error")
                    .permitAll()
                    // Jitsi's Jigasi sends no credentials: the jitsi package admits it by network
                    // or by the secret in the path, and the endpoints exist only when enabled.
                    .requestMatchers(JITSI_PATHS)
                    .permitAll()
                    .requestMatchers(
                        HttpMethod.GET,
                        "/api/health",
                        "/api/openapi.json",
                        "/api/openapi.json/**",
                        "/actuator/health",
                        "/actuator/health/**")
                    .permitAll()
                    // Calendar apps cannot sign in: the feed checks its own token, or the caller.
                    .requestMatchers(HttpMethod.GET, "/api/action-items.ics")
                    .permitAll()
                    // Share links: the unguessable token in the path is the permission; it opens
                    // one meeting, read-only (sharelink.ShareLinks checks it on every request).
                    .requestMatchers(HttpMethod.GET, SHARE_LINK_PATHS)
                    .permitAll()
                    .requestMatchers(HttpMethod.HEAD, SHARE_LINK_PATHS)
                    .permitAll()
                    .requestMatchers("/actuator/**", "/users", "/admin/**")
                    .hasRole(Role.ADMIN.name())
                    .requestMatchers(HttpMethod.GET, "/api/audit", "/api/audit.csv")
                    .access(adminWith(READ))
                    // Webhooks send every meeting's action items to wherever they point.
                    .requestMatchers(HttpMethod.GET, "/api/webhooks", "/api/webhooks/**")
                    .access(adminWith(READ))
                    .requestMatchers("/api/webhooks", "/api/webhooks/**")
                    .access(adminWith(WRITE))
                    .requestMatchers(HttpMethod.GET, "/api/users", "/api/users/**")
                    .access(adminWith(READ))
                    .requestMatchers("/api/users", "/api/users/**")
                    .access(adminWith(WRITE))
                    // Tokens are checked in the controller: a token issues no more than it has.
                    .requestMatchers("/api/me", "/api/me/**", "/api/tokens", "/api/tokens/**")
                    .authenticated()
                    // The organisation's glossary corrects everyone's meetings.
                    .requestMatchers(HttpMethod.POST, "/api/glossary", "/api/glossary/**")
                    .access(adminWith(WRITE))
                    .requestMatchers(HttpMethod.DELETE, "/api/glossary/**")
                    .access(adminWith(WRITE))
                    .requestMatchers(HttpMethod.POST, "/api/meetings/*/action-items")
                    .hasAnyAuthority(ACTION_ITEMS, WRITE)
                    .requestMatchers(HttpMethod.PATCH, ACTION_ITEM_PATHS, "/api/action-items/*")
                    .hasAnyAuthority(ACTION_ITEMS, WRITE)
                    .requestMatchers(HttpMethod.DELETE, ACTION_ITEM_PATHS)
                    .hasAnyAuthority(ACTION_ITEMS, WRITE)
                    .requestMatchers(HttpMethod.GET, "/api/**")
                    .hasAuthority(READ)
                    .requestMatchers(HttpMethod.HEAD, "/api/**")
                    .hasAuthority(READ)
                    .requestMatchers("/api/**")
                    .hasAuthority(WRITE)
                    .anyRequest()
                    .authenticated())
        .addFilterAfter(
            new AccountFilter(accounts, problems, limits), SecurityContextHolderFilter.class)
        .csrf(
            csrf ->
                csrf.spa()
                    .csrfTokenRepository(csrfTokens)
                    .ignoringRequestMatchers(AccountFilter::bearer)
                    // No browser session is involved: these take no cookie-authenticated request.
                    .ignoringRequestMatchers(JITSI_PATHS))
        .addFilterAfter(new CsrfCookie(), CsrfFilter.class)
        .addFilterBefore(limits.formFilter(), UsernamePasswordAuthenticationFilter.class)
        .formLogin(
            form ->
                form.loginPage("/login")
                    .usernameParameter("email")
                    .failureUrl("/login?error")
                    .defaultSuccessUrl("/"))
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedout"))
        .requestCache(cache -> cache.requestCache(requestCache))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    if (openIdProviders.getIfAvailable() != null) {
      // Only with spring.security.oauth2.client.registration.* set; see OidcSignIn.
      OidcSignIn oidc = new OidcSignIn(accounts);
      http.oauth2Login(
          login ->
              login
                  .loginPage("/login")
                  .userInfoEndpoint(users -> users.oidcUserService(oidc.users()))
                  .successHandler(oidc)
                  .failureUrl("/login?oidc-error"));
    }
    return http.build();
  }

  @Bean
  SignInLimits signInLimits(RateLimiters limiters) {
    return new SignInLimits(limiters);
  }

  private static AuthorizationManager<RequestAuthorizationContext> adminWith(String scope) {
    return AuthorizationManagers.allOf(
        AuthorityAuthorizationManager.hasRole(Role.ADMIN.name()),
        AuthorityAuthorizationManager.hasAuthority(scope));
  }

  /**
   * Spring Security makes the CSRF token only when something asks for it; this asks on every
   * request of a page, so its cookie is there before the page's scripts need it.
   */
  private static final class CsrfCookie extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (!AccountFilter.bearer(request)
          && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
        token.getToken();
      }
      chain.doFilter(request, response);
    }
  }
}
