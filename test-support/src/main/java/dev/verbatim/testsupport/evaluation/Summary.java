package dev.verbatim.testsupport.evaluation;

import java.util.List;

/**
 * Counts over one or more meetings, and the measures made from them. Precision and recall are
 * micro-averaged: every action item counts the same, whichever meeting it is in.
 *
 * @param ownerCorrect matched items whose owner is right
 * @param dueCorrect matched items whose due date is right
 * @param falsePositivesWithoutActionItems predicted action items in meetings that have none
 */
public record Summary(
    int meetings,
    int expected,
    int predicted,
    int matched,
    int ownerCorrect,
    int dueCorrect,
    int expectedDecisions,
    int predictedDecisions,
    int matchedDecisions,
    int falsePositivesWithoutActionItems) {

  /** Adds up the counts of {@code scores}. */
  public static Summary of(List<MeetingScore> scores) {
    int expected = 0;
    int predicted = 0;
    int matched = 0;
    int owner = 0;
    int due = 0;
    int expectedDecisions = 0;
    int predictedDecisions = 0;
    int matchedDecisions = 0;
    int noActionFalsePositives = 0;
    for (MeetingScore s : scores) {
      expected += s.matches().size() + s.missed().size();
      predicted += s.matches().size() + s.falsePositives().size();
      matched += s.matches().size();
      owner += (int) s.matches().stream().filter(ActionMatch::ownerCorrect).count();
      due += (int) s.matches().stream().filter(ActionMatch::dueCorrect).count();
      expectedDecisions += s.matchedDecisions() + s.missedDecisions().size();
      predictedDecisions += s.matchedDecisions() + s.falseDecisions().size();
      matchedDecisions += s.matchedDecisions();
      if (s.meeting().hasNoActionItems()) {
        noActionFalsePositives += s.falsePositives().size();
      }
    }
    return new Summary(
        scores.size(),
        expected,
        predicted,
        matched,
        owner,
        due,
        expectedDecisions,
        predictedDecisions,
        matchedDecisions,
        noActionFalsePositives);
  }

  /** Matched over predicted; 1 when nothing was predicted, as nothing predicted was wrong. */
  public double precision() {
    return predicted == 0 ? 1 : (double) matched / predicted;
  }

  /** Matched over expected; 1 when nothing was expected. */
  public double recall() {
    return expected == 0 ? 1 : (double) matched / expected;
  }

  /** The harmonic mean of precision and recall; 1 when nothing was expected or predicted. */
  public double f1() {
    return f1(expected, predicted, matched);
  }

  /** The share of matched items with the right owner; 0 when nothing matched. */
  public double ownerAccuracy() {
    return matched == 0 ? 0 : (double) ownerCorrect / matched;
  }

  /** The share of matched items with the right due date (or rightly none); 0 when none matched. */
  public double dueAccuracy() {
    return matched == 0 ? 0 : (double) dueCorrect / matched;
  }

  public double decisionPrecision() {
    return predictedDecisions == 0 ? 1 : (double) matchedDecisions / predictedDecisions;
  }

  public double decisionRecall() {
    return expectedDecisions == 0 ? 1 : (double) matchedDecisions / expectedDecisions;
  }

  public double decisionF1() {
    return f1(expectedDecisions, predictedDecisions, matchedDecisions);
  }

  private static double f1(int expected, int predicted, int matched) {
    if (matched == 0) {
      return expected == 0 && predicted == 0 ? 1 : 0;
    }
    double p = (double) matched / predicted;
    double r = (double) matched / expected;
    return 2 * p * r / (p + r);
  }
}
