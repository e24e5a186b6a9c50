package dev.verbatim.minutes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Bags of stems weighted by how surprising each is, and the cosine between two bags. */
final class Vectors {

  private Vectors() {}

  /** Each stem's count times its weight; stems without a weight count once. */
  static Map<String, Double> of(List<String> stems, Map<String, Double> weights) {
    Map<String, Double> v = new HashMap<>();
    for (String stem : stems) {
      v.merge(stem, weights.getOrDefault(stem, 1.0), Double::sum);
    }
    return v;
  }

  /** Adds {@code other} into {@code into}. */
  static void add(Map<String, Double> into, Map<String, Double> other) {
    other.forEach((k, w) -> into.merge(k, w, Double::sum));
  }

  /** Cosine similarity in [0, 1]; 0 when either bag is empty. */
  static double cosine(Map<String, Double> a, Map<String, Double> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    double dot = dot(a, b);
    return dot == 0 ? 0 : dot / (norm(a) * norm(b));
  }

  /** The bag scaled to length 1, so that {@link #dot} of two such bags is their cosine. */
  static Map<String, Double> unit(Map<String, Double> v) {
    double norm = norm(v);
    Map<String, Double> unit = new HashMap<>();
    v.forEach((k, w) -> unit.put(k, w / norm));
    return unit;
  }

  static double dot(Map<String, Double> a, Map<String, Double> b) {
    Map<String, Double> small = a.size() <= b.size() ? a : b;
    Map<String, Double> large = small == a ? b : a;
    double dot = 0;
    for (var e : small.entrySet()) {
      Double w = large.get(e.getKey());
      if (w != null) {
        dot += e.getValue() * w;
      }
    }
    return dot;
  }

  private static double norm(Map<String, Double> v) {
    double sum = 0;
    for (double w : v.values()) {
      sum += w * w;
    }
    return Math.sqrt(sum);
  }
}
