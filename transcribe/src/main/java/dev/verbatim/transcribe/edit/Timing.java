package dev.verbatim.transcribe.edit;

import dev.verbatim.core.Word;
import java.util.ArrayList;
import java.util.List;

/** Lays words out over a time span when the recogniser never timed them. */
final class Timing {

  private Timing() {}

  /**
   * Spreads {@code texts} over {@code startMs} to {@code endMs}, back to back, each taking a share
   * proportional to its letters (at least one), since longer words take longer to say.
   */
  static List<Word> spread(List<String> texts, List<Double> confidences, long startMs, long endMs) {
    long total = 0;
    for (String text : texts) {
      total += weight(text);
    }
    List<Word> words = new ArrayList<>(texts.size());
    long done = 0;
    long from = startMs;
    for (int i = 0; i < texts.size(); i++) {
      done += weight(texts.get(i));
      long to = startMs + Math.round((double) (endMs - startMs) * done / total);
      words.add(new Word(texts.get(i), from, to, confidences.get(i)));
      from = to;
    }
    return words;
  }

  private static int weight(String text) {
    return Math.max(1, Spelling.letters(text).length());
  }
}
