package dev.verbatim.minutes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Takes out what people say while they think, so the detectors read what they meant and readers
 * read clean lines: fillers ("um", "uh"), words cut off and started again ("sh show", "d does", "do
 * you wanna sh do you wanna hold it") and repeats ("with with with", "do you do you").
 */
final class Disfluencies {

  private static final Set<String> FILLERS =
      Set.of(
          "oh", "um", "umm", "uh", "uhm", "er", "erm", "ah", "eh", "mm", "mmm", "hmm", "mm-hmm",
          "uh-huh");

  /** Short words that are words of their own, not a start cut off, even before a longer one. */
  private static final Set<String> WHOLE =
      Set.of(
          "a", "i", "an", "to", "in", "on", "at", "be", "we", "so", "no", "go", "do", "he", "it",
          "is", "as", "or", "of", "up", "us", "my", "by", "me", "the", "for", "and", "can", "not",
          "all", "but", "you", "our", "out", "too", "any", "off", "one", "two", "ten", "she", "her",
          "his", "its", "has", "had", "was", "are", "did", "now", "how", "who", "why", "see", "use",
          "new", "put", "get", "set", "let", "try", "way", "day", "ok", "yes", "tv");

  /** The longest run of words taken for a repeat ("do you do you"). */
  private static final int LONGEST_REPEAT = 4;

  private Disfluencies() {}

  /** The words worth reading, of lowercase tokens. */
  static List<String> clean(List<String> tokens) {
    List<String> out = new ArrayList<>();
    for (int i : kept(tokens)) {
      out.add(tokens.get(i));
    }
    return out;
  }

  /**
   * The same for text a person reads, keeping its capitals and punctuation: "Um so we we need a a
   * new design." reads "So we need a new design."
   */
  static String cleanText(String text) {
    String[] raw = text.strip().split("\\s+");
    List<String> keys = new ArrayList<>();
    for (String word : raw) {
      keys.add(Sentences.bare(word));
    }
    List<Integer> kept = kept(keys);
    List<String> words = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < raw.length; i++) {
      boolean keep = next < kept.size() && kept.get(next) == i;
      if (keep) {
        next++;
        words.add(raw[i]);
      } else if (!words.isEmpty() && raw[i].matches(".*[.?!]$")) {
        // A dropped word ended the sentence: its stop moves to the word before.
        String last = words.remove(words.size() - 1).replaceAll("[,;:.?!]+$", "");
        words.add(last + raw[i].replaceAll("^.*?([.?!]+)$", "$1"));
      }
    }
    String out = String.join(" ", words);
    if (!out.isEmpty() && Character.isUpperCase(text.strip().charAt(0))) {
      out = Character.toUpperCase(out.charAt(0)) + out.substring(1);
    }
    return out;
  }

  /** The indexes of the words to keep, in order. */
  private static List<Integer> kept(List<String> keys) {
    List<Integer> out = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      String next = i + 1 < keys.size() ? keys.get(i + 1) : "";
      if (key.isEmpty() || FILLERS.contains(key) || isCutOff(key, next)) {
        continue;
      }
      out.add(i);
      dropRepeat(out, keys);
    }
    return out;
  }

  /** "sh" before "show": a word begun and started again. */
  private static boolean isCutOff(String token, String next) {
    boolean begun = next.length() > token.length() && next.startsWith(token);
    // "interf interface": a longer start is cut off when it is no word of its own.
    return begun
        && (token.length() <= 3 && !WHOLE.contains(token)
            || token.length() > 3 && !BackgroundFrequencies.known(token));
  }

  /** A short piece that is no word of its own: "sh" in "do you wanna sh do you wanna". */
  private static boolean isFragment(String token) {
    return token.length() <= 2 && !WHOLE.contains(token);
  }

  /**
   * When the words just added repeat those before them, keeps one copy; also across a fragment
   * between the copies ("do you want to sh do you want to").
   */
  private static void dropRepeat(List<Integer> out, List<String> keys) {
    for (int n = 1; n <= LONGEST_REPEAT && 2 * n <= out.size(); n++) {
      int end = out.size();
      if (same(out, keys, end - 2 * n, end - n, n)) {
        out.subList(end - n, end).clear();
        return;
      }
      if (2 * n + 1 <= end
          && isFragment(keys.get(out.get(end - n - 1)))
          && same(out, keys, end - 2 * n - 1, end - n, n)) {
        out.subList(end - n - 1, end).clear();
        return;
      }
    }
  }

  private static boolean same(List<Integer> out, List<String> keys, int a, int b, int n) {
    for (int k = 0; k < n; k++) {
      if (!keys.get(out.get(a + k)).equals(keys.get(out.get(b + k)))) {
        return false;
      }
    }
    return true;
  }
}
