package dev.verbatim.minutes;

import dev.verbatim.core.Sentence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The terms that set a meeting apart from English in general: each stem is scored by how often it
 * is said times how surprising it is in general English ({@link BackgroundFrequencies}), so
 * "budget" said six times beats "people" said ten. Word pairs said together again and again
 * ("budget review") compete too, and replace their words when those are mostly said as part of the
 * pair.
 */
final class Keywords {

  /**
   * Words at least this common in English (cost below it: about the 150 most frequent) never make a
   * keyword on their own, whatever the stop list misses.
   */
  static final double MIN_COST = 7.0;

  /**
   * A pair's cost is the sum of its words' costs, as if they were independent; they are not, so
   * pairs are discounted.
   */
  private static final double PAIR_DISCOUNT = 0.75;

  /** A pair takes over a word when at least this share of the word's uses is in the pair. */
  private static final double DOMINANCE = 0.5;

  /** A ranked term: one stem or two adjacent ones, with the form people said most. */
  record Term(List<String> stems, String display, int count, double score) {}

  /** How often each stem, pair of stems and surface form was said. */
  record Counts(
      Map<String, Integer> stems,
      Map<String, Integer> pairs,
      Map<String, Map<String, Integer>> surfaces,
      int contentWords) {}

  private Keywords() {}

  /** Up to {@code max} distinctive terms of the sentences, best first. */
  static List<String> of(List<Sentence> sentences, int max) {
    return ranked(sentences, null).stream().limit(max).map(Term::display).toList();
  }

  /**
   * Terms of the sentences, best first. With {@code whole} (the counts of the meeting these
   * sentences belong to), a term's score is also scaled by the share of its uses that fall here, so
   * a chapter's terms are those that set it apart from the rest of the meeting too.
   */
  static List<Term> ranked(List<Sentence> sentences, @Nullable Counts whole) {
    Counts counts = count(sentences);
    // In a long text a word said once is as likely a misrecognition as a topic.
    int minCount = counts.contentWords() >= 80 ? 2 : 1;
    Map<String, Term> words = new HashMap<>();
    for (var e : counts.stems().entrySet()) {
      String stem = e.getKey();
      int n = e.getValue();
      double cost = stemCost(counts.surfaces().get(stem));
      if (n < minCount || cost < MIN_COST) {
        continue;
      }
      double share = whole == null ? 1.0 : (double) n / whole.stems().getOrDefault(stem, n);
      String display = mostSaid(counts.surfaces().get(stem));
      words.put(stem, new Term(List.of(stem), display, n, n * cost * share));
    }
    List<Term> pairs = new ArrayList<>();
    for (var e : counts.pairs().entrySet()) {
      int n = e.getValue();
      if (n < 2) {
        continue; // a pair said once is no phrase
      }
      String[] parts = e.getKey().split(" ");
      double first = stemCost(counts.surfaces().get(parts[0]));
      double second = stemCost(counts.surfaces().get(parts[1]));
      if (Math.max(first, second) < MIN_COST) {
        continue;
      }
      double cost = first + second;
      double share = whole == null ? 1.0 : (double) n / whole.pairs().getOrDefault(e.getKey(), n);
      String display = mostSaid(counts.surfaces().get(e.getKey()));
      pairs.add(new Term(List.of(parts), display, n, n * cost * PAIR_DISCOUNT * share));
    }
    pairs.sort(BEST_FIRST);
    // A pair that holds most uses of a word takes the word's place (and at least its score).
    Set<String> absorbed = new HashSet<>();
    List<Term> terms = new ArrayList<>();
    for (Term pair : pairs) {
      double score = pair.score();
      boolean dominates = false;
      for (String part : pair.stems()) {
        int partCount = counts.stems().getOrDefault(part, 0);
        Term word = words.get(part);
        if (pair.count() >= DOMINANCE * partCount) {
          dominates = true;
          if (word != null && !absorbed.contains(part)) {
            score = Math.max(score, word.score());
          }
          absorbed.add(part);
        }
      }
      // A pair that dominates neither of its words is only a pair of keywords side by side.
      if (dominates) {
        terms.add(new Term(pair.stems(), pair.display(), pair.count(), score));
      }
    }
    for (Term word : words.values()) {
      if (!absorbed.contains(word.stems().get(0))) {
        terms.add(word);
      }
    }
    terms.sort(BEST_FIRST);
    return dropRepeats(terms);
  }

  /** Best score first; ties by display form, so the order never depends on hashing. */
  private static final Comparator<Term> BEST_FIRST =
      Comparator.comparingDouble(Term::score).reversed().thenComparing(Term::display);

  /** Drops pairs that repeat a stem of a better pair ("budget review" then "review budget"). */
  private static List<Term> dropRepeats(List<Term> terms) {
    List<Term> kept = new ArrayList<>();
    Set<String> pairStems = new HashSet<>();
    for (Term t : terms) {
      if (t.stems().size() == 2) {
        if (pairStems.containsAll(t.stems())) {
          continue;
        }
        pairStems.addAll(t.stems());
      }
      kept.add(t);
    }
    return kept;
  }

  /** Counts stems, adjacent pairs of content words (fillers skipped) and their surface forms. */
  static Counts count(List<Sentence> sentences) {
    Map<String, Integer> stems = new HashMap<>();
    Map<String, Integer> pairs = new HashMap<>();
    Map<String, Map<String, Integer>> surfaces = new HashMap<>();
    int contentWords = 0;
    for (Sentence s : sentences) {
      Terms.Token previous = null;
      for (Terms.Token t : Terms.tokens(s.text())) {
        if (Terms.isFiller(t.surface())) {
          continue; // "budget uh review" is still the pair "budget review"
        }
        if (t.content()) {
          contentWords++;
          stems.merge(t.stem(), 1, Integer::sum);
          surfaces
              .computeIfAbsent(t.stem(), k -> new HashMap<>())
              .merge(t.surface(), 1, Integer::sum);
          if (previous != null && previous.content() && !previous.stem().equals(t.stem())) {
            String key = previous.stem() + " " + t.stem();
            pairs.merge(key, 1, Integer::sum);
            surfaces
                .computeIfAbsent(key, k -> new HashMap<>())
                .merge(previous.surface() + " " + t.surface(), 1, Integer::sum);
          }
        }
        previous = t;
      }
    }
    return new Counts(stems, pairs, surfaces, contentWords);
  }

  /** Each stem's background cost, as weights for comparing sentences. */
  static Map<String, Double> stemCosts(Counts counts) {
    Map<String, Double> costs = new HashMap<>();
    for (String stem : counts.stems().keySet()) {
      costs.put(stem, stemCost(counts.surfaces().get(stem)));
    }
    return costs;
  }

  /**
   * The background cost of a stem: of all its forms said here taken together, so "budgets" is as
   * common as "budget" and "budgets" combined.
   */
  static double stemCost(Map<String, Integer> surfaces) {
    double p = 0;
    for (String surface : surfaces.keySet()) {
      p += Math.exp(-BackgroundFrequencies.cost(surface));
    }
    return Math.min(-Math.log(p), BackgroundFrequencies.MAX_COST);
  }

  /** The form said most often; ties go to the alphabetically first. */
  static String mostSaid(Map<String, Integer> surfaces) {
    return surfaces.entrySet().stream()
        .min(
            Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                .reversed()
                .thenComparing(Map.Entry::getKey))
        .orElseThrow()
        .getKey();
  }
}
