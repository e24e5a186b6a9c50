package dev.verbatim.minutes;

import dev.verbatim.core.Chapter;
import dev.verbatim.core.Sentence;
import dev.verbatim.core.SummaryPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An extractive summary: a few sentences said in the meeting, picked for covering its keywords and
 * for being central (like many other sentences, as in LexRank), one from each chapter first, then
 * the best of the rest that do not repeat what is already picked. Questions, fillers, fragments and
 * small talk ("can you hear me", "see you tomorrow") are passed over.
 */
final class Summary {

  static final int MAX_POINTS = 8;

  /** Sentences with fewer content words are fragments ("yes that works for me"). */
  static final int MIN_CONTENT_WORDS = 5;

  /** Share of the score for keyword coverage; the rest is for centrality. */
  private static final double COVERAGE_SHARE = 0.5;

  /** MMR: how much a candidate's own score counts against its likeness to points picked. */
  private static final double LAMBDA = 0.7;

  /** Points more alike than this say the same thing. */
  private static final double REDUNDANT = 0.5;

  /** Greetings, thanks, goodbyes and the mechanics of the call. */
  private static final Pattern SMALL_TALK =
      Pattern.compile(
          String.join(
              "|",
              "^(hi|hello|hey|morning|afternoon)\\b",
              "\\bgood (morning|afternoon|evening)\\b",
              "\\bhow (are|is) (you|everyone|everybody|it going)\\b",
              "\\bhow's (it going|everyone|everybody)\\b",
              "\\b(nice|good|great) to (see|meet|have) you\\b",
              "\\bwelcome (everyone|everybody|back|to the)\\b",
              "\\bthank(s| you)\\b",
              "\\b(see|talk to|speak to|catch) you\\b",
              "\\b(bye|goodbye|cheers)\\b",
              "\\bhave a (good|great|nice|lovely) (one|day|week|weekend|evening)\\b",
              "\\b(that's|that is) (all|it) for (today|now)\\b",
              "\\bcan (you|everyone|everybody) (hear|see) (me|us|my)\\b",
              "\\b(you're|you are|i'm|i am|i was) (on )?mute(d)?\\b",
              "\\bshare (my|the|your) screen\\b",
              "\\b(my|your) (audio|mic|microphone|camera|video|connection|internet)\\b",
              "\\b(join|joining|joined|dropped|drop) (the )?(call|meeting|off)\\b",
              "\\blet's (get started|start|begin|wait)\\b",
              "\\b(wait|waiting) (a (minute|moment|few minutes)|for (others|everyone|people))\\b",
              "\\bnext slide\\b"));

  /** Words that open a sentence without saying anything, trimmed from a point's text. */
  private static final Pattern LEADING_FILLERS =
      Pattern.compile(
          "^(?:(?:so|okay|ok|um|uh|er|erm|ah|oh|well|yeah|yes|alright|all right|and|anyway"
              + "|you know|i mean|moving on|(?:good|great|right|perfect|cool|fine)(?=[\\s,]+(?:and|so)\\b))"
              + "\\b[\\s,.;:!-]*)+",
          Pattern.CASE_INSENSITIVE);

  private Summary() {}

  private record Candidate(
      int index,
      Sentence sentence,
      String text,
      Map<String, Double> vector, // unit length, so a dot product is a cosine
      int contentWords,
      boolean smallTalk,
      double penalty) {}

  /**
   * About one point per chapter plus a few of the most central sentences, 3 to {@value #MAX_POINTS}
   * for a meeting of some length, fewer for a short one; in meeting order.
   */
  static List<SummaryPoint> of(
      List<Sentence> sentences, List<String> keywords, List<Chapter> chapters) {
    if (sentences.isEmpty()) {
      return List.of();
    }
    Map<String, Double> weights = Keywords.stemCosts(Keywords.count(sentences));
    List<Candidate> all = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      all.add(candidate(i, sentences.get(i), weights));
    }
    double[] score = scores(all, keywords);

    List<Candidate> eligible =
        all.stream().filter(c -> !c.smallTalk() && c.contentWords() >= MIN_CONTENT_WORDS).toList();
    if (eligible.isEmpty()) {
      // A short meeting of short sentences still gets its most telling one, if any says something.
      eligible = all.stream().filter(c -> !c.smallTalk() && c.contentWords() >= 2).toList();
    }
    int target = Math.min(target(sentences.size(), chapters.size()), eligible.size());

