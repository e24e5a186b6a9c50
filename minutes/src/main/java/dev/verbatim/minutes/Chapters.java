package dev.verbatim.minutes;

import dev.verbatim.core.Chapter;
import dev.verbatim.core.Sentence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Splits a meeting into chapters where the vocabulary changes, after Hearst's TextTiling: at each
 * gap between sentences, compare the words just before with the words just after; where that
 * similarity dips deeply, a new topic starts. Chapters are then kept long enough to be worth a
 * title.
 */
final class Chapters {

  static final long MIN_CHAPTER_MS = 60_000;
  static final int MIN_CHAPTER_SENTENCES = 4;

  /** Meetings shorter than either of these are one chapter. */
  static final long SHORT_MEETING_MS = 180_000;

  static final int SHORT_MEETING_SENTENCES = 12;

  /**
   * Content words on each side of a gap: about a tenth of the meeting, within these bounds, so a
   * block spans a few sentences in a short meeting and a minute or two of talk in a long one.
   */
  private static final int MIN_BLOCK_WORDS = 12;

  private static final int MAX_BLOCK_WORDS = 50;

  /** Below this depth a dip is noise, however it compares with the other dips. */
  private static final double MIN_DEPTH = 0.05;

  /** How far, in sentences, {@link #refine} may move a boundary. */
  private static final int REFINE = 3;

  private Chapters() {}

  /** The chapters of the meeting, in order, covering every sentence; none for no sentences. */
  static List<Chapter> of(List<Sentence> sentences) {
    if (sentences.isEmpty()) {
      return List.of();
    }
    List<Integer> starts = starts(sentences);
    Keywords.Counts whole = Keywords.count(sentences);
    List<Chapter> chapters = new ArrayList<>();
    String previousTitle = "";
    for (int c = 0; c < starts.size(); c++) {
      int from = starts.get(c);
      int to = c + 1 < starts.size() ? starts.get(c + 1) : sentences.size();
      List<Sentence> part = sentences.subList(from, to);
      // A meeting may come back to a topic, and its title with it, but not straight away.
      String title = title(part, starts.size() == 1 ? null : whole, previousTitle, c + 1);
      previousTitle = title;
      Set<String> segments = new LinkedHashSet<>();
      part.forEach(s -> segments.addAll(s.segmentIds()));
      long startMs = part.get(0).startMs();
      long endMs = Math.max(startMs, part.get(part.size() - 1).endMs());
      chapters.add(new Chapter(title, startMs, endMs, List.copyOf(segments)));
    }
    return chapters;
  }

  /** The index of each chapter's first sentence: always 0 first, then ascending. */
  static List<Integer> starts(List<Sentence> sentences) {
    int n = sentences.size();
    if (n < SHORT_MEETING_SENTENCES || durationMs(sentences, 0, n - 1) < SHORT_MEETING_MS) {
      return List.of(0);
    }
    Map<String, Double> weights = Keywords.stemCosts(Keywords.count(sentences));
    List<Map<String, Double>> vectors = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    int total = 0;
    for (Sentence s : sentences) {
      List<String> stems = Terms.contentStems(s.text());
      vectors.add(Vectors.of(stems, weights));
      sizes.add(stems.size());
      total += stems.size();
    }
    int block = Math.max(MIN_BLOCK_WORDS, Math.min(MAX_BLOCK_WORDS, total / 10));

    // Gap g lies between sentence g and sentence g + 1.
    double[] similarity = new double[n - 1];
    for (int g = 0; g < n - 1; g++) {
      similarity[g] =
          Vectors.cosine(
              blockVector(vectors, sizes, g, -1, block),
              blockVector(vectors, sizes, g + 1, +1, block));
    }
    double[] smooth = smooth(similarity);
    double[] depth = depths(smooth);
    List<Integer> valleys = new ArrayList<>();
    double sum = 0;
    double squares = 0;
    for (int g = 0; g < depth.length; g++) {
      if (depth[g] > 0) {
        valleys.add(g);
        sum += depth[g];
        squares += depth[g] * depth[g];
      }
    }
    if (valleys.isEmpty()) {
      return List.of(0);
    }
    double mean = sum / valleys.size();
    double sd = Math.sqrt(Math.max(0, squares / valleys.size() - mean * mean));
    double cutoff = Math.max(MIN_DEPTH, mean - sd / 2);

    // Deepest valleys first; a boundary stays only if both chapters it makes are long enough.
    valleys.sort(
        Comparator.comparingDouble((Integer g) -> depth[g]).reversed().thenComparing(g -> g));
    TreeSet<Integer> starts = new TreeSet<>(List.of(0));
    for (int g : valleys) {
      if (depth[g] <= cutoff) {
        break;
      }
      int start = g + 1;
      int previous = starts.floor(start);
      Integer next = starts.higher(start);
      int end = next == null ? n : next;
      if (longEnough(sentences, previous, start - 1) && longEnough(sentences, start, end - 1)) {
        starts.add(start);
      }
    }
    return refine(sentences, vectors, new ArrayList<>(starts));
  }

