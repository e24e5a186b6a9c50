package dev.verbatim.server.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are sent ({@code verbatim.webhooks.*}).
 *
 * @param dispatch false leaves deliveries in the outbox unsent (another process sends them)
 * @param pollInterval how often the outbox is looked at for due deliveries
 * @param connectTimeout how long to wait for a receiver to accept the connection
 * @param readTimeout how long to wait for its answer once the request is sent
 * @param firstRetry the wait after the first failed attempt; each failure doubles it
 * @param maxRetry the longest wait between attempts
 * @param jitter the fraction by which each wait varies at random, so that receivers coming back are
 *     not hit by every sender at once
 * @param retryFor how long after an event is queued (or replayed) attempts continue; then the
 *     delivery is marked failed
 * @param keepLog how long delivered and failed deliveries stay in the log
 * @param batchSize the most deliveries (each to another subscription) sent at once
 */
@ConfigurationProperties("verbatim.webhooks")
public record WebhookProperties(
    @DefaultValue("true") boolean dispatch,
    @DefaultValue("5s") Duration pollInterval,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("10s") Duration readTimeout,
    @DefaultValue("30s") Duration firstRetry,
    @DefaultValue("1h") Duration maxRetry,
    @DefaultValue("0.2") double jitter,
    @DefaultValue("24h") Duration retryFor,
    @DefaultValue("30d") Duration keepLog,
    @DefaultValue("10") int batchSize) {

  public WebhookProperties {
    for (Duration d : new Duration[] {pollInterval, connectTimeout, readTimeout, firstRetry}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("verbatim.webhooks durations must be positive");
      }
    }
    if (maxRetry.compareTo(firstRetry) < 0) {
      throw new IllegalArgumentException(
          "verbatim.webhooks.max-retry must be at least verbatim.webhooks.first-retry");
    }
    if (jitter < 0 || jitter >= 1) {
      throw new IllegalArgumentException("verbatim.webhooks.jitter must be from 0 to below 1");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("verbatim.webhooks.batch-size must be 1 or more");
    }
  }

  /**
   * How long a dispatcher holds a delivery it is sending: longer than an attempt can take, so that
   * another dispatcher takes it over only if this one died.
   */
  Duration lease() {
    return connectTimeout.plus(readTimeout).plusSeconds(30);
  }
}
