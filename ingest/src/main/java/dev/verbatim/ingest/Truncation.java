package dev.verbatim.ingest;

import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether audio fell short of what its container promised, and says so in words.
 *
 * <p>Declared durations are estimates (an mp3's encoder padding alone is tens of milliseconds), so
 * only a shortfall of half a second and one percent counts.
 */
final class Truncation {

  private static final long MIN_SHORTFALL_MS = 500;

  private Truncation() {}

  /** Returns a warning if {@code actualMs} is clearly less than a known {@code declaredMs}. */
  static Optional<String> warning(long actualMs, long declaredMs, String verb) {
    long tolerance = Math.max(MIN_SHORTFALL_MS, declaredMs / 100);
    if (declaredMs <= 0 || declaredMs - actualMs <= tolerance) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "Truncated: %s %.1f s of the %.1f s the container declares",
            verb,
            actualMs / 1000.0,
            declaredMs / 1000.0));
  }
}
