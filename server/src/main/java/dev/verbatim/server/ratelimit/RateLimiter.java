package dev.verbatim.server.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One limit, such as "10 failed sign-ins per email in 15 minutes": a token bucket per key, in a map
 * bounded in size. A key unseen for a whole window is forgotten, which changes nothing, since its
 * bucket would be full again by then.
 */
public final class RateLimiter {

  private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
  private static final int MAX_KEY_IN_LOG = 120;

  private final String name;
  private final int attempts;
  private final Duration window;
  private final boolean enabled;
  private final TimeMeter time;
  private final Cache<String, Bucket> buckets;

  RateLimiter(
      String name, int attempts, Duration window, int maxKeys, boolean enabled, Clock clock) {
    this.name = name;
    this.attempts = attempts;
    this.window = window;
    this.enabled = enabled;
    this.time = new ClockTime(clock);
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(maxKeys)
            .expireAfterAccess(window)
            .ticker(time::currentTimeNanos)
            .build();
  }

  /** What the limit is called in logs, such as {@code login-email}. */
  public String name() {
    return name;
  }

  /** How long {@code key} must wait before its next attempt; empty when it may try now. */
  public Optional<Duration> blocked(String key) {
    if (!enabled) {
      return Optional.empty();
    }
    Bucket bucket = buckets.getIfPresent(key);
    if (bucket == null) {
      return Optional.empty();
    }
    EstimationProbe probe = bucket.estimateAbilityToConsume(1);
    return probe.canBeConsumed()
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  /**
   * Spends one of {@code key}'s attempts: empty when there was one, else how long to wait for the
   * next.
   */
  public Optional<Duration> acquire(String key) {
    if (!enabled) {
      return Optional.empty();
    }
    ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
    if (probe.getRemainingTokens() == 0) {
      exhausted(key);
    }
    return Optional.empty();
  }

  /** Counts a failed attempt of {@code key}'s; the one that uses up its attempts is logged. */
  public void fail(String key) {
    acquire(key);
  }

  /** Gives {@code key} all its attempts back, as after a successful sign-in. */
  public void reset(String key) {
    buckets.invalidate(key);
  }

  private Bucket bucket(String key) {
    return buckets.get(
        key,
        k ->
            Bucket.builder()
                .addLimit(limit -> limit.capacity(attempts).refillGreedy(attempts, window))
                .withCustomTimePrecision(time)
                .build());
  }

  /** One line per lockout, not per refused request, so an attack cannot flood the log. */
  private void exhausted(String key) {
    Duration wait = blocked(key).orElse(Duration.ZERO);
    String shown = printable(key);
    log.atWarn()
        .addKeyValue("rateLimit", name)
        .addKeyValue("rateLimitKey", shown)
        .addKeyValue("retryAfterSeconds", TooManyRequests.retryAfterSeconds(wait))
        .log(
            "Rate limit {} reached for {}: {} attempts in {}; the next is refused for {} s",
            name,
            shown,
            attempts,
            window.toString().substring(2).toLowerCase(java.util.Locale.ROOT),
            TooManyRequests.retryAfterSeconds(wait));
  }

  /** Keys come from clients (an email typed into the form): no control characters, not long. */
  public static String printable(String key) {
    String clean = key.replaceAll("[\\p{Cc}\\p{Cf}]", "?");
    return clean.length() > MAX_KEY_IN_LOG ? clean.substring(0, MAX_KEY_IN_LOG) + "…" : clean;
  }

  /** Time from the clock, so that tests can move it; buckets and their expiry both read it. */
  private record ClockTime(Clock clock) implements TimeMeter {
    @Override
    public long currentTimeNanos() {
      Instant now = clock.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
      return true;
    }
  }
}
