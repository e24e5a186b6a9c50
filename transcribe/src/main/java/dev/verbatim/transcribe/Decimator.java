package dev.verbatim.transcribe;

/**
 * Brings s16le mono PCM down to a lower rate by a whole factor (48 kHz to 16 kHz is 3), block by
 * block as it streams in: a windowed-sinc low-pass filter keeps what the lower rate cannot hold
 * from folding back into speech as noise, then every {@code factor}-th sample is kept. The last
 * samples of a block, and an odd trailing byte, carry over to the next one, so how the audio was
 * cut into blocks does not change the output.
 */
final class Decimator {

  /** Taps per unit of factor: 64 at 48 kHz, about 1.3 ms of delay. */
  private static final int TAPS_PER_FACTOR = 21;

  private final int factor;
  private final float[] taps;
  private float[] history;
  private int next;
  private int oddByte = -1;

  Decimator(int factor) {
    if (factor < 1) {
      throw new IllegalArgumentException("Decimation factor must be 1 or more: " + factor);
    }
    this.factor = factor;
    this.taps = factor == 1 ? new float[] {1} : lowPass(TAPS_PER_FACTOR * factor + 1, factor);
    this.history = new float[taps.length - 1];
    this.next = taps.length - 1;
  }

  int factor() {
    return factor;
  }

  /** Returns the decimated samples of {@code length} bytes of {@code pcm} from {@code offset}. */
  byte[] process(byte[] pcm, int offset, int length) {
    int start = offset;
    int end = offset + length;
    int carried = oddByte >= 0 ? 1 : 0;
    int samples = (length + carried) / 2;
    float[] buffer = new float[history.length + samples];
    System.arraycopy(history, 0, buffer, 0, history.length);
    int at = history.length;
    if (carried == 1 && start < end) {
      buffer[at++] = (short) ((oddByte & 0xff) | (pcm[start++] << 8));
      oddByte = -1;
    }
    for (; start + 1 < end; start += 2) {
      buffer[at++] = (short) ((pcm[start] & 0xff) | (pcm[start + 1] << 8));
    }
    if (start < end) {
      oddByte = pcm[start] & 0xff;
    }
    int filled = at;
    int outputs = next < filled ? (filled - 1 - next) / factor + 1 : 0;
    byte[] out = new byte[outputs * 2];
    int o = 0;
    for (; next < filled; next += factor) {
      float sum = 0;
      int first = next - taps.length + 1;
      for (int k = 0; k < taps.length; k++) {
        sum += taps[k] * buffer[first + k];
      }
      int sample = Math.round(Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum)));
      out[o++] = (byte) sample;
      out[o++] = (byte) (sample >> 8);
    }
    // Keep what the next outputs still reach back to.
    int keepFrom = Math.min(filled, next - (taps.length - 1));
    history = java.util.Arrays.copyOfRange(buffer, keepFrom, filled);
    next -= keepFrom;
    return out;
  }

  /**
   * A Blackman-windowed sinc low-pass with its cutoff a little below the new Nyquist frequency, so
   * that the transition band ends before aliases reach speech.
   */
  private static float[] lowPass(int length, int factor) {
    double cutoff = 0.45 / factor;
    float[] h = new float[length];
    double sum = 0;
    int middle = (length - 1) / 2;
    for (int n = 0; n < length; n++) {
      int m = n - middle;
      double sinc = m == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * m) / (Math.PI * m);
      double window =
          0.42
              - 0.5 * Math.cos(2 * Math.PI * n / (length - 1))
              + 0.08 * Math.cos(4 * Math.PI * n / (length - 1));
      h[n] = (float) (sinc * window);
      sum += h[n];
    }
    for (int n = 0; n < length; n++) {
      h[n] /= (float) sum;
    }
    return h;
  }
}
