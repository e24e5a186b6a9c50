package dev.verbatim.server.webhook;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One event on its way to one subscription, as the delivery log shows it.
 *
 * @param eventId the Idempotency-Key, the same on every attempt and replay
 * @param attempts every attempt so far, replays included
 * @param nextAttemptAt when it is tried next, while pending
 * @param lastStatus the HTTP status of the last answer, if there was one
 * @param lastError why the last attempt failed, clipped
 */
public record Delivery(
    long id,
    String subscriptionId,
    String eventId,
    String type,
    Status status,
    int attempts,
    @Nullable Instant nextAttemptAt,
    @Nullable Instant lastAttemptAt,
    @Nullable Integer lastStatus,
    @Nullable String lastError,
    @Nullable Instant deliveredAt,
    Instant createdAt) {

  /** Where a delivery stands. */
  public enum Status {
    /** Waiting for its next attempt, or being sent. */
    PENDING,
    DELIVERED,
    /** Given up on after the retry period; a replay queues it again. */
    FAILED;

    String value() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
