package dev.verbatim.core;

import java.util.List;

/**
 * A sentence as a reader sees it: one speaker, capitalised for display, and marked when it asks a
 * question. It lies within the segments it names, which take it to the second it was said.
 */
public record Sentence(
    String id,
    String speakerId,
    long startMs,
    long endMs,
    String text,
    boolean question,
    List<String> segmentIds) {
  public Sentence {
    segmentIds = List.copyOf(segmentIds);
    if (endMs < startMs) {
      throw new IllegalArgumentException("Sentence " + id + " ends before it starts");
    }
  }
}
