package dev.verbatim.transcribe;

import java.util.ArrayDeque;

/**
 * Tells speech from silence frame by frame, by energy against an adaptive noise floor.
 *
 * <p>The floor is the quietest frame of the last few seconds (minimum statistics): between words
 * and sentences speech dips to the background level, so the minimum tracks the room's noise even
 * while people talk, and follows it when it changes. It depends only on the audio seen so far.
 */
final class SpeechDetector {

  /** How far back the floor looks: long enough to always contain a gap between words. */
  private static final int WINDOW_FRAMES = 300;

  /** A frame is speech when this much louder than the floor, unless told otherwise. */
  private static final double MARGIN_DB = 12;

  /** Digital silence would put the floor at minus infinity and call any hiss speech. */
  private static final double LOWEST_FLOOR_DB = -70;

  /** Frame energies of the window, increasing from head to tail, as a monotonic queue. */
  private final ArrayDeque<double[]> minima = new ArrayDeque<>();

  private final double marginDb;
  private long frame;

  SpeechDetector() {
    this(MARGIN_DB);
  }

  /**
   * @param marginDb how much louder than the floor a frame must be to count as speech
   */
  SpeechDetector(double marginDb) {
    this.marginDb = marginDb;
  }

  /** Returns the energy of {@code samples} s16le bytes in dB relative to full scale. */
  static double energyDb(byte[] pcm, int length) {
    int samples = length / 2;
    if (samples == 0) {
      return -100;
    }
    double sum = 0;
    for (int i = 0; i < samples * 2; i += 2) {
      int s = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8));
      sum += (double) s * s;
    }
    return 10 * Math.log10(sum / samples / (32768.0 * 32768.0) + 1e-10);
  }

  /** Takes the next frame's energy and returns whether the frame holds speech. */
  boolean isSpeech(double energyDb) {
    while (!minima.isEmpty() && minima.peekLast()[0] >= energyDb) {
      minima.pollLast();
    }
    minima.addLast(new double[] {energyDb, frame});
    while (minima.peekFirst()[1] <= frame - WINDOW_FRAMES) {
      minima.pollFirst();
    }
    frame++;
    double floor = Math.max(LOWEST_FLOOR_DB, minima.peekFirst()[0]);
    return energyDb > floor + marginDb;
  }
}
