package dev.verbatim.transcribe.edit;

import dev.verbatim.core.Word;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One run of recognised words a glossary term replaced; it holds the original words so {@link
 * Glossary#revert} can put them back.
 *
 * @param segmentId the segment the words are in
 * @param wordIndex where the first replaced word was in the original segment's words
 * @param original the recognised words that were replaced, as they were
 * @param replacement the term's words that took their place
 */
public record Replacement(
    String segmentId, int wordIndex, List<Word> original, List<Word> replacement) {

  public Replacement {
    original = List.copyOf(original);
    replacement = List.copyOf(replacement);
    if (original.isEmpty() || replacement.isEmpty() || wordIndex < 0) {
      throw new IllegalArgumentException("A replacement replaces at least one word by one word");
    }
  }

  /** How many recognised words were replaced. */
  public int wordCount() {
    return original.size();
  }

  /** The recognised text that was replaced, such as "a pixie ban". */
  public String originalText() {
    return text(original);
  }

  /** The term that replaced it, such as "apixaban". */
  public String replacementText() {
    return text(replacement);
  }

  public long startMs() {
    return original.get(0).startMs();
  }

  public long endMs() {
    return original.get(original.size() - 1).endMs();
  }

  static String text(List<Word> words) {
    return words.stream().map(Word::text).collect(Collectors.joining(" "));
  }
}
