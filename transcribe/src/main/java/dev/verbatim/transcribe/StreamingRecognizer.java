package dev.verbatim.transcribe;

import dev.verbatim.core.PcmFormat;
import dev.verbatim.core.Word;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.vosk.Recognizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recognises one live stream of s16le mono PCM as it arrives, utterance by utterance, the way a
 * vosk-server connection does: every piece of audio gives a partial or, at a pause, a final result.
 *
 * <p>Audio at a whole multiple of the model's 16 kHz (48 kHz from Jitsi) is brought down to 16 kHz
 * here, piece by piece, so nothing of the stream is kept beyond one piece; audio below 16 kHz is
 * brought up to it; other rates above go to Vosk as they are, which resamples them down itself. Not
 * safe for use by several threads at once: one stream, one caller.
 *
 * <p>Silence is not recognised: a {@link SilenceGate} ends the utterance at a pause and holds the
 * audio back until speech resumes, so a stream costs recognition time only while its participant
 * speaks. Word times stay on the stream's clock.
 *
 * <p>A stream at 16 kHz (or brought to it) without phrases holds a recognizer only while its
 * participant speaks: it borrows a warm one from the model's pool when an utterance starts and
 * gives it back at the pause that ends it (Vosk starts afresh after a final result anyway). Twenty
 * participants of whom a few speak at once need a few recognizers, not twenty, and those few warm
 * up on everyone's speech: a fresh recognizer spends its first half minute of speech expanding its
 * graph, three times slower.
 */
public final class StreamingRecognizer implements AutoCloseable {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** Where recognizers come from, utterance by utterance; null when the stream owns one. */
  private final @Nullable RecognizerPool pool;

  /** The recognizer of the utterance going on; a stream that owns one always has it. */
  private @Nullable ChunkRecognizer current;

  /** Whether the recognizer has heard audio since the last final result. */
  private boolean speaking;

  /** Adds to a time on the recognizer's clock to give the time in the stream. */
  private double shiftMs;

  private final Decimator decimator;
  private final @Nullable Upsampler upsampler;
  private final float sampleRate;
  private final double bytesPerMs;
  private final double recognizerBytesPerMs;
  private final SilenceGate gate;
  private boolean closed;

  StreamingRecognizer(RecognizerPool pool, float sampleRate, List<String> phrases) {
    if (!(sampleRate >= 1000 && sampleRate <= 384_000)) {
      throw new IllegalArgumentException("Unsupported sample rate: " + sampleRate);
    }
    int speechRate = PcmFormat.SPEECH.sampleRate();
    int factor = sampleRate % speechRate == 0 ? (int) (sampleRate / speechRate) : 1;
    this.decimator = new Decimator(factor);
    this.upsampler = sampleRate < speechRate ? new Upsampler(sampleRate, speechRate) : null;
    this.sampleRate = factor > 1 || upsampler != null ? speechRate : sampleRate;
    this.bytesPerMs = sampleRate * PcmFormat.BYTES_PER_SAMPLE / 1000.0;
    this.recognizerBytesPerMs = this.sampleRate * PcmFormat.BYTES_PER_SAMPLE / 1000.0;
    this.gate = new SilenceGate(this.sampleRate);
    if (phrases.isEmpty() && this.sampleRate == speechRate) {
      this.pool = pool;
    } else {
      this.pool = null;
      try {
        Recognizer own =
            phrases.isEmpty()
                ? new Recognizer(pool.model(), this.sampleRate)
                : new Recognizer(pool.model(), this.sampleRate, JSON.writeValueAsString(phrases));
        this.current = new ChunkRecognizer(own, this.sampleRate);
      } catch (IOException e) {
        throw new TranscriptionFailedException("Vosk could not create a recognizer", e);
      }
    }
  }

  /** Whether this stream borrows pooled recognizers. */
  boolean pooled() {
    return pool != null;
  }

  /** Whether the stream holds a recognizer now: a pooled stream does only while speech goes on. */
  boolean holdsRecognizer() {
    return current != null;
  }

  /** The rate the recognizer runs at: the model's 16 kHz after decimation, or the stream's. */
  float recognizerRate() {
    return sampleRate;
  }

