package dev.verbatim.transcribe.edit;

import java.util.Locale;

/** How words compare regardless of case and punctuation, the way the recogniser writes them. */
final class Spelling {

  private Spelling() {}

  /** Lowercase letters and digits only: "Kubernetes," and "kubernetes" are the same word. */
  static String letters(String word) {
    StringBuilder out = new StringBuilder(word.length());
    word.toLowerCase(Locale.ROOT)
        .codePoints()
        .filter(Character::isLetterOrDigit)
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  /** Levenshtein distance between two strings, by char. */
  static int distance(CharSequence a, CharSequence b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** {@link #distance} divided by the longer length: 0 for equal, 1 for nothing in common. */
  static double normalizedDistance(String a, String b) {
    int longer = Math.max(a.length(), b.length());
    return longer == 0 ? 0 : (double) distance(a, b) / longer;
  }
}
