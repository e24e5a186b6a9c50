package dev.verbatim.server.sharelink;

import dev.verbatim.core.Meeting;
import dev.verbatim.core.Minutes;
import dev.verbatim.core.Source;
import dev.verbatim.server.account.Accounts;
import dev.verbatim.server.audit.AuditAction;
import dev.verbatim.server.audit.AuditActor;
import dev.verbatim.server.audit.AuditTarget;
import dev.verbatim.server.audit.AuditTrail;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Makes, opens and revokes share links. A token is 32 random bytes (256 bits) in base64url, shown
 * once when the link is made; only its SHA-256 is stored, so neither the database nor the list of
 * links can give one away.
 */
@Service
public class ShareLinks {

  /** How long a link lasts when its maker names no end. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofDays(30);

  static final int TOKEN_BYTES = 32;

  /** What a token looks like: anything else is unknown without asking the database. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ShareLinkStore store;
  private final AuditTrail audit;
  private final Clock clock;

  ShareLinks(ShareLinkStore store, AuditTrail audit, Clock clock) {
    this.store = store;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * What a new link shares and until when.
   *
   * @param expiresAt null for a link that lasts until it is revoked
   */
  public record Options(
      String name, boolean transcript, boolean exports, @Nullable Instant expiresAt) {}

  /** A link just made, with its token: the only time the token is known. */
  public record Created(ShareLink link, String token) {}

  public Created create(String meetingId, Options options, @Nullable String createdBy) {
    Instant now = clock.instant();
    if (options.expiresAt() != null && !options.expiresAt().isAfter(now)) {
      throw new IllegalArgumentException("A share link must expire in the future.");
    }
    String name = options.name().strip();
    if (name.isEmpty() || name.length() > 100) {
      throw new IllegalArgumentException("A share link's name is 1 to 100 characters.");
    }
    byte[] secret = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    byte[] id = new byte[8];
    RANDOM.nextBytes(id);
    ShareLink link =
        new ShareLink(
            "sl-" + HexFormat.of().formatHex(id),
            meetingId,
            name,
            options.transcript(),
            options.exports(),
            createdBy,
            now,
            options.expiresAt(),
            null,
            null,
            0);
    store.insert(link, Accounts.sha256(token));
    return new Created(link, token);
  }

  /** A meeting's links, newest first, revoked and expired ones too; never their tokens. */
  public List<ShareLink> of(String meetingId) {
    return store.of(meetingId);
  }

  /**
   * Revokes a link of the meeting at once; revoking it again changes nothing.
   *
   * @return false if the meeting has no such link
   */
  public boolean revoke(String meetingId, String linkId) {
    if (store.find(meetingId, linkId).isEmpty()) {
      return false;
    }
    store.revoke(linkId, clock.instant());
    return true;
  }

  /**
   * The link of a token, if it still opens its meeting.
   *
   * @throws ShareLinkUnavailableException for a token that is unknown, expired or revoked
   */
  public ShareLink open(String token) {
    if (!TOKEN.matcher(token).matches()) {
      throw ShareLinkUnavailableException.unknown();
    }
    ShareLink link =
        store
            .byTokenHash(Accounts.sha256(token))
            .orElseThrow(ShareLinkUnavailableException::unknown);
    Instant revoked = link.revokedAt();
    if (revoked != null) {
      throw ShareLinkUnavailableException.revoked(revoked);
    }
    Instant expires = link.expiresAt();
    if (expires != null && !clock.instant().isBefore(expires)) {
      throw ShareLinkUnavailableException.expired(expires);
    }
    return link;
  }

  /** The link's page was shown: counted, and recorded once per address an hour. */
  public void viewed(ShareLink link) {
    store.viewed(link.id(), clock.instant());
    audit.recordOnce(actor(link), AuditAction.SHARE_LINK_VIEW, target(link), "name=" + link.name());
  }

  /** The recording was played through the link; a player asks many times, recorded once. */
  public void played(ShareLink link) {
    audit.recordOnce(actor(link), AuditAction.MEETING_MEDIA, target(link), "share link");
  }

  /** A document was downloaded through the link. */
  public void exported(ShareLink link, String format) {
    audit.record(
        actor(link), AuditAction.MEETING_EXPORT, target(link), "format=" + format + ", share link");
  }

  /**
   * The meeting as the link shows it: for a link to the minutes only, without the transcript (its
   * segments, and the sentences the minutes keep of it), the evidence quoted for speakers' names,
   * and the recordings' names.
   */
  public static Meeting shown(ShareLink link, Meeting meeting) {
    if (link.transcript()) {
      return meeting;
    }
    return new Meeting(
        meeting.schema(),
        meeting.id(),
        meeting.title(),
        meeting.date(),
        meeting.durationMs(),
        meeting.language(),
        new Source(List.of()),
        meeting.speakers(),
        List.of(),
        new Minutes(
            meeting.minutes().template(),
            List.of(),
            meeting.minutes().summary(),
            meeting.minutes().chapters(),
            meeting.minutes().keywords(),
            meeting.minutes().decisions(),
            meeting.minutes().actionItems(),
            List.of()));
  }

  private static AuditActor actor(ShareLink link) {
    return new AuditActor(null, link.actorName(), null);
  }

  private static AuditTarget target(ShareLink link) {
    return AuditTarget.meeting(link.meetingId());
  }
}
