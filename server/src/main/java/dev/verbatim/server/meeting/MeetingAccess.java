package dev.verbatim.server.meeting;

import dev.verbatim.server.account.Caller;
import dev.verbatim.server.account.Callers;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a meeting, the one rule for the API, the pages, media, exports and events:
 *
 * <ul>
 *   <li>view: its owner, admins, the people it is shared with, and everyone when it is visible to
 *       the organisation;
 *   <li>edit: its owner, admins, and the people it is shared with to edit;
 *   <li>manage (share, reprocess, delete): its owner and admins.
 * </ul>
 *
 * Meetings from before accounts have no owner: only admins see them. Lists are filtered by the same
 * rule inside their query ({@link MeetingStore#list}).
 */
@Component
public class MeetingAccess {

  /** Event streams ask for every event; a share revoked stops them within this time. */
  private static final Duration REMEMBER = Duration.ofSeconds(2);

  private static final int REMEMBER_AT_MOST = 10_000;

  private final ShareStore shares;
  private final Callers callers;
  private final Map<String, Remembered> recent = new ConcurrentHashMap<>();

  MeetingAccess(ShareStore shares, Callers callers) {
    this.shares = shares;
    this.callers = callers;
  }

  /** The most the caller may do with the meeting; empty if it does not exist for them. */
  public Optional<Permission> permission(Caller caller, String meetingId) {
    return shares.relation(meetingId, caller.id()).flatMap(r -> permission(caller, r));
  }

  static Optional<Permission> permission(Caller caller, ShareStore.Relation relation) {
    if (caller.admin() || caller.id().equals(relation.ownerId())) {
      return Optional.of(Permission.MANAGE);
    }
    if (relation.shared() != null) {
      return Optional.of(relation.shared());
    }
    return relation.orgVisible() ? Optional.of(Permission.VIEW) : Optional.empty();
  }

  /**
   * Lets the current caller go on if they may do {@code needed} with the meeting. A meeting they
   * may not see does not exist for them: {@link MeetingNotFoundException}, as for a wrong id.
   */
  public Permission require(String meetingId, Permission needed) {
    Permission has =
        permission(callers.current(), meetingId)
            .orElseThrow(() -> new MeetingNotFoundException("Meeting " + meetingId));
    if (!has.includes(needed)) {
      throw new MeetingForbiddenException(
          needed == Permission.MANAGE
              ? "Only the meeting's owner or an admin may do this."
              : "This meeting is shared with you to view only.");
    }
    return has;
  }

  /** Whether the caller may see the meeting, remembered briefly for streams of many events. */
  public boolean canView(Caller caller, String meetingId) {
    if (caller.admin()) {
      return true;
    }
    String key = caller.id() + ' ' + meetingId;
    long now = System.nanoTime();
    Remembered known = recent.get(key);
    if (known != null && now - known.at() < REMEMBER.toNanos()) {
      return known.visible();
    }
    if (recent.size() > REMEMBER_AT_MOST) {
      recent.clear();
    }
    boolean visible = permission(caller, meetingId).isPresent();
    recent.put(key, new Remembered(visible, now));
    return visible;
  }

  private record Remembered(boolean visible, long at) {}
}
