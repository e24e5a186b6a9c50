package dev.verbatim.core;

import java.util.List;

/** A run of words by one speaker, bounded by a speaker change or a pause. */
public record Segment(
    String id, String speakerId, long startMs, long endMs, String text, List<Word> words) {

  public Segment {
    words = List.copyOf(words);
    if (endMs < startMs) {
      throw new IllegalArgumentException("Segment " + id + " ends before it starts");
    }
  }
}
