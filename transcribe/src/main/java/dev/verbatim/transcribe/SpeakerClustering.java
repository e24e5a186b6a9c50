package dev.verbatim.transcribe;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups stretches of speech by voice: agglomerative clustering that merges the two clusters whose
 * merge the Bayesian information criterion favours most ({@link VoiceStats#deltaBic}), until it
 * favours none and at most {@code maxClusters} remain. The criterion needs no normalisation: a
 * Gaussian's likelihood ratio does not change when every frame is shifted or scaled alike.
 *
 * <p>Each cluster keeps only its merged statistics and its nearest neighbour, so memory is linear
 * in the number of stretches; time is about quadratic.
 */
final class SpeakerClustering {

  private final double lambda;
  private final int maxClusters;

  /**
   * @param lambda weighs the penalty of the Bayesian information criterion: the higher, the more
   *     unlike two voices must sound to stay apart, so the fewer speakers
   */
  SpeakerClustering(double lambda, int maxClusters) {
    this.lambda = lambda;
    this.maxClusters = maxClusters;
  }

  /** Returns each stretch's cluster, numbered from 0 in order of first appearance. */
  int[] cluster(List<VoiceStats> stretches) {
    int n = stretches.size();
    VoiceStats[] stats = stretches.toArray(VoiceStats[]::new);
    double[] logDet = new double[n];
    int[] parent = new int[n];
    boolean[] alive = new boolean[n];
    int[] nearest = new int[n];
    double[] nearestDistance = new double[n];
    for (int i = 0; i < n; i++) {
      logDet[i] = stats[i].logDet();
      parent[i] = i;
      alive[i] = true;
    }
    for (int i = 0; i < n; i++) {
      findNearest(i, lambda, stats, logDet, alive, nearest, nearestDistance);
    }
    int clusters = n;
    while (clusters > 1) {
      int a = -1;
      for (int i = 0; i < n; i++) {
        if (alive[i] && nearest[i] >= 0 && (a < 0 || nearestDistance[i] < nearestDistance[a])) {
          a = i;
        }
      }
      if (a < 0 || (nearestDistance[a] > 0 && clusters <= maxClusters)) {
        break;
      }
      int b = nearest[a];
      stats[a] = stats[a].plus(stats[b]);
      logDet[a] = stats[a].logDet();
      alive[b] = false;
      parent[b] = a;
      clusters--;
      findNearest(a, lambda, stats, logDet, alive, nearest, nearestDistance);
      for (int i = 0; i < n; i++) {
        if (!alive[i] || i == a) {
          continue;
        }
        if (nearest[i] == a || nearest[i] == b) {
          findNearest(i, lambda, stats, logDet, alive, nearest, nearestDistance);
        } else {
          double d = VoiceStats.deltaBic(stats[i], logDet[i], stats[a], logDet[a], lambda);
          if (d < nearestDistance[i]) {
            nearest[i] = a;
            nearestDistance[i] = d;
          }
        }
      }
    }
    int[] labels = new int[n];
    List<Integer> roots = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int root = i;
      while (parent[root] != root) {
        root = parent[root];
      }
      int label = roots.indexOf(root);
      if (label < 0) {
        label = roots.size();
        roots.add(root);
      }
      labels[i] = label;
    }
    return labels;
  }

  private static void findNearest(
      int i,
      double lambda,
      VoiceStats[] stats,
      double[] logDet,
      boolean[] alive,
      int[] nearest,
      double[] nearestDistance) {
    nearest[i] = -1;
    nearestDistance[i] = Double.POSITIVE_INFINITY;
    for (int j = 0; j < stats.length; j++) {
      if (j != i && alive[j]) {
        double d = VoiceStats.deltaBic(stats[i], logDet[i], stats[j], logDet[j], lambda);
        if (d < nearestDistance[i]) {
          nearest[i] = j;
          nearestDistance[i] = d;
        }
      }
    }
  }
}
