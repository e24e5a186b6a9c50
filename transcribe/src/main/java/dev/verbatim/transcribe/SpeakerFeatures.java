package dev.verbatim.transcribe;

import java.util.ArrayList;
import java.util.List;

/**
 * Describes the voice of each second of speech as the audio streams past, for {@link Diarizer}.
 *
 * <p>Takes the chunker's 10 ms frames in recording order; only frames the voice activity detector
 * calls speech count. A window of {@value #WINDOW_FRAMES}0 ms becomes a {@link VoiceWindow} if at
 * least {@value #MIN_SPEECH_FRAMES}0 ms of it is speech. The cepstra are summarised as they come,
 * so memory grows by a few hundred bytes per second of speech, never by the audio.
 */
final class SpeakerFeatures {

  static final int WINDOW_FRAMES = 100;
  static final int MIN_SPEECH_FRAMES = 30;
  private static final int FRAME_SAMPLES = VoiceActivityChunker.FRAME_BYTES / 2;

  /** One window of the recording and the statistics of its speech frames. */
  record VoiceWindow(long startMs, long endMs, VoiceStats stats) {}

  private final Mfcc mfcc = new Mfcc();
  private final double[] cepstrum = new double[Mfcc.COEFFICIENTS];

  /** The previous frame's samples then this frame's, so the analysis window spans both. */
  private final short[] samples = new short[2 * FRAME_SAMPLES];

  private final List<VoiceWindow> windows = new ArrayList<>();
  private VoiceStats current = new VoiceStats();
  private long currentWindow;
  private long lastFrame = -1;

  /** Takes the frame at {@code index} (10 ms each, from 0) of s16le {@code pcm}. */
  void accept(long index, byte[] pcm, boolean speech) {
    if (index / WINDOW_FRAMES != currentWindow) {
      close();
      currentWindow = index / WINDOW_FRAMES;
    }
    System.arraycopy(samples, FRAME_SAMPLES, samples, 0, FRAME_SAMPLES);
    int n = Math.min(FRAME_SAMPLES, pcm.length / 2);
    for (int i = 0; i < FRAME_SAMPLES; i++) {
      samples[FRAME_SAMPLES + i] =
          i < n ? (short) ((pcm[2 * i] & 0xff) | (pcm[2 * i + 1] << 8)) : 0;
    }
    if (speech && n == FRAME_SAMPLES) {
      mfcc.compute(samples, samples.length, cepstrum);
      current.add(cepstrum);
    }
    lastFrame = index;
  }

  /** Returns the windows of speech seen so far, in time order, closing the last one. */
  List<VoiceWindow> windows() {
    if (lastFrame >= 0) {
      close();
      lastFrame = -1;
    }
    return List.copyOf(windows);
  }

  private void close() {
    if (current.frames() >= MIN_SPEECH_FRAMES) {
      long startMs = currentWindow * WINDOW_FRAMES * VoiceActivityChunker.FRAME_MS;
      windows.add(
          new VoiceWindow(
              startMs, startMs + WINDOW_FRAMES * VoiceActivityChunker.FRAME_MS, current));
    }
    current = new VoiceStats();
  }
}
