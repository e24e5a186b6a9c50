package dev.verbatim.transcribe;

import java.util.Arrays;
import java.util.Locale;

/** Word error rate: how far a recognised text is from what was really said. */
public final class WordErrorRate {

  private WordErrorRate() {}

  /**
   * Returns the word-level edit distance (substitutions, insertions, deletions) divided by the
   * number of reference words, after lowercasing and removing punctuation. An empty reference gives
   * 0 for an empty hypothesis and 1 otherwise.
   */
  public static double between(String reference, String hypothesis) {
    String[] ref = words(reference);
    String[] hyp = words(hypothesis);
    if (ref.length == 0) {
      return hyp.length == 0 ? 0 : 1;
    }
    int[] previous = new int[hyp.length + 1];
    int[] current = new int[hyp.length + 1];
    for (int j = 0; j <= hyp.length; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= ref.length; i++) {
      current[0] = i;
      for (int j = 1; j <= hyp.length; j++) {
        int substitution = previous[j - 1] + (ref[i - 1].equals(hyp[j - 1]) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return (double) previous[hyp.length] / ref.length;
  }

  /** Keeps letters, digits and in-word apostrophes, as in "don't". */
  private static String[] words(String text) {
    String cleaned =
        text.toLowerCase(Locale.ROOT)
            .replaceAll("[^\\p{L}\\p{N}']+", " ")
            .replaceAll("(^|\\s)'+|'+(\\s|$)", " ");
    return Arrays.stream(cleaned.trim().split("\\s+"))
        .filter(w -> !w.isEmpty())
        .toArray(String[]::new);
  }
}
