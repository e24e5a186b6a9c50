package dev.verbatim.server.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often clients may fail to sign in and start uploads ({@code verbatim.rate-limit.*}). Each
 * limit is a token bucket: that many attempts at once, refilled evenly over the window.
 *
 * @param enabled false turns every limit off
 * @param maxKeys the most keys (emails, addresses, users) each limit remembers; past that the least
 *     recently seen are forgotten, so a flood of distinct keys cannot exhaust memory
 * @param login failed sign-ins
 * @param upload upload starts
 */
@ConfigurationProperties("verbatim.rate-limit")
public record RateLimitProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("100000") int maxKeys,
    @DefaultValue Login login,
    @DefaultValue Upload upload) {

  public RateLimitProperties {
    if (maxKeys < 1) {
      throw new IllegalArgumentException("verbatim.rate-limit.max-keys must be 1 or more");
    }
  }

  /**
   * @param failuresPerEmail failed form sign-ins for one email in a window; a successful sign-in
   *     forgets them
   * @param failuresPerAddress failed form sign-ins from one client address in a window, whatever
   *     the email
   * @param tokenFailuresPerAddress requests with an invalid API token from one client address in a
   *     window
   * @param window the time in which the attempts come back
   */
  public record Login(
      @DefaultValue("10") int failuresPerEmail,
      @DefaultValue("30") int failuresPerAddress,
      @DefaultValue("30") int tokenFailuresPerAddress,
      @DefaultValue("15m") Duration window) {

    public Login {
      positive(failuresPerEmail, "login.failures-per-email");
      positive(failuresPerAddress, "login.failures-per-address");
      positive(tokenFailuresPerAddress, "login.token-failures-per-address");
      positive(window, "login.window");
    }
  }

  /**
   * @param perUser uploads (multipart, or resumable ones created) one user may start at once
   * @param window the time in which they come back
   */
  public record Upload(@DefaultValue("30") int perUser, @DefaultValue("1m") Duration window) {

    public Upload {
      positive(perUser, "upload.per-user");
      positive(window, "upload.window");
    }
  }

  private static void positive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException("verbatim.rate-limit." + name + " must be 1 or more");
    }
  }

  private static void positive(Duration value, String name) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("verbatim.rate-limit." + name + " must be positive");
    }
  }
}
