package dev.verbatim.bench;

import java.util.Arrays;
import java.util.Locale;

/** Latencies of one class of query, and how many hits they found. */
final class Latencies {

  private long[] nanos = new long[64];
  private int count;
  private long hits;
  private int empty;

  void add(long elapsedNanos, long totalHits) {
    if (count == nanos.length) {
      nanos = Arrays.copyOf(nanos, count * 2);
    }
    nanos[count++] = elapsedNanos;
    hits += totalHits;
    if (totalHits == 0) {
      empty++;
    }
  }

  void addAll(Latencies other) {
    for (int i = 0; i < other.count; i++) {
      add(other.nanos[i], 0);
    }
    hits += other.hits;
    empty += other.empty - other.count;
  }

  int count() {
    return count;
  }

  /** The latency at {@code percentile} (0–100) in milliseconds, by nearest rank. */
  double millis(double percentile) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percentile / 100.0 * count);
    return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1e6;
  }

  double meanHits() {
    return count == 0 ? 0 : (double) hits / count;
  }

  /** The share of queries that found nothing. */
  double emptyShare() {
    return count == 0 ? 0 : (double) empty / count;
  }

  static String format(double millis) {
    if (Double.isNaN(millis)) {
      return "–";
    }
    return String.format(Locale.ROOT, millis < 10 ? "%.2f" : "%.1f", millis);
  }
}
