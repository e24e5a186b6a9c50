package dev.verbatim.transcribe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Groups stretches of speech by voice: agglomerative clustering that merges the two clusters whose
 * merge the Bayesian information criterion favours most ({@link VoiceStats#deltaBic}), until it
 * favours none and at most {@code maxClusters} remain. The criterion needs no normalisation: a
 * Gaussian's likelihood ratio does not change when every frame is shifted or scaled alike.
 *
 * <p>Each cluster keeps only its merged statistics and its nearest neighbour, so memory is linear
 * in the number of stretches. Free clustering takes time about cubic in its input, so recordings
 * with more than {@link #MAX_FREE} stretches are first merged along time (see {@link #cluster}),
 * which is linear-times-{@code MAX_FREE}.
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

  /**
   * The most stretches clustered freely. Free clustering costs about the cube of its input (each
   * merge into a growing cluster re-aims every stretch that pointed at it): 800 stretches took 13
   * s. Longer recordings first merge neighbouring stretches in time down to this many.
   */
  static final int MAX_FREE = 500;

  /** Returns each stretch's cluster, numbered from 0 in order of first appearance. */
  int[] cluster(List<VoiceStats> stretches) {
    if (stretches.size() <= MAX_FREE) {
      return clusterFreely(stretches);
    }
    int[] run = mergeNeighbours(stretches, MAX_FREE);
    List<VoiceStats> runs = new ArrayList<>();
    int[] index = new int[stretches.size()];
    Arrays.fill(index, -1);
    for (int i = 0; i < stretches.size(); i++) {
      int root = run[i];
      if (index[root] < 0) {
        index[root] = runs.size();
        runs.add(stretches.get(i));
      } else {
        runs.set(index[root], runs.get(index[root]).plus(stretches.get(i)));
      }
    }
    int[] runLabels = clusterFreely(runs);
    int[] labels = new int[stretches.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = runLabels[index[run[i]]];
    }
    return relabelInOrder(labels);
  }

  /**
   * Merges the neighbours in time whose merge the criterion minds least until {@code target} runs
   * remain: a speaker keeps talking for a while, so neighbours are the safest merges. Returns each
   * stretch's run, as the index of the run's first stretch.
   */
  private int[] mergeNeighbours(List<VoiceStats> stretches, int target) {
    int n = stretches.size();
    VoiceStats[] stats = stretches.toArray(VoiceStats[]::new);
    double[] logDet = new double[n];
    int[] next = new int[n];
    int[] prev = new int[n];
    double[] gap = new double[n];
    int[] run = new int[n];
    for (int i = 0; i < n; i++) {
      logDet[i] = stats[i].logDet();
      next[i] = i + 1 < n ? i + 1 : -1;
      prev[i] = i - 1;
      run[i] = i;
    }
    for (int i = 0; i < n; i++) {
      gap[i] = gapAfter(i, next, stats, logDet);
    }
    for (int runs = n; runs > target; runs--) {
      int a = -1;
      for (int i = 0; i >= 0; i = next[i]) {
        if (next[i] >= 0 && (a < 0 || gap[i] < gap[a])) {
          a = i;
        }
      }
      int b = next[a];
      stats[a] = stats[a].plus(stats[b]);
      logDet[a] = stats[a].logDet();
      run[b] = a;
      next[a] = next[b];
      if (next[b] >= 0) {
        prev[next[b]] = a;
      }
      gap[a] = gapAfter(a, next, stats, logDet);
      if (prev[a] >= 0) {
        gap[prev[a]] = gapAfter(prev[a], next, stats, logDet);
      }
    }
    for (int i = 0; i < n; i++) {
      int root = i;
      while (run[root] != root) {
        root = run[root];
      }
      run[i] = root;
    }
    return run;
  }

  private double gapAfter(int i, int[] next, VoiceStats[] stats, double[] logDet) {
    int j = next[i];
    return j < 0
        ? Double.POSITIVE_INFINITY
        : VoiceStats.deltaBic(stats[i], logDet[i], stats[j], logDet[j], lambda);
  }

  private static int[] relabelInOrder(int[] labels) {
    List<Integer> seen = new ArrayList<>();
    int[] out = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      int k = seen.indexOf(labels[i]);
      if (k < 0) {
        k = seen.size();
        seen.add(labels[i]);
      }
      out[i] = k;
    }
    return out;
  }

  private int[] clusterFreely(List<VoiceStats> stretches) {
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
    // Stretches are few here (at most MAX_FREE), so the list lookups stay cheap.
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
