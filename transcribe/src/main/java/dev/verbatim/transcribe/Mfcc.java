package dev.verbatim.transcribe;

/**
 * Mel-frequency cepstral coefficients of short frames of 16 kHz speech, the usual description of a
 * voice's timbre.
 *
 * <p>Each frame is 20 ms (the 10 ms frame and the one before it) under a Hamming window, so the
 * analysis overlaps by half. The 0th coefficient, loudness, is left out: it says more about the
 * microphone distance than about the voice. Not thread-safe: it reuses its buffers.
 */
final class Mfcc {

  static final int COEFFICIENTS = 19;

  private static final int RATE = 16_000;
  private static final int WINDOW = 320;
  private static final int FFT = 512;
  private static final int FILTERS = 26;
  private static final double LOW_HZ = 100;
  private static final double HIGH_HZ = 7600;

  private static final double[] HAMMING = new double[WINDOW];
  private static final double[] COS = new double[FFT / 2];
  private static final double[] SIN = new double[FFT / 2];

  /** Per filter: the first FFT bin and the weights of the bins from there. */
  private static final int[] FIRST_BIN = new int[FILTERS];

  private static final double[][] WEIGHTS = new double[FILTERS][];
  private static final double[][] DCT = new double[COEFFICIENTS][FILTERS];

  static {
    for (int i = 0; i < WINDOW; i++) {
      HAMMING[i] = 0.54 - 0.46 * Math.cos(2 * Math.PI * i / (WINDOW - 1));
    }
    for (int i = 0; i < FFT / 2; i++) {
      COS[i] = Math.cos(2 * Math.PI * i / FFT);
      SIN[i] = -Math.sin(2 * Math.PI * i / FFT);
    }
    double lowMel = mel(LOW_HZ);
    double highMel = mel(HIGH_HZ);
    double[] edges = new double[FILTERS + 2];
    for (int i = 0; i < edges.length; i++) {
      double hz =
          700 * (Math.pow(10, (lowMel + (highMel - lowMel) * i / (FILTERS + 1)) / 2595) - 1);
      edges[i] = hz * FFT / RATE;
    }
    for (int f = 0; f < FILTERS; f++) {
      int first = (int) Math.ceil(edges[f]);
      int last = (int) Math.floor(edges[f + 2]);
      FIRST_BIN[f] = first;
      WEIGHTS[f] = new double[Math.max(0, last - first + 1)];
      for (int bin = first; bin <= last; bin++) {
        double w =
            bin <= edges[f + 1]
                ? (bin - edges[f]) / (edges[f + 1] - edges[f])
                : (edges[f + 2] - bin) / (edges[f + 2] - edges[f + 1]);
        WEIGHTS[f][bin - first] = Math.max(0, w);
      }
    }
    for (int c = 0; c < COEFFICIENTS; c++) {
      for (int f = 0; f < FILTERS; f++) {
        DCT[c][f] = Math.cos(Math.PI * (c + 1) * (f + 0.5) / FILTERS);
      }
    }
  }

  private final double[] re = new double[FFT];
  private final double[] im = new double[FFT];
  private final double[] power = new double[FFT / 2 + 1];
  private final double[] energies = new double[FILTERS];

  private static double mel(double hz) {
    return 2595 * Math.log10(1 + hz / 700);
  }

  /**
   * Writes the coefficients of the {@value #WINDOW} samples ending at {@code samples[end - 1]} into
   * {@code out}; samples before index 0 count as silence.
   */
  void compute(short[] samples, int end, double[] out) {
    java.util.Arrays.fill(re, 0);
    java.util.Arrays.fill(im, 0);
    int start = end - WINDOW;
    double previous = start > 0 ? samples[start - 1] : 0;
    for (int i = 0; i < WINDOW; i++) {
      double s = start + i >= 0 ? samples[start + i] : 0;
      // Pre-emphasis: the upper formants, where voices differ most, are otherwise buried.
      re[i] = (s - 0.97 * previous) * HAMMING[i];
      previous = s;
    }
    fft();
    for (int k = 0; k <= FFT / 2; k++) {
      power[k] = re[k] * re[k] + im[k] * im[k];
    }
    for (int f = 0; f < FILTERS; f++) {
      double sum = 0;
      double[] w = WEIGHTS[f];
      for (int j = 0; j < w.length; j++) {
        sum += w[j] * power[FIRST_BIN[f] + j];
      }
      energies[f] = Math.log(sum + 1e-3);
    }
    for (int c = 0; c < COEFFICIENTS; c++) {
      double sum = 0;
      for (int f = 0; f < FILTERS; f++) {
        sum += DCT[c][f] * energies[f];
      }
      out[c] = sum;
    }
  }

  /** In-place radix-2 FFT of {@link #re} and {@link #im}. */
  private void fft() {
    for (int i = 1, j = 0; i < FFT; i++) {
      int bit = FFT >> 1;
      for (; (j & bit) != 0; bit >>= 1) {
        j ^= bit;
      }
      j ^= bit;
      if (i < j) {
        double t = re[i];
        re[i] = re[j];
        re[j] = t;
        t = im[i];
        im[i] = im[j];
        im[j] = t;
      }
    }
    for (int len = 2; len <= FFT; len <<= 1) {
      int step = FFT / len;
      for (int i = 0; i < FFT; i += len) {
        for (int k = 0; k < len / 2; k++) {
          double wr = COS[k * step];
          double wi = SIN[k * step];
          int a = i + k;
          int b = a + len / 2;
          double xr = re[b] * wr - im[b] * wi;
          double xi = re[b] * wi + im[b] * wr;
          re[b] = re[a] - xr;
          im[b] = im[a] - xi;
          re[a] += xr;
          im[a] += xi;
        }
      }
    }
  }
}
