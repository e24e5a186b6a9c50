package dev.verbatim.transcribe;

import dev.verbatim.core.Word;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The words recognised in one speaker's recording.
 *
 * @param speakerId the id the transcript gives this speaker, such as {@code S1}
 * @param speakerName the person's name, when known
 */
public record Track(String speakerId, @Nullable String speakerName, List<Word> words) {

  public Track {
    words = List.copyOf(words);
  }
}
