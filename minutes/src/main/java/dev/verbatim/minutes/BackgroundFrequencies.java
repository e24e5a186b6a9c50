package dev.verbatim.minutes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * How surprising a word is in general spoken English: its cost, -ln P(word), under the unigram
 * language model of the Vosk model that wrote the transcript (see README-frequencies.md). Using the
 * recogniser's own model means the background knows exactly the vocabulary transcripts use.
 */
final class BackgroundFrequencies {

  static final String RESOURCE = "english-frequencies.txt";

  /**
   * Cost of words the list leaves out, and the most any word may cost. Rare words are often
   * misrecognitions, so past this point rarity earns nothing more.
   */
  static final double MAX_COST = 14.0;

  private BackgroundFrequencies() {}

  /** -ln P(word) in general English; {@link #MAX_COST} for words rarer than the list goes. */
  static double cost(String word) {
    Float cost = Holder.COSTS.get(word);
    return cost == null ? MAX_COST : Math.min(cost, MAX_COST);
  }

  /** Whether the list has the word: false for words outside the 50,000 most common. */
  static boolean known(String word) {
    return Holder.COSTS.containsKey(word);
  }

  /** Loads the list on first use only. */
  private static final class Holder {
    static final Map<String, Float> COSTS = load();
  }

  private static Map<String, Float> load() {
    try (InputStream in = BackgroundFrequencies.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + RESOURCE);
      }
      Map<String, Float> costs = new HashMap<>(80_000);
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        int tab = line.indexOf('\t');
        costs.put(line.substring(0, tab), Float.parseFloat(line.substring(tab + 1)));
      }
      return Map.copyOf(costs);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }
}
