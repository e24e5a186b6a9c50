package dev.verbatim.testsupport.evaluation;

import dev.verbatim.core.ActionItem;
import dev.verbatim.core.Decision;
import dev.verbatim.core.Minutes;
import dev.verbatim.testsupport.SpokenLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * Compares an engine's minutes with a meeting's script.
 *
 * <p>A predicted item may stand for an expected one if it starts within the time span of the
 * expected item's line, widened by {@value #TOLERANCE_MS} ms each side (the engine may place an
 * answered request at the answer, and recognised timings drift), or else if its text holds at least
 * half of the reference text's content words. Pairs are then taken one to one, best first: a timing
 * match before a text match, then more shared words, then the nearer start.
 */
public final class Scorer {

  /** How far outside its line's span a predicted item may start and still count as that line's. */
  public static final long TOLERANCE_MS = 1500;

  /** The share of the reference's content words a prediction must hold to match on text. */
  public static final double MIN_SHARED_WORDS = 0.5;

  private static final Set<String> STOP_WORDS =
      Set.of(
          "a",
          "an",
          "the",
          "and",
          "or",
          "but",
          "to",
          "of",
          "in",
          "on",
          "at",
          "by",
          "for",
          "with",
          "from",
          "about",
          "into",
          "as",
          "that",
          "this",
          "these",
          "those",
          "it",
          "its",
          "i",
          "i'll",
          "i'm",
          "me",
          "my",
          "we",
          "we'll",
          "our",
          "us",
          "you",
          "your",
          "he",
          "she",
          "his",
          "her",
          "him",
          "they",
          "them",
          "their",
          "will",
          "would",
          "can",
          "could",
          "should",
          "shall",
          "may",
          "might",
          "must",
          "be",
          "is",
          "are",
          "was",
          "were",
          "do",
          "does",
          "did",
          "done",
          "have",
          "has",
          "had",
          "going",
          "let",
          "let's",
          "please",
          "so",
          "then",
          "also",
          "all",
          "some",
          "any",
          "up",
          "out",
          "off",
          "before",
          "after",
          "until",
          "end",
          "week",
          "month",
          "quarter",
          "today",
          "tomorrow",
          "next",
          "within",
          "sure",
          "okay",
          "ok",
          "yes",
          "action",
          "item",
          "todo",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday");

  private Scorer() {}

  /**
   * Scores {@code minutes} against {@code meeting}, whose lines were said at the times of {@code
   * timeline} in the transcript the minutes were written from.
   */
  public static MeetingScore score(
      EvaluationMeeting meeting, List<SpokenLine> timeline, Minutes minutes) {
    if (timeline.size() != meeting.lines().size()) {
      throw new IllegalArgumentException(
          "The timeline of "
              + meeting.name()
              + " has "
              + timeline.size()
              + " lines, the script "
              + meeting.lines().size());
    }
    List<ActionItem> predicted = minutes.actionItems();
    List<int[]> actionPairs =
        pair(
            meeting.actions(),
            ExpectedAction::line,
            ExpectedAction::text,
            predicted,
            ActionItem::startMs,
            ActionItem::text,
            timeline);
    List<ActionMatch> matches = new ArrayList<>();
    Set<Integer> expectedPaired = new HashSet<>();
    Set<Integer> predictedPaired = new HashSet<>();
    for (int[] pair : actionPairs) {
      matches.add(new ActionMatch(meeting.actions().get(pair[0]), predicted.get(pair[1])));
      expectedPaired.add(pair[0]);
      predictedPaired.add(pair[1]);
    }
    matches.sort(Comparator.comparingInt(m -> m.expected().line()));

    List<Decision> decisions = minutes.decisions();
    List<int[]> decisionPairs =
        pair(
            meeting.decisions(),
            ExpectedDecision::line,
            ExpectedDecision::text,
            decisions,
            Decision::startMs,
            Decision::text,
            timeline);
    Set<Integer> decisionsPaired = new HashSet<>();
    Set<Integer> predictedDecisionsPaired = new HashSet<>();
    for (int[] pair : decisionPairs) {
      decisionsPaired.add(pair[0]);
      predictedDecisionsPaired.add(pair[1]);
    }
    return new MeetingScore(
        meeting,
        timeline,
        matches,
        unpaired(meeting.actions(), expectedPaired),
        unpaired(predicted, predictedPaired),
        decisionPairs.size(),
        unpaired(meeting.decisions(), decisionsPaired),
        unpaired(decisions, predictedDecisionsPaired));
  }

  /**
   * The share of {@code reference}'s content words that {@code text} holds too, from 0 to 1; 0 when
   * the reference has none.
   */
  public static double sharedContentWords(String reference, String text) {
    Set<String> wanted = contentWords(reference);
    if (wanted.isEmpty()) {
      return 0;
    }
    Set<String> have = contentWords(text);
    return wanted.stream().filter(have::contains).count() / (double) wanted.size();
  }

  /** Lowercase word stems without function words, dates or action-item boilerplate. */
  static Set<String> contentWords(String text) {
    Set<String> words = new HashSet<>();
    for (String word : EvaluationMeeting.spokenWords(text)) {
      if (!STOP_WORDS.contains(word)) {
        words.add(stem(word));
      }
    }
    return words;
  }

  /** A crude stem, enough that "sends", "sending" and "sent"-free wordings of a task agree. */
  private static String stem(String word) {
    String w = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
    if (w.endsWith("ies") && w.length() > 4) {
      w = w.substring(0, w.length() - 3) + "y";
    } else if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 3) {
      w = w.substring(0, w.length() - 1);
    }
    if (w.endsWith("ing") && w.length() > 5) {
      w = w.substring(0, w.length() - 3);
    } else if (w.endsWith("ed") && w.length() > 4) {
      w = w.substring(0, w.length() - 2);
    }
    if (w.endsWith("e") && w.length() > 3) {
      w = w.substring(0, w.length() - 1);
    }
    return w;
  }