    List<Candidate> picked = new ArrayList<>();
    // One point from each chapter first, so every topic is in the summary; the chapters with the
    // best sentences first when there are more chapters than points.
    Map<Integer, Candidate> bestOfChapter = new TreeMap<>();
    for (Candidate c : eligible) {
      int chapter = chapterOf(c.sentence(), chapters);
      Candidate best = bestOfChapter.get(chapter);
      if (best == null || byScore(score).compare(c, best) > 0) {
        bestOfChapter.put(chapter, c);
      }
    }
    List<Candidate> chapterBests = new ArrayList<>(bestOfChapter.values());
    chapterBests.sort(byScore(score).reversed());
    for (Candidate c : chapterBests) {
      if (picked.size() >= target) {
        break;
      }
      if (maxSimilarity(c, picked) <= REDUNDANT) {
        picked.add(c);
      }
    }
    // Then the best of the rest that add something new (maximal marginal relevance).
    double top = eligible.stream().mapToDouble(c -> score[c.index()]).max().orElse(1);
    while (picked.size() < target) {
      Candidate best = null;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (Candidate c : eligible) {
        if (picked.contains(c)) {
          continue;
        }
        double similarity = maxSimilarity(c, picked);
        if (similarity > REDUNDANT) {
          continue;
        }
        double value = LAMBDA * score[c.index()] / top - (1 - LAMBDA) * similarity;
        if (value > bestValue) {
          best = c;
          bestValue = value;
        }
      }
      if (best == null) {
        break;
      }
      picked.add(best);
    }
    return picked.stream()
        .sorted(Comparator.comparingInt(Candidate::index))
        .map(c -> new SummaryPoint(c.text(), c.sentence().startMs(), c.sentence().segmentIds()))
        .toList();
  }

  /** How many points: one per chapter plus one per 20 sentences, within 3 and 8; fewer if short. */
  static int target(int sentences, int chapters) {
    if (sentences < Chapters.SHORT_MEETING_SENTENCES) {
      return Math.max(1, Math.min(3, sentences / 4));
    }
    int wanted = chapters + (int) Math.ceil(sentences / 20.0);
    return Math.max(3, Math.min(MAX_POINTS, wanted));
  }

  private static Candidate candidate(int index, Sentence s, Map<String, Double> weights) {
    List<Terms.Token> tokens = Terms.tokens(s.text());
    List<String> stems = new ArrayList<>();
    int fillers = 0;
    for (Terms.Token t : tokens) {
      if (t.content()) {
        stems.add(t.stem());
      } else if (Terms.isFiller(t.surface())) {
        fillers++;
      }
    }
    String plain = String.join(" ", tokens.stream().map(Terms.Token::surface).toList());
    boolean smallTalk = SMALL_TALK.matcher(plain).find() && stems.size() < 8;
    double penalty = 1.0;
    if (s.question()) {
      penalty *= 0.5; // a question is rarely an outcome
    }
    if (!tokens.isEmpty() && fillers > 0.2 * tokens.size()) {
      penalty *= 0.6;
    }
    if (tokens.size() > 45) {
      penalty *= 0.7; // a run-on from the recogniser makes a poor bullet
    }
    return new Candidate(
        index,
        s,
        display(s.text()),
        Vectors.unit(Vectors.of(stems, weights)),
        stems.size(),
        smallTalk,
        penalty);
  }

  /**
   * Each sentence's score: keyword coverage and centrality, each scaled to [0, 1], mixed, then
   * penalised.
   */
  private static double[] scores(List<Candidate> all, List<String> keywords) {
    int n = all.size();
    double[] coverage = new double[n];
    List<List<String>> keywordStems =
        keywords.stream().map(Terms::contentStems).filter(k -> !k.isEmpty()).toList();
    for (int i = 0; i < n; i++) {
      Set<String> stems = all.get(i).vector().keySet();
      for (int r = 0; r < keywordStems.size(); r++) {
        List<String> k = keywordStems.get(r);
        long present = k.stream().filter(stems::contains).count();
        coverage[i] += (double) present / k.size() / (1 + 0.2 * r);
      }
    }
    double[] centrality = centrality(all);
    double maxCoverage = max(coverage);
    double maxCentrality = max(centrality);
    double[] score = new double[n];
    for (int i = 0; i < n; i++) {
      double c = maxCoverage > 0 ? coverage[i] / maxCoverage : 0;
      double r = maxCentrality > 0 ? centrality[i] / maxCentrality : 0;
      score[i] = (COVERAGE_SHARE * c + (1 - COVERAGE_SHARE) * r) * all.get(i).penalty();
    }
    return score;
  }

  /**
   * How central each sentence is: the sum of its cosine similarities to all other sentences (the
   * weighted degree of LexRank's graph, which ranks sentences much as its PageRank does). The
   * vectors have unit length, so the sum is one dot product with the sum of all vectors: linear in
   * the meeting's length rather than quadratic.
   */
  private static double[] centrality(List<Candidate> all) {
    Map<String, Double> total = new HashMap<>();
    all.forEach(c -> Vectors.add(total, c.vector()));
    double[] centrality = new double[all.size()];
    for (int i = 0; i < all.size(); i++) {
      Map<String, Double> v = all.get(i).vector();
      double self = v.isEmpty() ? 0 : 1; // a unit vector's similarity to itself
      centrality[i] = Math.max(0, Vectors.dot(v, total) - self);
    }
    return centrality;
  }

  /** The index of the last chapter starting at or before the sentence; 0 if none does. */
  private static int chapterOf(Sentence s, List<Chapter> chapters) {
    int at = 0;
    for (int i = 0; i < chapters.size() && chapters.get(i).startMs() <= s.startMs(); i++) {
      at = i;
    }
    return at;
  }

  private static double maxSimilarity(Candidate c, List<Candidate> picked) {
    double max = 0;
    for (Candidate p : picked) {
      max = Math.max(max, Vectors.dot(c.vector(), p.vector()));
    }
    return max;
  }

  private static Comparator<Candidate> byScore(double[] score) {
    return Comparator.<Candidate>comparingDouble(c -> score[c.index()])
        .thenComparing(Comparator.comparingInt(Candidate::index).reversed());
  }

  private static double max(double[] values) {
    double max = 0;
    for (double v : values) {
      max = Math.max(max, v);
    }
    return max;
  }

  /** The sentence without the fillers it opens with, capitalised again. */
  static String display(String text) {
    // A summary is read, not heard: "um", restarts and repeats are left out of it.
    text = Disfluencies.cleanText(text);
    String trimmed = LEADING_FILLERS.matcher(text.strip()).replaceFirst("");
    if (trimmed.split("\\s+").length < 3) {
      return text.strip();
    }
    return Chapters.capitalise(trimmed);
  }
}