  /** How many milliseconds of stream audio {@code bytes} bytes hold. */
  public double millis(long bytes) {
    return bytes / bytesPerMs;
  }

  /**
   * Feeds {@code length} bytes of audio from {@code offset}; a final result ends an utterance. Two
   * utterances ending in one piece of audio come back as one result.
   */
  public StreamingResult accept(byte[] pcm, int offset, int length) {
    byte[] audio =
        upsampler != null
            ? upsampler.process(pcm, offset, length)
            : decimator.process(pcm, offset, length);
    Heard heard = new Heard();
    gate.process(audio, heard);
    return heard.finals.isEmpty()
        ? new StreamingResult.Partial(speaking ? partialText() : "")
        : merged(heard.finals);
  }

  /**
   * Ends the utterance going on, returning what it said (maybe nothing), as at the end of the
   * stream or on a reset. The stream may go on: its clock keeps running.
   */
  public StreamingResult.Final finish() {
    Heard heard = new Heard();
    gate.flush(heard);
    heard.pause();
    return merged(heard.finals);
  }

  /** How much of the stream the recognizer has heard, in milliseconds: the gate skips silence. */
  double heardMillis() {
    return gate.heardMillis();
  }

  /** Feeds what the gate passes on to Vosk, collecting the utterances that end. */
  private final class Heard implements SilenceGate.Listener {
    final List<StreamingResult.Final> finals = new ArrayList<>();

    @Override
    public void hear(byte[] pcm) {
      ChunkRecognizer recognizer = current;
      if (!speaking) {
        if (recognizer == null) {
          recognizer = borrow();
          current = recognizer;
        }
        // The gate has counted this audio as heard: it starts that long before the end of it.
        double startMs =
            gate.heardMillis() + gate.skippedMillis() - pcm.length / recognizerBytesPerMs;
        shiftMs = startMs - recognizer.clockMs();
        speaking = true;
      }
      if (recognizer.accept(pcm)) {
        finals.add(result(recognizer.result()));
      }
    }

    /** Ends the utterance going on, if any; a pooled recognizer goes back to the pool. */
    @Override
    public void pause() {
      ChunkRecognizer recognizer = current;
      if (!speaking || recognizer == null) {
        finals.add(new StreamingResult.Final("", List.of()));
        return;
      }
      finals.add(result(recognizer.finalResult()));
      speaking = false;
      if (pool != null) {
        current = null;
        pool.giveBack(recognizer);
      }
    }
  }

  private ChunkRecognizer borrow() {
    try {
      return pool.borrow();
    } catch (IOException e) {
      throw new TranscriptionFailedException("Vosk could not create a recognizer", e);
    }
  }

  private static StreamingResult.Final merged(List<StreamingResult.Final> finals) {
    List<StreamingResult.Final> said = finals.stream().filter(f -> !f.isEmpty()).toList();
    if (said.size() <= 1) {
      return said.isEmpty() ? finals.get(finals.size() - 1) : said.get(0);
    }
    return new StreamingResult.Final(
        said.stream().map(StreamingResult.Final::text).collect(Collectors.joining(" ")),
        said.stream().flatMap(f -> f.words().stream()).toList());
  }

  private String partialText() {
    ChunkRecognizer recognizer = current;
    return recognizer == null
        ? ""
        : JSON.readTree(recognizer.partialResult()).path("partial").asString("");
  }

  /** A Vosk result, its words moved from the recognizer's clock to the stream's. */
  private StreamingResult.Final result(String json) {
    JsonNode node = JSON.readTree(json);
    List<Word> words = VoskResults.words(json, shiftMs);
    return new StreamingResult.Final(node.path("text").asString(""), words);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    ChunkRecognizer recognizer = current;
    current = null;
    if (recognizer == null) {
      return;
    }
    if (pool == null) {
      recognizer.close();
      return;
    }
    if (speaking) {
      // Ends the utterance going on, so the next stream or chunk starts afresh.
      recognizer.finalResult();
    }
    pool.giveBack(recognizer);
  }
}
