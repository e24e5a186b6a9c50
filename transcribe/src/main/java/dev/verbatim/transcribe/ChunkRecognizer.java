package dev.verbatim.transcribe;

import dev.verbatim.core.PcmFormat;
import dev.verbatim.core.Word;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * One Vosk recognizer at 16 kHz, used by one thread at a time, decoding chunk after chunk of
 * recordings, or the utterances of a live stream.
 *
 * <p>A new recognizer decodes its first half minute of speech at a third of its later speed, while
 * Vosk expands the parts of its lookahead graph the speech reaches (measured: 24.7 s of read speech
 * took 3.2 s fresh, 1.0 s the second time), so recognizers are pooled. After a final result Vosk
 * starts the next chunk with a fresh feature pipeline and decoder, so a chunk's words do not depend
 * on the chunks before it; only its clock keeps running, which {@link #decode(Chunk)} and {@link
 * #clockMs()} take off again.
 */
final class ChunkRecognizer implements AutoCloseable {

  /** Vosk's examples feed 4000 samples at a time; it decides utterance ends itself. */
  private static final int BLOCK_BYTES = 4000 * PcmFormat.BYTES_PER_SAMPLE;

  private static final double BYTES_PER_MS =
      PcmFormat.SPEECH.sampleRate() * PcmFormat.BYTES_PER_SAMPLE / 1000.0;

  private final Recognizer recognizer;
  private final double bytesPerMs;
  private long bytesFed;

  ChunkRecognizer(Model model) throws IOException {
    this(new Recognizer(model, PcmFormat.SPEECH.sampleRate()), PcmFormat.SPEECH.sampleRate());
  }

  /**
   * A recognizer of its own for one live stream: at another rate, or listening for phrases only.
   */
  ChunkRecognizer(Recognizer recognizer, float sampleRate) {
    this.recognizer = recognizer;
    this.bytesPerMs = sampleRate * PcmFormat.BYTES_PER_SAMPLE / 1000.0;
    recognizer.setWords(true);
  }

  /**
   * Whether the next chunk could push Vosk's running clock past 2^24 samples (17 minutes). Vosk
   * divides that count by a {@code float} sample rate, exact only below 2^24; past it, times would
   * depend on how much this recognizer decoded before, and so on the number of workers.
   */
  boolean clockNearlyInexact() {
    long samples = bytesFed / PcmFormat.BYTES_PER_SAMPLE;
    return samples > (1L << 24) - PcmFormat.SPEECH.samples(60_000);
  }

  /** How much audio the recognizer has been fed, in milliseconds: where its clock stands. */
  double clockMs() {
    return bytesFed / bytesPerMs;
  }

  /** Feeds live 16 kHz audio; returns whether Vosk heard the end of an utterance. */
  boolean accept(byte[] pcm) {
    int length = pcm.length - pcm.length % 2;
    bytesFed += length;
    return recognizer.acceptWaveForm(pcm, length);
  }

  /** The utterance Vosk just ended, as its JSON. */
  String result() {
    return recognizer.getResult();
  }

  /** Ends the utterance going on, as its JSON; the next audio starts afresh. */
  String finalResult() {
    return recognizer.getFinalResult();
  }

  /** The text so far of the utterance going on, as JSON. */
  String partialResult() {
    return recognizer.getPartialResult();
  }

  /** Returns the chunk's words, timed from the start of the recording. */
  List<Word> decode(Chunk chunk) throws IOException {
    long warmupMs = Math.round(chunk.warmup().length / BYTES_PER_MS);
    double shiftMs = -bytesFed / BYTES_PER_MS - warmupMs;
    bytesFed += chunk.warmup().length + chunk.pcm().length - chunk.pcm().length % 2;
    InputStream audio =
        new SequenceInputStream(
            new ByteArrayInputStream(chunk.warmup()), new ByteArrayInputStream(chunk.pcm()));
    List<Word> local = feed(recognizer, audio, shiftMs, n -> {});
    // Words of the warm-up come out before zero and are left out: they belong to the previous
    // chunk.
    return local.stream().map(chunk::place).toList();
  }

  /**
   * Decodes all of {@code pcm} with a fresh recognizer, telling {@code fed} the number of bytes
   * decoded so far after each block.
   */
  static List<Word> decodeWhole(Model model, InputStream pcm, LongConsumer fed) throws IOException {
    try (Recognizer recognizer = new Recognizer(model, PcmFormat.SPEECH.sampleRate())) {
      recognizer.setWords(true);
      return feed(recognizer, pcm, 0, fed);
    }
  }

  private static List<Word> feed(
      Recognizer recognizer, InputStream pcm, double shiftMs, LongConsumer fed) throws IOException {
    List<Word> words = new ArrayList<>();
    byte[] block = new byte[BLOCK_BYTES];
    long total = 0;
    int n;
    while ((n = pcm.readNBytes(block, 0, block.length)) > 0) {
      if (recognizer.acceptWaveForm(block, n - n % 2)) {
        words.addAll(VoskResults.words(recognizer.getResult(), shiftMs));
      }
      total += n;
      fed.accept(total);
    }
    words.addAll(VoskResults.words(recognizer.getFinalResult(), shiftMs));
    return words;
  }

  @Override
  public void close() {
    recognizer.close();
  }
}
