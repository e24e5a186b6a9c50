package dev.verbatim.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Real English words, most frequent first, drawn with Zipf's law: the word of rank {@code r} comes
 * up in proportion to {@code 1 / r}, as words do in speech.
 */
final class Vocabulary {

  static final String RESOURCE = "english-words.txt";

  /** PostgreSQL's {@code english.stop}, which also holds every stop word of Lucene's list. */
  static final Set<String> STOP_WORDS =
      Set.of(
          ("i me my myself we our ours ourselves you your yours yourself yourselves he him his"
                  + " himself she her hers herself it its itself they them their theirs themselves"
                  + " what which who whom this that these those am is are was were be been being"
                  + " have has had having do does did doing a an the and but if or because as until"
                  + " while of at by for with about against between into through during before"
                  + " after above below to from up down in out on off over under again further then"
                  + " once here there when where why how all any both each few more most other some"
                  + " such no nor not only own same so than too very s t can will just don should"
                  + " now")
              .split(" "));

  private final List<String> words;
  private final double[] cumulative;

  private Vocabulary(List<String> words) {
    this.words = List.copyOf(words);
    this.cumulative = new double[words.size()];
    double sum = 0;
    for (int rank = 1; rank <= words.size(); rank++) {
      sum += 1.0 / rank;
      cumulative[rank - 1] = sum;
    }
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] /= sum;
    }
  }

  /** The {@code size} most frequent words of the bundled list, less {@code excluded}. */
  static Vocabulary english(int size, Set<String> excluded) {
    List<String> words = new ArrayList<>(size);
    try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + RESOURCE);
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while (words.size() < size && (line = lines.readLine()) != null) {
        if (!line.startsWith("#") && !line.isBlank() && !excluded.contains(line.strip())) {
          words.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
    if (words.size() < size) {
      throw new IllegalArgumentException(
          "The word list has " + words.size() + " usable words, fewer than " + size);
    }
    return new Vocabulary(words);
  }

  int size() {
    return words.size();
  }

  /** The word of this rank, from 1 for the most frequent. */
  String word(int rank) {
    return words.get(rank - 1);
  }

  /** A word drawn by its frequency. */
  String draw(SplittableRandom random) {
    int index = Arrays.binarySearch(cumulative, random.nextDouble());
    return words.get(Math.min(index < 0 ? -index - 1 : index, words.size() - 1));
  }

  /**
   * A word of rank within {@code from} and {@code to}, every one as likely, that is no stop word
   * and has at least four letters: a query word.
   */
  String queryWord(SplittableRandom random, int from, int to) {
    while (true) {
      String word = word(random.nextInt(from, Math.min(to, words.size()) + 1));
      if (word.length() >= 4 && !STOP_WORDS.contains(word)) {
        return word;
      }
    }
  }
}
