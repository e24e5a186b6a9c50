package dev.verbatim.transcribe;

import java.util.Set;
import java.util.TreeSet;

/** A transcription asked for a language that has no model configured. */
public final class UnknownLanguageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UnknownLanguageException(String language, Set<String> configured) {
    super(
        "No speech model is configured for language '"
            + language
            + "'; configured languages: "
            + new TreeSet<>(configured));
  }
}
