package dev.verbatim.server.account;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Sign-in through an OpenID Connect provider, when one is configured with Spring Security's {@code
 * spring.security.oauth2.client.registration.*} properties. The provider vouches for an email
 * address; the account with that address signs in, and the first sign-in of an address without one
 * makes a member's account. Only a verified address counts, or anyone who could register that
 * address at the provider would get its account. The role is Verbatim's own: the provider never
 * makes anyone an admin, an admin does.
 *
 * <p>Once signed in, the session holds the account as a form sign-in does, so everything after
 * (disabled accounts signed out, role changes at once) works alike.
 */
final class OidcSignIn implements AuthenticationSuccessHandler {

  private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);

  private final Accounts accounts;
  private final OidcUserService provider = new OidcUserService();
  private final AuthenticationSuccessHandler then =
      new SavedRequestAwareAuthenticationSuccessHandler();
  private final SecurityContextHolderStrategy contexts =
      SecurityContextHolder.getContextHolderStrategy();
  private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

  OidcSignIn(Accounts accounts) {
    this.accounts = accounts;
  }

  /** Reads the provider's user and refuses one without a verified email. */
  OAuth2UserService<OidcUserRequest, OidcUser> users() {
    return request -> {
      OidcUser user = provider.loadUser(request);
      String name = request.getClientRegistration().getClientName();
      if (user.getEmail() == null || user.getEmail().isBlank()) {
        throw refused(
            "no_email", name + " did not tell your email address, so you cannot sign in.");
      }
      if (!Boolean.TRUE.equals(user.getEmailVerified())) {
        throw refused(
            "email_not_verified",
            "Your email address at "
                + name
                + " is not verified. Verify it there, then sign in again.");
      }
      User account = account(user);
      if (account.disabled()) {
        throw refused("account_disabled", "Your account is disabled.");
      }
      return user;
    };
  }

  /** The account of the provider's verified email, made as a member's on the first sign-in. */
  private User account(OidcUser user) {
    String email = user.getEmail();
    Optional<User> existing = accounts.findByEmail(email);
    if (existing.isPresent()) {
      return existing.get();
    }
    String name = user.getFullName() != null ? user.getFullName() : "";
    try {
      User created = accounts.create(email, name, null, Role.MEMBER);
      log.info("Account {} made for {} at its first OpenID Connect sign-in", created.id(), email);
      return created;
    } catch (AccountConflictException raced) {
      // The same person signed in twice at once; the other made the account.
      return accounts.findByEmail(email).orElseThrow(() -> raced);
    } catch (IllegalArgumentException e) {
      throw new OAuth2AuthenticationException(
          new OAuth2Error("invalid_email", e.getMessage(), null), e);
    }
  }

  /** Puts the account, not the provider's token, in the session. */
  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException, ServletException {
    User user =
        authentication.getPrincipal() instanceof OidcUser oidc
            ? accounts.findByEmail(oidc.getEmail()).orElse(null)
            : null;
    if (user == null) {
      throw new IllegalStateException(
          "The signed-in account vanished: " + authentication.getName());
    }
    AccountPrincipal principal = new AccountPrincipal(user, null);
    SecurityContext context = contexts.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            principal, null, principal.getAuthorities()));
    contexts.setContext(context);
    sessions.saveContext(context, request, response);
    then.onAuthenticationSuccess(request, response, context.getAuthentication());
  }

  /** The message for the sign-in page after a refused sign-in, if the provider's. */
  static @Nullable String message(@Nullable Object failure) {
    return failure instanceof OAuth2AuthenticationException e
            && e.getError().getDescription() != null
        ? e.getError().getDescription()
        : null;
  }

  private static OAuth2AuthenticationException refused(String code, String message) {
    return new OAuth2AuthenticationException(new OAuth2Error(code, message, null), message);
  }
}
