package dev.verbatim.server.meeting;

/**
 * An action item was created, changed or deleted. Published inside the transaction that made the
 * change, so a listener writing to the same database (the webhook outbox) commits or rolls back
 * with it. Listeners must not call out of the process.
 *
 * @param item the item after the change; for a deletion, as it was before
 */
public record ActionItemChanged(Kind kind, TrackedActionItem item) {

  /** What happened to the item. */
  public enum Kind {
    CREATED,
    UPDATED,
    DELETED
  }
}
