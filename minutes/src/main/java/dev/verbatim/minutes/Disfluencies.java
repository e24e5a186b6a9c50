package dev.verbatim.minutes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Takes out what people say while they think, so the detectors read what they meant: fillers ("um",
 * "uh"), words cut off and started again ("sh show", "d does") and repeats ("with with with", "do
 * you do you"). "Do you wanna sh do you wanna hold it" reads "do you want to hold it".
 */
final class Disfluencies {

  private static final Set<String> FILLERS =
      Set.of(
          "um", "umm", "uh", "uhm", "er", "erm", "ah", "eh", "mm", "mmm", "hmm", "mm-hmm",
          "uh-huh");

  /** Short words that are words of their own, not a start cut off, even before a longer one. */
  private static final Set<String> WHOLE =
      Set.of(
          "a", "i", "an", "to", "in", "on", "at", "be", "we", "so", "no", "go", "do", "he", "it",
          "is", "as", "or", "of", "up", "us", "my", "by", "me", "the", "for", "and", "can", "not",
          "all", "but", "you", "our", "out", "too", "any", "off", "one", "two", "ten", "she", "her",
          "his", "its", "has", "had", "was", "are", "did", "now", "how", "who", "why", "see", "use",
          "new", "put", "get", "set", "let", "try", "way", "day");

  /** The longest run of words taken for a repeat ("do you do you"). */
  private static final int LONGEST_REPEAT = 4;

  private Disfluencies() {}

  static List<String> clean(List<String> tokens) {
    List<String> out = new ArrayList<>(tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
      if (FILLERS.contains(token) || isCutOff(token, next)) {
        continue;
      }
      out.add(token);
      dropRepeat(out);
    }
    return out;
  }

  /** "sh" before "show": a word begun and started again. */
  private static boolean isCutOff(String token, String next) {
    return token.length() <= 3
        && next.length() > token.length()
        && next.startsWith(token)
        && !WHOLE.contains(token);
  }

  /** When the words just added repeat those before them, keeps one copy. */
  private static void dropRepeat(List<String> out) {
    for (int n = 1; n <= LONGEST_REPEAT && 2 * n <= out.size(); n++) {
      int end = out.size();
      if (out.subList(end - 2 * n, end - n).equals(out.subList(end - n, end))) {
        out.subList(end - n, end).clear();
        return;
      }
    }
  }
}
