package dev.verbatim.server.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.ActionItem;
import dev.verbatim.core.ActionItemStatus;
import dev.verbatim.core.Decision;
import dev.verbatim.core.Meeting;
import dev.verbatim.core.Minutes;
import dev.verbatim.core.Segment;
import dev.verbatim.testsupport.evaluation.EvaluationMeeting;
import dev.verbatim.testsupport.evaluation.EvaluationSet;
import dev.verbatim.testsupport.evaluation.ExpectedAction;
import dev.verbatim.testsupport.evaluation.ExpectedDecision;
import dev.verbatim.testsupport.evaluation.MeetingScore;
import dev.verbatim.testsupport.evaluation.Summary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness's clean-text condition, which needs no audio: an engine that writes exactly the
 * script's annotations from the transcript it is given scores perfectly, and one that finds nothing
 * scores no recall. This proves the clean transcript and the scorer's timeline line up.
 */
class MinutesEvaluationHarnessTests {

  @TempDir Path cache;

  private final List<EvaluationMeeting> set = EvaluationSet.load();

  @Test
  void anEngineThatWritesTheAnnotationsScoresPerfectlyOnCleanText() {
    Summary summary = cleanText(this::oracle);

    assertThat(summary.meetings()).isEqualTo(set.size());
    assertThat(summary.expected()).isEqualTo(set.stream().mapToInt(m -> m.actions().size()).sum());
    assertThat(summary.matched()).isEqualTo(summary.expected());
    assertThat(summary.f1()).isEqualTo(1.0);
    assertThat(summary.ownerAccuracy()).isEqualTo(1.0);
    assertThat(summary.dueAccuracy()).isEqualTo(1.0);
    assertThat(summary.decisionF1()).isEqualTo(1.0);
    assertThat(summary.falsePositivesWithoutActionItems()).isZero();
  }

  @Test
  void anEngineThatFindsNothingRecallsNothing() {
    Summary summary = cleanText(m -> Minutes.empty());

    assertThat(summary.predicted()).isZero();
    assertThat(summary.recall()).isZero();
    assertThat(summary.f1()).isZero();
  }

  private Summary cleanText(Function<Meeting, Minutes> engine) {
    try (MinutesEvaluation evaluation = new MinutesEvaluation(engine, cache, false)) {
      Map<Condition, List<MeetingScore>> scores =
          evaluation.run(set, EnumSet.of(Condition.CLEAN_TEXT));
      return Summary.of(scores.get(Condition.CLEAN_TEXT));
    }
  }

  /** Knows the answers, but places them by the transcript's segments, as a real engine must. */
  private Minutes oracle(Meeting transcript) {
    EvaluationMeeting script =
        set.stream()
            .filter(m -> transcript.id().equals("eval-" + m.name()))
            .findFirst()
            .orElseThrow();
    List<ActionItem> actions = new ArrayList<>();
    for (ExpectedAction a : script.actions()) {
      Segment said = transcript.segments().get(a.line());
      actions.add(
          new ActionItem(
              "a" + actions.size(),
              a.text(),
              a.owner(),
              a.due(),
              ActionItemStatus.OPEN,
              said.startMs(),
              List.of(said.id()),
              1.0,
              said.text()));
    }
    List<Decision> decisions = new ArrayList<>();
    for (ExpectedDecision d : script.decisions()) {
      Segment said = transcript.segments().get(d.line());
      decisions.add(
          new Decision(
              "d" + decisions.size(),
              d.text(),
              said.startMs(),
              List.of(said.id()),
              1.0,
              said.text()));
    }
    return new Minutes(
        Minutes.GENERAL, List.of(), List.of(), List.of(), List.of(), decisions, actions, List.of());
  }
}
