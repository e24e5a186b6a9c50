package dev.verbatim.server.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates each request as its account is now, not as it was at sign-in.
 *
 * <ul>
 *   <li>{@code Authorization: Bearer <token>}: the token is hashed and looked up; an unknown or
 *       revoked token, or one of a disabled account, gets 401, and never falls back to a session.
 *       Nothing about a token request is kept in a session. An address that sent too many invalid
 *       tokens gets 429 until its attempts come back ({@link SignInLimits}).
 *   <li>A session: the account is read again, so a disabled account is signed out at its next
 *       request and a changed role takes effect at once.
 * </ul>
 */
final class AccountFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final Accounts accounts;
  private final ProblemWriter entryPoint;
  private final SignInLimits limits;
  private final SecurityContextHolderStrategy contexts =
      SecurityContextHolder.getContextHolderStrategy();
  private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

  AccountFilter(Accounts accounts, ProblemWriter entryPoint, SignInLimits limits) {
    this.accounts = accounts;
    this.entryPoint = entryPoint;
    this.limits = limits;
  }

  /** Whether the request brings a bearer token, which also exempts it from CSRF checks. */
  static boolean bearer(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (bearer(request)) {
      Optional<Duration> locked = limits.tokenBlocked(request);
      if (locked.isPresent()) {
        contexts.clearContext();
        entryPoint.tooManyRequests(
            request,
            response,
            locked.get(),
            "Too many requests with an invalid API token came from this address.");
        return;
      }
      String value =
          request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip();
      Optional<Caller> caller = value.isEmpty() ? Optional.empty() : accounts.authenticate(value);
      if (caller.isEmpty()) {
        limits.tokenFailed(request);
        contexts.clearContext();
        entryPoint.commence(
            request,
            response,
            new InvalidTokenException(
                "The API token is not valid: unknown, revoked, or its account is disabled."));
        return;
      }
      SecurityContext context = contexts.createEmptyContext();
      context.setAuthentication(new TokenAuthentication(caller.get()));
      contexts.setContext(context);
      chain.doFilter(request, response);
      return;
    }
    Authentication authentication = contexts.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal p) {
      Optional<User> now = accounts.find(p.user().id());
      if (now.isEmpty() || now.get().disabled()) {
        contexts.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
          session.invalidate();
        }
      } else if (!now.get().equals(p.user())) {
        AccountPrincipal fresh = new AccountPrincipal(now.get(), null);
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
        contexts.setContext(context);
        sessions.saveContext(context, request, response);
      }
    }
    chain.doFilter(request, response);
  }
}
