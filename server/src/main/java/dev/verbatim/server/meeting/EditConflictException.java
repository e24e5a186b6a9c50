package dev.verbatim.server.meeting;

/**
 * An edit that clashes with the meeting's state (HTTP 409), or that was based on a version someone
 * else has since changed (HTTP 412).
 */
public final class EditConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean stale;

  private EditConflictException(String message, boolean stale) {
    super(message);
    this.stale = stale;
  }

  public EditConflictException(String message) {
    this(message, false);
  }

  /** The edit named a version that is no longer current. */
  static EditConflictException stale(String message) {
    return new EditConflictException(message, true);
  }

  public boolean stale() {
    return stale;
  }
}
