package dev.verbatim.core;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Something a person agreed to do, written as an imperative ("Send the contract to procurement"),
 * with who does it, by when, and the words it came from.
 *
 * @param owner a speaker's name when known, else the speaker id; null when nobody could be resolved
 * @param due the date it is due, resolved against the meeting date; null when none was said
 * @param quote the words as recognised, so a reader can check the minutes against the recording
 * @param confidence how sure the engine is that this is an action item, from 0 to 1
 */
public record ActionItem(
    String id,
    String text,
    @Nullable String owner,
    @Nullable LocalDate due,
    ActionItemStatus status,
    long startMs,
    List<String> segmentIds,
    double confidence,
    String quote) {
  public ActionItem {
    segmentIds = List.copyOf(segmentIds);
    if (confidence < 0 || confidence > 1) {
      throw new IllegalArgumentException("Confidence must be within 0 and 1: " + confidence);
    }
  }
}
