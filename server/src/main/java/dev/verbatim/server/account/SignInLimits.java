package dev.verbatim.server.account;

import dev.verbatim.server.ratelimit.RateLimitProperties;
import dev.verbatim.server.ratelimit.RateLimiter;
import dev.verbatim.server.ratelimit.RateLimiters;
import dev.verbatim.server.ratelimit.TooManyRequests;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing: failed form sign-ins are counted per email and per client address, and
 * requests with an invalid API token per client address. Past a limit the next attempt gets 429,
 * whatever its password, until attempts come back; a successful sign-in forgets the email's
 * failures. The limits count unknown emails too, so a lockout tells nothing about who has an
 * account.
 *
 * <p>The client address is the connection's, or the one a trusted proxy forwards when {@code
 * server.forward-headers-strategy} says so.
 */
final class SignInLimits {

  private static final Logger log = LoggerFactory.getLogger(SignInLimits.class);

  /** The request attribute that tells the sign-in page how many seconds the form is locked. */
  static final String LOCKED_SECONDS = "dev.verbatim.server.account.SignInLimits.lockedSeconds";

  private final RateLimiter perEmail;
  private final RateLimiter perAddress;
  private final RateLimiter tokensPerAddress;

  SignInLimits(RateLimiters limiters) {
    RateLimitProperties.Login login = limiters.properties().login();
    this.perEmail = limiters.limiter("login-email", login.failuresPerEmail(), login.window());
    this.perAddress = limiters.limiter("login-address", login.failuresPerAddress(), login.window());
    this.tokensPerAddress =
        limiters.limiter("token-address", login.tokenFailuresPerAddress(), login.window());
  }

  /** The filter that refuses a sign-in form from a locked email or address, before its check. */
  OncePerRequestFilter formFilter() {
    return new FormFilter();
  }

  /** How long an address that sent invalid tokens must wait; empty when it may try. */
  Optional<Duration> tokenBlocked(HttpServletRequest request) {
    return tokensPerAddress.blocked(request.getRemoteAddr());
  }

  void tokenFailed(HttpServletRequest request) {
    tokensPerAddress.fail(request.getRemoteAddr());
  }

  /** Bad password, unknown or disabled account: all count alike. */
  @EventListener
  void failed(AbstractAuthenticationFailureEvent event) {
    Authentication attempt = event.getAuthentication();
    if (attempt.getDetails() instanceof WebAuthenticationDetails details
        && details.getRemoteAddress() != null) {
      perAddress.fail(details.getRemoteAddress());
    }
    String email = attempt.getName();
    if (email != null && !email.isBlank()) {
      perEmail.fail(UserStore.normalise(email));
    }
  }

  @EventListener
  void succeeded(AuthenticationSuccessEvent event) {
    if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
      perEmail.reset(UserStore.normalise(principal.user().email()));
    }
  }

  private final class FormFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !"POST".equals(request.getMethod())
          || !"/login".equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String email = Objects.requireNonNullElse(request.getParameter("email"), "");
      Optional<Duration> wait =
          Stream.of(
                  perEmail.blocked(UserStore.normalise(email)),
                  perAddress.blocked(request.getRemoteAddr()))
              .flatMap(Optional::stream)
              .max(Duration::compareTo);
      if (wait.isEmpty()) {
        chain.doFilter(request, response);
        return;
      }
      log.debug("Sign-in refused while locked: {}", RateLimiter.printable(email));
      // The sign-in page again, with 429 and a message; the password is never looked at.
      TooManyRequests.status(response, wait.get());
      request.setAttribute(LOCKED_SECONDS, TooManyRequests.retryAfterSeconds(wait.get()));
      request.getRequestDispatcher("/login").forward(new AsPageRequest(request), response);
    }
  }

  /** The refused form, shown as the page it came from. */
  private static final class AsPageRequest extends HttpServletRequestWrapper {
    AsPageRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getMethod() {
      return "GET";
    }
  }
}
