package dev.verbatim.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares two decodings of the same audio: the same words at the same milliseconds, confidences
 * equal to three decimals.
 *
 * <p>Confidences are lattice posteriors, sums of many floats. OpenBLAS picks its kernels by CPU,
 * and some (AVX-512 among them) may sum in an order that depends on where a buffer lies in memory,
 * so the last digits of a posterior can differ between two recognizers even on identical input.
 */
final class SameWords {

  private SameWords() {}

  static void assertSame(List<Word> actual, List<Word> expected) {
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < Math.max(actual.size(), expected.size()); i++) {
      Word a = i < actual.size() ? actual.get(i) : null;
      Word e = i < expected.size() ? expected.get(i) : null;
      if (a == null
          || e == null
          || !a.text().equals(e.text())
          || a.startMs() != e.startMs()
          || a.endMs() != e.endMs()
          || Math.abs(a.confidence() - e.confidence()) > 0.001) {
        differences.add("#" + i + ": " + a + " instead of " + e);
      }
    }
    assertThat(differences).as("words that differ").isEmpty();
  }
}
