package dev.verbatim.server.meeting;

/**
 * A meeting's stored content changed: derived data (the search index, open pages) follows. Sent as
 * a Spring application event, inside the transaction that makes the change where there is one (as
 * for access changes and deletions), else after its commit. Listeners that must see the change
 * committed are {@code @TransactionalEventListener}s.
 */
public record MeetingChanged(String meetingId, Change change) {

  /** What happened. */
  public enum Change {
    /** A job stored a new transcript and minutes. */
    PROCESSED,
    /** A person edited it. */
    EDITED,
    /** Who may see it changed: it was shared, unshared, or opened to the organisation. */
    ACCESS,
    /** It is gone, with its media. */
    DELETED
  }
}