  /**
   * Moves each boundary by up to {@value #REFINE} sentences to where the sentences around it best
   * match the chapter they fall in. Blocks many sentences wide blur where a topic changes; single
   * sentences compared with whole chapters place it. Sentences with no content words ("okay good")
   * stay with the topic they close.
   */
  private static List<Integer> refine(
      List<Sentence> sentences, List<Map<String, Double>> vectors, List<Integer> starts) {
    int n = sentences.size();
    for (int c = 1; c < starts.size(); c++) {
      int previous = starts.get(c - 1);
      int at = starts.get(c);
      int next = c + 1 < starts.size() ? starts.get(c + 1) : n;
      Map<String, Double> before = sum(vectors, previous, at);
      Map<String, Double> after = sum(vectors, at, next);
      int from = Math.max(previous + 1, at - REFINE);
      int to = Math.min(next - 1, at + REFINE);
      double[] toBefore = new double[to - from + 1];
      double[] toAfter = new double[to - from + 1];
      for (int i = from; i <= to; i++) {
        toBefore[i - from] = Vectors.cosine(vectors.get(i), before);
        toAfter[i - from] = Vectors.cosine(vectors.get(i), after);
      }
      int best = at;
      double bestFit = Double.NEGATIVE_INFINITY;
      for (int b = from; b <= to; b++) {
        if (!longEnough(sentences, previous, b - 1) || !longEnough(sentences, b, next - 1)) {
          continue;
        }
        double fit = 0;
        for (int i = from; i <= to; i++) {
          fit += i < b ? toBefore[i - from] : toAfter[i - from];
        }
        if (fit >= bestFit) { // on a tie the later boundary, so closers stay behind
          best = b;
          bestFit = fit;
        }
      }
      starts.set(c, best);
    }
    return List.copyOf(starts);
  }

  private static Map<String, Double> sum(List<Map<String, Double>> vectors, int from, int to) {
    Map<String, Double> sum = new HashMap<>();
    for (int i = from; i < to; i++) {
      Vectors.add(sum, vectors.get(i));
    }
    return sum;
  }

  /** The summed vectors of whole sentences from {@code from}, stepping by {@code step}. */
  private static Map<String, Double> blockVector(
      List<Map<String, Double>> vectors, List<Integer> sizes, int from, int step, int words) {
    Map<String, Double> sum = new HashMap<>();
    int taken = 0;
    for (int i = from; i >= 0 && i < vectors.size() && taken < words; i += step) {
      Vectors.add(sum, vectors.get(i));
      taken += sizes.get(i);
    }
    return sum;
  }

  /** A three-gap moving average, which keeps one odd sentence from looking like a topic change. */
  private static double[] smooth(double[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      double sum = values[i];
      int n = 1;
      if (i > 0) {
        sum += values[i - 1];
        n++;
      }
      if (i + 1 < values.length) {
        sum += values[i + 1];
        n++;
      }
      out[i] = sum / n;
    }
    return out;
  }

  /**
   * For each local minimum, how far the similarity climbs back on both sides (to the nearest peaks)
   * added together; zero elsewhere.
   */
  private static double[] depths(double[] s) {
    double[] depth = new double[s.length];
    for (int g = 0; g < s.length; g++) {
      boolean minimum = (g == 0 || s[g] <= s[g - 1]) && (g + 1 == s.length || s[g] <= s[g + 1]);
      if (!minimum) {
        continue;
      }
      double left = s[g];
      for (int i = g - 1; i >= 0 && s[i] >= left; i--) {
        left = s[i];
      }
      double right = s[g];
      for (int i = g + 1; i < s.length && s[i] >= right; i++) {
        right = s[i];
      }
      depth[g] = (left - s[g]) + (right - s[g]);
    }
    return depth;
  }

  private static boolean longEnough(List<Sentence> sentences, int first, int last) {
    return last - first + 1 >= MIN_CHAPTER_SENTENCES
        && durationMs(sentences, first, last) >= MIN_CHAPTER_MS;
  }

  private static long durationMs(List<Sentence> sentences, int first, int last) {
    return sentences.get(last).endMs() - sentences.get(first).startMs();
  }

  /**
   * Two to five words from the chapter's most distinctive terms: its best pair if that is nearly as
   * strong as its best word, else its two best words; not the previous chapter's title.
   */
  private static String title(
      List<Sentence> part, Keywords.@Nullable Counts whole, String previous, int number) {
    List<Keywords.Term> terms = Keywords.ranked(part, whole);
    List<String> candidates = new ArrayList<>();
    List<Keywords.Term> words = terms.stream().filter(t -> t.stems().size() == 1).toList();
    if (!terms.isEmpty()) {
      Keywords.Term best = terms.get(0);
      if (best.stems().size() == 2) {
        candidates.add(best.display());
      } else {
        // A strong phrase around the best word: "budget review" rather than "budget".
        terms.stream()
            .limit(5)
            .filter(t -> t.stems().size() == 2 && t.stems().contains(best.stems().get(0)))
            .filter(t -> t.score() >= 0.4 * best.score())
            .findFirst()
            .ifPresent(t -> candidates.add(t.display()));
      }
    }
    if (words.size() >= 2 && words.get(1).score() >= 0.5 * words.get(0).score()) {
      candidates.add(twoWords(part, words.get(0), words.get(1)));
    }
    terms.stream().limit(3).forEach(t -> candidates.add(t.display()));
    for (String candidate : candidates) {
      String title = capitalise(candidate);
      if (!title.equals(previous)) {
        return title;
      }
    }
    return "Part " + number;
  }

  /**
   * The two words as a phrase if they were said as one ("database migration"), else joined by
   * "and".
   */
  private static String twoWords(List<Sentence> part, Keywords.Term first, Keywords.Term second) {
    Keywords.Counts counts = Keywords.count(part);
    String a = first.stems().get(0);
    String b = second.stems().get(0);
    int ab = counts.pairs().getOrDefault(a + " " + b, 0);
    int ba = counts.pairs().getOrDefault(b + " " + a, 0);
    if (ab == 0 && ba == 0) {
      return first.display() + " and " + second.display();
    }
    return Keywords.mostSaid(counts.surfaces().get(ab >= ba ? a + " " + b : b + " " + a));
  }

  static String capitalise(String text) {
    return text.isEmpty()
        ? text
        : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }
}
