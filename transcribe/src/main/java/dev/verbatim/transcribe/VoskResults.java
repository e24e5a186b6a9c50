package dev.verbatim.transcribe;

import dev.verbatim.core.Word;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Reads the JSON Vosk returns for a result into core {@link Word}s; Vosk times are seconds. */
final class VoskResults {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private VoskResults() {}

  /** Returns the words of {@code json} moved by {@code shiftMs}, leaving out any before zero. */
  static List<Word> words(String json, double shiftMs) {
    JsonNode result = JSON.readTree(json).path("result");
    List<Word> words = new ArrayList<>(result.size());
    for (JsonNode w : result) {
      String text = w.path("word").asString("");
      if (text.isBlank()) {
        continue;
      }
      long start = Math.round(w.path("start").asDouble() * 1000 + shiftMs);
      if (start < 0) {
        // Said before the audio that was asked about: the warm-up of a chunk.
        continue;
      }
      long end = Math.max(start, Math.round(w.path("end").asDouble() * 1000 + shiftMs));
      double confidence = Math.max(0, Math.min(1, w.path("conf").asDouble(1)));
      words.add(new Word(text, start, end, confidence));
    }
    return words;
  }
}
