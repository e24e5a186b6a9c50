package dev.verbatim.transcribe;

import dev.verbatim.core.PcmFormat;
import dev.verbatim.core.Word;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.vosk.Model;
import org.vosk.Recognizer;

/** Runs one fresh Vosk recognizer over a stream of PCM; a recognizer is not thread-safe. */
final class ChunkRecognizer {

  /** Vosk's examples feed 4000 samples at a time; it decides utterance ends itself. */
  private static final int BLOCK_BYTES = 4000 * PcmFormat.BYTES_PER_SAMPLE;

  private ChunkRecognizer() {}

  static List<Word> decode(Model model, Chunk chunk) throws IOException {
    return decode(model, new ByteArrayInputStream(chunk.pcm()), chunk.offsetMs(), n -> {});
  }

  /**
   * Decodes {@code pcm} to its end and returns its words moved later by {@code offsetMs}, telling
   * {@code fed} the total number of bytes decoded after each block.
   */
  static List<Word> decode(Model model, InputStream pcm, long offsetMs, LongConsumer fed)
      throws IOException {
    List<Word> words = new ArrayList<>();
    try (Recognizer recognizer = new Recognizer(model, PcmFormat.SPEECH.sampleRate())) {
      recognizer.setWords(true);
      byte[] block = new byte[BLOCK_BYTES];
      long total = 0;
      int n;
      while ((n = pcm.readNBytes(block, 0, block.length)) > 0) {
        int even = n - n % 2;
        if (recognizer.acceptWaveForm(block, even)) {
          words.addAll(VoskResults.words(recognizer.getResult(), offsetMs));
        }
        total += n;
        fed.accept(total);
      }
      words.addAll(VoskResults.words(recognizer.getFinalResult(), offsetMs));
    }
    return words;
  }
}
