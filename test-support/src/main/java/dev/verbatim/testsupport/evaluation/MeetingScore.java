package dev.verbatim.testsupport.evaluation;

import dev.verbatim.core.ActionItem;
import dev.verbatim.core.Decision;
import dev.verbatim.testsupport.SpokenLine;
import java.util.List;

/**
 * How one meeting's minutes compare with its script.
 *
 * @param timeline when each scripted line was said in the transcript that was scored
 * @param matches expected action items paired with predicted ones
 * @param missed expected action items nothing was paired with
 * @param falsePositives predicted action items nothing expected was paired with
 * @param matchedDecisions how many expected decisions were paired with predicted ones
 */
public record MeetingScore(
    EvaluationMeeting meeting,
    List<SpokenLine> timeline,
    List<ActionMatch> matches,
    List<ExpectedAction> missed,
    List<ActionItem> falsePositives,
    int matchedDecisions,
    List<ExpectedDecision> missedDecisions,
    List<Decision> falseDecisions) {

  public MeetingScore {
    timeline = List.copyOf(timeline);
    matches = List.copyOf(matches);
    missed = List.copyOf(missed);
    falsePositives = List.copyOf(falsePositives);
    missedDecisions = List.copyOf(missedDecisions);
    falseDecisions = List.copyOf(falseDecisions);
  }

  /** This meeting's counts, to read its precision, recall and accuracies from. */
  public Summary summary() {
    return Summary.of(List.of(this));
  }
}
