package dev.verbatim.core;

import java.util.List;

/** One bullet of the summary, pointing at the segments it summarises. */
public record SummaryPoint(String text, long startMs, List<String> segmentIds) {
  public SummaryPoint {
    segmentIds = List.copyOf(segmentIds);
  }
}
