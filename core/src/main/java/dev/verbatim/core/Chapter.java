package dev.verbatim.core;

import java.util.List;

/** A stretch of the meeting on one topic, with a short title. */
public record Chapter(String title, long startMs, long endMs, List<String> segmentIds) {
  public Chapter {
    segmentIds = List.copyOf(segmentIds);
    if (endMs < startMs) {
      throw new IllegalArgumentException("Chapter '" + title + "' ends before it starts");
    }
  }
}
