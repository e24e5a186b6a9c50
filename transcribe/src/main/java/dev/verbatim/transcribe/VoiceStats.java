package dev.verbatim.transcribe;

import org.jspecify.annotations.Nullable;

/**
 * How a stretch of speech sounds: the count, sum and sum of squares of its frames' cepstra, enough
 * to fit one Gaussian (diagonal covariance) to it and to merge two stretches exactly.
 *
 * <p>About 160 bytes whatever the stretch's length, so the voice of a two-hour recording fits in a
 * megabyte.
 */
final class VoiceStats {

  /** Keeps a near-constant coefficient from making a log-determinant of minus infinity. */
  private static final double VARIANCE_FLOOR = 1e-3;

  private int frames;
  private final float[] sum;
  private final float[] squares;

  VoiceStats() {
    this(0, new float[Mfcc.COEFFICIENTS], new float[Mfcc.COEFFICIENTS]);
  }

  private VoiceStats(int frames, float[] sum, float[] squares) {
    this.frames = frames;
    this.sum = sum;
    this.squares = squares;
  }

  void add(double[] cepstrum) {
    for (int i = 0; i < sum.length; i++) {
      sum[i] += (float) cepstrum[i];
      squares[i] += (float) (cepstrum[i] * cepstrum[i]);
    }
    frames++;
  }

  int frames() {
    return frames;
  }

  /** Returns the statistics of both stretches together. */
  VoiceStats plus(VoiceStats other) {
    float[] s = new float[sum.length];
    float[] q = new float[sum.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = sum[i] + other.sum[i];
      q[i] = squares[i] + other.squares[i];
    }
    return new VoiceStats(frames + other.frames, s, q);
  }

  /** The log-determinant of the fitted Gaussian's (diagonal) covariance. */
  double logDet() {
    return logDet(frames, sum, squares, null);
  }

  /**
   * The Bayesian information criterion's verdict on merging two stretches: the log-likelihood the
   * speech gains from a Gaussian each rather than one for both, minus {@code lambda} times the
   * usual penalty for the extra Gaussian's parameters. Above zero, they sound like two voices.
   * {@code logDet} are the stretches' own {@link #logDet()}.
   */
  static double deltaBic(
      VoiceStats a, double logDetA, VoiceStats b, double logDetB, double lambda) {
    int n = a.frames + b.frames;
    double merged = logDet(n, a.sum, a.squares, b);
    double gain = 0.5 * (n * merged - a.frames * logDetA - b.frames * logDetB);
    // A diagonal Gaussian has a mean and a variance per coefficient.
    double parameters = 2.0 * a.sum.length;
    return gain - lambda * 0.5 * parameters * Math.log(n);
  }

  private static double logDet(int n, float[] sum, float[] squares, @Nullable VoiceStats plus) {
    double total = 0;
    for (int i = 0; i < sum.length; i++) {
      double s = sum[i];
      double q = squares[i];
      if (plus != null) {
        s += plus.sum[i];
        q += plus.squares[i];
      }
      double mean = s / n;
      total += Math.log(Math.max(VARIANCE_FLOOR, q / n - mean * mean));
    }
    return total;
  }
}
