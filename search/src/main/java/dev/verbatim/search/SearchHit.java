package dev.verbatim.search;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One place a query matched.
 *
 * @param kind {@code segment} (a stretch of transcript), {@code meeting} (its title, participants,
 *     summary, keywords, chapters or decisions) or {@code action} (an action item)
 * @param segmentId the matched segment; for an action item the first segment it came from; null for
 *     a meeting
 * @param startMs where to start playing: the segment's or action item's start, 0 for a meeting
 * @param speaker for a segment the speaker's name, or their id while unnamed; for an action item
 *     its owner; null otherwise
 * @param snippet HTML: the matched text, escaped, with {@code <mark>} around the matched words
 * @param actionItemId for an action item, its id
 * @param due for an action item, its due date if it has one
 * @param status for an action item, its status in lower case, such as {@code open}
 */
public record SearchHit(
    String kind,
    String meetingId,
    String meetingTitle,
    @Nullable LocalDate date,
    @Nullable String segmentId,
    long startMs,
    @Nullable String speaker,
    String snippet,
    float score,
    @Nullable String actionItemId,
    @Nullable LocalDate due,
    @Nullable String status) {

  public static final String SEGMENT = "segment";
  public static final String MEETING = "meeting";
  public static final String ACTION = "action";
}
