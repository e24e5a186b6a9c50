package dev.verbatim.transcribe;

import dev.verbatim.core.PcmFormat;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;

/**
 * Keeps the silence of a live stream away from the recognizer.
 *
 * <p>Vosk's acoustic model costs the same for a second of silence as for a second of speech, and in
 * a meeting each participant is silent most of the time: a conference of twenty people is mostly
 * twenty streams of nothing. After {@value #HANGOVER_FRAMES}0 ms without speech the gate ends the
 * utterance (the caller asks for its final result, which is what a pause means anyway) and stops
 * passing audio on. When speech comes back it opens again, first passing the last {@value
 * #PREROLL_FRAMES}0 ms it held back, so the recognizer hears the onset and a little silence before
 * it, as it would have.
 *
 * <p>Speech is told from silence by energy against the stream's own noise floor ({@link
 * SpeechDetector}), with a lower margin than for cutting recordings: here a quiet word taken for
 * silence would be lost, while noise taken for speech costs only time. In the stream's first
 * {@value #SETTLE_FRAMES}0 ms, before the floor has been measured, only quiet counts as silence.
 * Not thread-safe.
 */
final class SilenceGate {

  /**
   * Silence after the last speech before the utterance ends: 400 ms. Jigasi sends audio in
   * half-second pieces, so a final result comes 400 to 900 ms after the last word; Vosk's own
   * endpoint waits at least 500 ms.
   */
  static final int HANGOVER_FRAMES = 40;

  /** Silence passed on before speech that reopens the gate: 300 ms. */
  static final int PREROLL_FRAMES = 30;

  /** The detector's window, during which its floor is not yet known. */
  static final int SETTLE_FRAMES = 300;

  /**
   * Until the floor is known, only frames quieter than this count as silence: a stream that opens
   * with speech would otherwise measure its floor on the speech. Speech through a meeting client's
   * automatic gain is far louder.
   */
  private static final double QUIET_DB = -55;

  /** Quieter speech than {@link SpeechDetector}'s default still counts. */
  private static final double MARGIN_DB = 6;

  /** What the recognizer is told as the audio passes. */
  interface Listener {
    /** Audio to recognise, in stream order. */
    void hear(byte[] pcm);

    /** The speaker paused: end the utterance; audio up to the next {@link #hear} is skipped. */
    void pause();
  }

  private final int frameBytes;
  private final double bytesPerMs;
  private final SpeechDetector detector = new SpeechDetector(MARGIN_DB);
  private final ArrayDeque<byte[]> held = new ArrayDeque<>();
  private byte[] partial = new byte[0];
  private boolean open = true;
  private long frames;
  private long silentFrames;
  private long skippedBytes;
  private long heardBytes;

  /**
   * @param sampleRate of the s16le mono audio that will pass, in Hz
   */
  SilenceGate(float sampleRate) {
    int samples = Math.max(1, Math.round(sampleRate / 100));
    this.frameBytes = samples * PcmFormat.BYTES_PER_SAMPLE;
    this.bytesPerMs = sampleRate * PcmFormat.BYTES_PER_SAMPLE / 1000.0;
  }

  /**
   * Passes {@code pcm} on in 10 ms frames, telling {@code listener} what to hear and when the
   * speaker paused; a trailing part of a frame waits for the next call or {@link #flush}.
   */
  void process(byte[] pcm, Listener listener) {
    ByteArrayOutputStream heard = new ByteArrayOutputStream(pcm.length + frameBytes);
    int at = 0;
    if (partial.length > 0) {
      int needed = Math.min(frameBytes - partial.length, pcm.length);
      byte[] frame = new byte[partial.length + needed];
      System.arraycopy(partial, 0, frame, 0, partial.length);
      System.arraycopy(pcm, 0, frame, partial.length, needed);
      at = needed;
      if (frame.length < frameBytes) {
        partial = frame;
        return;
      }
      partial = new byte[0];
      frame(frame, heard, listener);
    }
    for (; at + frameBytes <= pcm.length; at += frameBytes) {
      byte[] frame = new byte[frameBytes];
      System.arraycopy(pcm, at, frame, 0, frameBytes);
      frame(frame, heard, listener);
    }
    if (at < pcm.length) {
      partial = new byte[pcm.length - at];
      System.arraycopy(pcm, at, partial, 0, partial.length);
    }
    hear(heard, listener);
  }

  /** Passes on the part of a frame still waiting, if the gate is open; the stream is ending. */
  void flush(Listener listener) {
    if (open && partial.length > 0) {
      heardBytes += partial.length;
      listener.hear(partial);
    } else {
      skippedBytes += partial.length;
    }
    partial = new byte[0];
  }

  private void frame(byte[] frame, ByteArrayOutputStream heard, Listener listener) {
    double energyDb = SpeechDetector.energyDb(frame, frame.length);
    boolean speech =
        detector.isSpeech(energyDb) || (frames < SETTLE_FRAMES && energyDb >= QUIET_DB);
    frames++;
    silentFrames = speech ? 0 : silentFrames + 1;
    if (open) {
      heard.writeBytes(frame);
      if (silentFrames >= HANGOVER_FRAMES) {
        hear(heard, listener);
        listener.pause();
        open = false;
      }
    } else if (speech) {
      open = true;
      held.forEach(heard::writeBytes);
      skippedBytes -= (long) held.size() * frameBytes;
      held.clear();
      heard.writeBytes(frame);
    } else {
      skippedBytes += frameBytes;
      held.addLast(frame);
      if (held.size() > PREROLL_FRAMES) {
        held.removeFirst();
      }
    }
  }

  private void hear(ByteArrayOutputStream heard, Listener listener) {
    if (heard.size() > 0) {
      heardBytes += heard.size();
      listener.hear(heard.toByteArray());
      heard.reset();
    }
  }

  /**
   * How much of the stream was skipped before the audio heard since the gate last opened: added to
   * a time on the recognizer's clock, it gives the time in the stream.
   */
  double skippedMillis() {
    return skippedBytes / bytesPerMs;
  }

  /** How much audio the recognizer has heard, for telling how much the gate saved. */
  double heardMillis() {
    return heardBytes / bytesPerMs;
  }
}
