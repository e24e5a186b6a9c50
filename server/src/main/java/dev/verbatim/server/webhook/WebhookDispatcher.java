package dev.verbatim.server.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds: each subscription's oldest pending delivery, as a signed POST, and
 * on to the next once it is delivered. A failed attempt is tried again after a backoff that doubles
 * (with jitter) up to {@code max-retry}, until {@code retry-for} has passed; then the delivery is
 * marked failed, and an admin may replay it.
 *
 * <p>At least once: a delivery is marked delivered after the receiver's 2xx, so a dispatcher that
 * dies in between sends it again once its lease runs out. The {@code Idempotency-Key} (the event's
 * id) lets receivers drop the repeat.
 */
@Component
class WebhookDispatcher {

  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

  static final String USER_AGENT = "Verbatim-Webhooks/1";
  static final String EVENT_HEADER = "Verbatim-Event";
  static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

  private final WebhookStore store;
  private final WebhookProperties properties;
  private final Clock clock;
  private final HttpClient http;
  private volatile @Nullable Instant lastPrune;

  WebhookDispatcher(WebhookStore store, WebhookProperties properties, Clock clock) {
    this.store = store;
    this.properties = properties;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(properties.connectTimeout())
            // A redirect could lead anywhere, secret-signed body in hand: a 3xx is a failure.
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** What the schedule runs: every due delivery, and now and then the log's old entries. */
  void poll() {
    dispatch();
    Instant now = clock.instant();
    Instant last = lastPrune;
    if (last == null || Duration.between(last, now).compareTo(Duration.ofHours(1)) >= 0) {
      lastPrune = now;
      int pruned = store.prune(now.minus(properties.keepLog()));
      if (pruned > 0) {
        log.info(
            "Webhooks: {} finished deliveries older than {} removed from the log",
            pruned,
            properties.keepLog());
      }
    }
  }

  /**
   * Sends due deliveries until none is due: one per subscription at a time, subscriptions side by
   * side. Safe to run in several threads or processes at once, as each delivery is claimed first.
   *
   * @return how many were delivered
   */
  int dispatch() {
    int delivered = 0;
    while (true) {
      Instant now = clock.instant();
      List<WebhookStore.Due> claimed = new ArrayList<>();
      for (long id : store.due(now, properties.batchSize())) {
        store.claim(id, now, now.plus(properties.lease())).ifPresent(claimed::add);
      }
      if (claimed.isEmpty()) {
        return delivered;
      }
      List<CompletableFuture<Outcome>> sent = new ArrayList<>();
      for (WebhookStore.Due due : claimed) {
        sent.add(send(due, now));
      }
      for (int i = 0; i < claimed.size(); i++) {
        if (record(claimed.get(i), sent.get(i).join())) {
          delivered++;
        }
      }
    }
  }

  /** How an attempt ended: a 2xx, another status, or no answer at all (status null). */
  record Outcome(boolean delivered, @Nullable Integer status, String error) {}

  private CompletableFuture<Outcome> send(WebhookStore.Due due, Instant now) {
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(due.url())
              .timeout(properties.readTimeout())
              .header("Content-Type", "application/json")
              .header("User-Agent", USER_AGENT)
              .header(EVENT_HEADER, due.type())
              .header(IDEMPOTENCY_HEADER, due.eventId())
              .header(
                  WebhookSignature.HEADER,
                  WebhookSignature.header(due.secret(), now.getEpochSecond(), due.body()))
              .POST(HttpRequest.BodyPublishers.ofString(due.body(), StandardCharsets.UTF_8))
              .build();
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(
          new Outcome(false, null, "The URL cannot be sent to: " + e.getMessage()));
    }
    // The body is not waited for: the status is the answer, and a receiver that sends headers and
    // then stalls must not hold the dispatcher beyond the read timeout.
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
        .handle(
            (response, error) -> {
              if (error != null) {
                return new Outcome(false, null, describe(error));
              }
              close(response.body());
              int status = response.statusCode();
              if (status >= 200 && status < 300) {
                return new Outcome(true, status, "");
              }
              return new Outcome(
                  false,
                  status,
                  "HTTP "
                      + status
                      + (status >= 300 && status < 400 ? " (redirects are not followed)" : ""));
            });
  }

  /** Stores the outcome; true if delivered. */
  private boolean record(WebhookStore.Due due, Outcome outcome) {
    Instant now = clock.instant();
    if (outcome.delivered()) {
      store.delivered(due.id(), now, outcome.status() == null ? 0 : outcome.status());
      return true;
    }
    Instant next = now.plus(backoff(due.failures() + 1));
    if (next.isAfter(due.giveUpAt())) {
      next = null;
    }
    store.attemptFailed(due.id(), outcome.status(), outcome.error(), next);
    log.warn(
        "Webhook delivery {} ({} {}) to subscription {} at {} failed: {}; {}",
        due.id(),
        due.type(),
        due.eventId(),
        due.subscriptionId(),
        due.url().getHost(),
        outcome.error(),
        next == null
            ? "given up after " + due.attempts() + " attempts"
            : "attempt " + (due.attempts() + 1) + " at " + next);
    return false;
  }

  /** The wait after the {@code failures}th failure in a row: doubling from the first, capped. */
  Duration backoff(int failures) {
    Duration first = properties.firstRetry();
    Duration max = properties.maxRetry();
    Duration wait = max;
    int doublings = failures - 1;
    if (doublings < 62 && first.toMillis() <= (max.toMillis() >> doublings)) {
      wait = first.multipliedBy(1L << doublings);
    }
    double spread = properties.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
    return Duration.ofMillis(Math.round(wait.toMillis() * (1 + spread)));
  }

  private static String describe(Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    String message = cause.getMessage();
    return cause.getClass().getSimpleName()
        + (message == null || message.isBlank() ? "" : ": " + message);
  }

  private static void close(InputStream body) {
    try {
      body.close();
    } catch (IOException e) {
      // Only the unread rest of an answer already taken is lost; the status stands.
      log.debug("Closing a webhook response body failed", e);
    }
  }
}