  /** Pairs expected with predicted items one to one, best candidates first. */
  private static <E, P> List<int[]> pair(
      List<E> expected,
      ToIntFunction<E> line,
      Function<E, String> reference,
      List<P> predicted,
      ToLongFunction<P> start,
      Function<P, String> text,
      List<SpokenLine> timeline) {
    List<Candidate> candidates = new ArrayList<>();
    for (int e = 0; e < expected.size(); e++) {
      SpokenLine said = timeline.get(line.applyAsInt(expected.get(e)));
      for (int p = 0; p < predicted.size(); p++) {
        long at = start.applyAsLong(predicted.get(p));
        long distance =
            at < said.startMs() ? said.startMs() - at : at > said.endMs() ? at - said.endMs() : 0;
        double shared =
            sharedContentWords(reference.apply(expected.get(e)), text.apply(predicted.get(p)));
        boolean inTime = distance <= TOLERANCE_MS;
        if (inTime || shared >= MIN_SHARED_WORDS) {
          candidates.add(new Candidate(e, p, inTime, shared, distance));
        }
      }
    }
    candidates.sort(
        Comparator.comparing(Candidate::inTime)
            .reversed()
            .thenComparing(Comparator.comparingDouble(Candidate::shared).reversed())
            .thenComparingLong(Candidate::distance)
            .thenComparingInt(Candidate::expected)
            .thenComparingInt(Candidate::predicted));
    Set<Integer> usedExpected = new HashSet<>();
    Set<Integer> usedPredicted = new HashSet<>();
    List<int[]> pairs = new ArrayList<>();
    for (Candidate c : candidates) {
      if (!usedExpected.contains(c.expected()) && !usedPredicted.contains(c.predicted())) {
        usedExpected.add(c.expected());
        usedPredicted.add(c.predicted());
        pairs.add(new int[] {c.expected(), c.predicted()});
      }
    }
    return pairs;
  }

  private static <T> List<T> unpaired(List<T> items, Set<Integer> paired) {
    List<T> rest = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (!paired.contains(i)) {
        rest.add(items.get(i));
      }
    }
    return rest;
  }

  private record Candidate(
      int expected, int predicted, boolean inTime, double shared, long distance) {}
}
