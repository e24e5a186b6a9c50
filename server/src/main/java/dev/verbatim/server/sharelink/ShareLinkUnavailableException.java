package dev.verbatim.server.sharelink;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A share link that opens nothing: unknown (or mistyped), expired, or revoked. Its pages say which,
 * as a person who was sent the link needs to know whether to ask for a new one.
 */
public final class ShareLinkUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the link opens nothing. */
  public enum Reason {
    UNKNOWN,
    EXPIRED,
    REVOKED
  }

  private final Reason reason;
  private final @Nullable Instant at;

  private ShareLinkUnavailableException(Reason reason, @Nullable Instant at, String message) {
    super(message);
    this.reason = reason;
    this.at = at;
  }

  static ShareLinkUnavailableException unknown() {
    return new ShareLinkUnavailableException(
        Reason.UNKNOWN, null, "There is no share link with this address; it may be mistyped.");
  }

  static ShareLinkUnavailableException expired(Instant at) {
    return new ShareLinkUnavailableException(
        Reason.EXPIRED, at, "This share link expired on " + day(at) + ".");
  }

  static ShareLinkUnavailableException revoked(Instant at) {
    return new ShareLinkUnavailableException(
        Reason.REVOKED, at, "This share link was revoked on " + day(at) + ".");
  }

  public Reason reason() {
    return reason;
  }

  /** When it expired or was revoked; null for an unknown link. */
  public @Nullable Instant at() {
    return at;
  }

  /** The day (UTC, YYYY-MM-DD) it expired or was revoked, for pages; null for an unknown link. */
  public @Nullable String day() {
    return at == null ? null : day(at);
  }

  private static String day(Instant instant) {
    return instant.toString().substring(0, 10);
  }
}
