package dev.verbatim.transcribe;

import dev.verbatim.core.PcmFormat;
import dev.verbatim.core.Word;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.vosk.Model;
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
 */
public final class StreamingRecognizer implements AutoCloseable {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final Recognizer recognizer;
  private final Decimator decimator;
  private final @Nullable Upsampler upsampler;
  private final float sampleRate;
  private final double bytesPerMs;
  private boolean closed;

  StreamingRecognizer(Model model, float sampleRate, List<String> phrases) {
    if (!(sampleRate >= 1000 && sampleRate <= 384_000)) {
      throw new IllegalArgumentException("Unsupported sample rate: " + sampleRate);
    }
    int speechRate = PcmFormat.SPEECH.sampleRate();
    int factor = sampleRate % speechRate == 0 ? (int) (sampleRate / speechRate) : 1;
    this.decimator = new Decimator(factor);
    this.upsampler = sampleRate < speechRate ? new Upsampler(sampleRate, speechRate) : null;
    this.sampleRate = factor > 1 || upsampler != null ? speechRate : sampleRate;
    this.bytesPerMs = sampleRate * PcmFormat.BYTES_PER_SAMPLE / 1000.0;
    try {
      this.recognizer =
          phrases.isEmpty()
              ? new Recognizer(model, this.sampleRate)
              : new Recognizer(model, this.sampleRate, JSON.writeValueAsString(phrases));
    } catch (IOException e) {
      throw new TranscriptionFailedException("Vosk could not create a recognizer", e);
    }
    recognizer.setWords(true);
  }

  /** The rate the recognizer runs at: the model's 16 kHz after decimation, or the stream's. */
  float recognizerRate() {
    return sampleRate;
  }

  /** How many milliseconds of stream audio {@code bytes} bytes hold. */
  public double millis(long bytes) {
    return bytes / bytesPerMs;
  }

  /** Feeds {@code length} bytes of audio from {@code offset}; a final result ends an utterance. */
  public StreamingResult accept(byte[] pcm, int offset, int length) {
    byte[] audio =
        upsampler != null
            ? upsampler.process(pcm, offset, length)
            : decimator.process(pcm, offset, length);
    if (audio.length == 0) {
      return new StreamingResult.Partial(partialText());
    }
    if (recognizer.acceptWaveForm(audio, audio.length)) {
      return result(recognizer.getResult());
    }
    return new StreamingResult.Partial(partialText());
  }

  /**
   * Ends the utterance going on, returning what it said (maybe nothing), as at the end of the
   * stream or on a reset. The stream may go on: its clock keeps running.
   */
  public StreamingResult.Final finish() {
    return result(recognizer.getFinalResult());
  }

  private String partialText() {
    return JSON.readTree(recognizer.getPartialResult()).path("partial").asString("");
  }

  private static StreamingResult.Final result(String json) {
    JsonNode node = JSON.readTree(json);
    List<Word> words = VoskResults.words(json, 0);
    return new StreamingResult.Final(node.path("text").asString(""), words);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      recognizer.close();
    }
  }
}
