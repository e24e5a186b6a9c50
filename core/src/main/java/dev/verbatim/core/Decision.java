package dev.verbatim.core;

import java.util.List;

/** Something the meeting decided or agreed, with the words it came from. */
public record Decision(
    String id,
    String text,
    long startMs,
    List<String> segmentIds,
    double confidence,
    String quote) {
  public Decision {
    segmentIds = List.copyOf(segmentIds);
  }
}
