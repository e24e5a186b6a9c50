package dev.verbatim.server.sharelink;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A read-only link to one meeting, as kept: never with its token, only the token's hash is stored.
 *
 * @param transcript whether the transcript and recording are shared too, or the minutes only
 * @param exports whether the documents (PDF, Word, subtitles, ...) may be downloaded
 * @param createdBy the account that made it; null once that account is gone
 * @param expiresAt null for a link that lasts until it is revoked
 */
public record ShareLink(
    String id,
    String meetingId,
    String name,
    boolean transcript,
    boolean exports,
    @Nullable String createdBy,
    Instant createdAt,
    @Nullable Instant expiresAt,
    @Nullable Instant revokedAt,
    @Nullable Instant lastViewedAt,
    long views) {

  /** Where a link stands at a moment. */
  public enum State {
    ACTIVE,
    EXPIRED,
    REVOKED;

    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public State state(Instant now) {
    if (revokedAt != null) {
      return State.REVOKED;
    }
    return expiresAt != null && !now.isBefore(expiresAt) ? State.EXPIRED : State.ACTIVE;
  }

  /** How the audit trail names whoever uses the link: they have no account. */
  public String actorName() {
    return "share link " + id;
  }
}
