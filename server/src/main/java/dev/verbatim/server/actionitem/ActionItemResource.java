package dev.verbatim.server.actionitem;

import dev.verbatim.server.meeting.MeetingLinks;
import dev.verbatim.server.meeting.TrackedActionItem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An action item as the API and webhooks send it.
 *
 * @param status {@code open}, {@code in_progress}, {@code done} or {@code dismissed}
 * @param link the meeting page, playing from the second the item was said
 * @param startSeconds the same second, for players of the recording
 */
public record ActionItemResource(
    String id,
    String meetingId,
    String meetingTitle,
    LocalDate meetingDate,
    String text,
    @Nullable String owner,
    @Nullable LocalDate due,
    String status,
    String quote,
    double startSeconds,
    String link,
    boolean confirmed,
    @Nullable String externalId,
    @Nullable String externalUrl,
    int version,
    Instant updatedAt) {

  public static ActionItemResource of(TrackedActionItem item, MeetingLinks links) {
    return new ActionItemResource(
        item.id(),
        item.meetingId(),
        item.meetingTitle(),
        item.meetingDate(),
        item.text(),
        item.owner(),
        item.due(),
        item.status().name().toLowerCase(Locale.ROOT),
        item.quote(),
        item.startMs() / 1000.0,
        links.at(item.meetingId(), item.startMs()),
        item.confirmed(),
        item.externalId(),
        item.externalUrl(),
        item.version(),
        item.updatedAt());
  }

  /** The HTTP entity tag of this version. */
  public String etag() {
    return "\"" + version + "\"";
  }
}
