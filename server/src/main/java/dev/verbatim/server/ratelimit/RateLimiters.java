package dev.verbatim.server.ratelimit;

import java.time.Clock;
import java.time.Duration;

/** Makes the limits that features apply, all alike bounded and on the same clock. */
public final class RateLimiters {

  private final RateLimitProperties properties;
  private final Clock clock;

  RateLimiters(RateLimitProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  public RateLimitProperties properties() {
    return properties;
  }

  /** A limit of {@code attempts} per {@code window} for each key, off when limits are disabled. */
  public RateLimiter limiter(String name, int attempts, Duration window) {
    return new RateLimiter(
        name, attempts, window, properties.maxKeys(), properties.enabled(), clock);
  }
}
