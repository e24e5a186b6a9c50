package dev.verbatim.core;

/**
 * One recognised word, timed in milliseconds from the start of the meeting.
 *
 * @param confidence the recogniser's posterior for this word, from 0 to 1
 */
public record Word(String text, long startMs, long endMs, double confidence) {

  public Word {
    if (text.isBlank()) {
      throw new IllegalArgumentException("A word needs text");
    }
    if (startMs < 0 || endMs < startMs) {
      throw new IllegalArgumentException(
          "Bad word timing for '" + text + "': " + startMs + " to " + endMs + " ms");
    }
    if (confidence < 0 || confidence > 1) {
      throw new IllegalArgumentException("Confidence must be within 0 and 1: " + confidence);
    }
  }

  /** Returns this word moved later by {@code offsetMs}. */
  public Word shiftedBy(long offsetMs) {
    return new Word(text, startMs + offsetMs, endMs + offsetMs, confidence);
  }
}
