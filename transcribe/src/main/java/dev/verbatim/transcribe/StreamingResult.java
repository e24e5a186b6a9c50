package dev.verbatim.transcribe;

import dev.verbatim.core.Word;
import java.util.List;

/** What a {@link StreamingRecognizer} has heard after a piece of audio. */
public sealed interface StreamingResult {

  /** The text so far of an utterance still going on; it may change. Often empty. */
  record Partial(String text) implements StreamingResult {}

  /**
   * An utterance that ended (at a pause, on request, or with the stream).
   *
   * @param words timed in milliseconds from the start of the stream's audio
   */
  record Final(String text, List<Word> words) implements StreamingResult {
    public Final {
      words = List.copyOf(words);
    }

    public boolean isEmpty() {
      return text.isBlank();
    }
  }
}
