package dev.verbatim.server.meeting;

import dev.verbatim.core.ActionItemStatus;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An action item as task systems see it: where it was said, where it stands, and the task another
 * system made of it.
 *
 * @param id unique across meetings: the meeting's id, a dot, and the item's id in the meeting
 * @param itemId the item's id within its meeting
 * @param startMs when in the recording it was said
 * @param quote the words it came from, as recognised
 * @param confirmed whether a person confirmed or wrote it
 * @param externalId the id of the task a task system made of it
 * @param externalUrl where that task lives
 * @param version rises with every change; the API's ETag
 */
public record TrackedActionItem(
    String id,
    String meetingId,
    String itemId,
    String meetingTitle,
    LocalDate meetingDate,
    String text,
    @Nullable String owner,
    @Nullable LocalDate due,
    ActionItemStatus status,
    long startMs,
    String quote,
    boolean confirmed,
    @Nullable String externalId,
    @Nullable String externalUrl,
    int version,
    Instant updatedAt) {

  /** The id task systems use, from the meeting's and the item's. */
  public static String id(String meetingId, String itemId) {
    return meetingId + SEPARATOR + itemId;
  }

  /** Meeting ids ({@code m-} and hex) never contain it. */
  public static final char SEPARATOR = '.';
}
