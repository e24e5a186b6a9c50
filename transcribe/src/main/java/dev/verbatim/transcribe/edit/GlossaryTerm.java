package dev.verbatim.transcribe.edit;

import java.util.Objects;

/**
 * A word or short phrase the recogniser may not know, such as a drug, product or person's name,
 * written as it should appear in the transcript.
 *
 * @param text one to {@value #MAX_WORDS} words, at most {@value #MAX_LENGTH} characters; runs of
 *     whitespace are collapsed to one space
 */
public record GlossaryTerm(String text) {

  public static final int MAX_LENGTH = 100;
  public static final int MAX_WORDS = 3;

  public GlossaryTerm {
    Objects.requireNonNull(text, "text");
    text = text.strip().replaceAll("(?U)\\s+", " ");
    if (text.isEmpty()) {
      throw new IllegalArgumentException("A glossary term needs text");
    }
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "A glossary term has at most " + MAX_LENGTH + " characters: " + text.length());
    }
    if (text.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("A glossary term cannot hold control characters");
    }
    if (words(text).length > MAX_WORDS) {
      throw new IllegalArgumentException(
          "A glossary term has at most " + MAX_WORDS + " words: '" + text + "'");
    }
  }

  /** The term's words as they replace recognised ones, in the user's spelling. */
  String[] words() {
    return words(text);
  }

  private static String[] words(String text) {
    return text.split(" ");
  }
}
