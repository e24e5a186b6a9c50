package dev.verbatim.testsupport.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.verbatim.core.ActionItem;
import dev.verbatim.core.ActionItemStatus;
import dev.verbatim.core.Decision;
import dev.verbatim.core.Minutes;
import dev.verbatim.testsupport.SpokenLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScorerTests {

  private static final LocalDate FRIDAY = LocalDate.of(2026, 3, 6);
  private static final LocalDate TOMORROW = LocalDate.of(2026, 3, 5);

  @TempDir Path dir;

  private EvaluationMeeting meeting;
  private List<SpokenLine> timeline;

  @BeforeEach
  void readTheSample() throws IOException {
    meeting =
        read(
            "sample.meeting",
            """
            title: Scorer sample
            date: 2026-03-04
            speakers: maria=slt, peter=kal
            ---
            maria: Peter, can you send the certificate to the security team by Friday?
            ! action owner=peter due=2026-03-06 | send the certificate to the security team
            peter: Sure, I'll do that.
            maria: I will update the release notes tomorrow.
            ! action owner=maria due=2026-03-05 | update the release notes
            peter: We decided to go with the cloud directory.
            ! decision | go with the cloud directory
            maria: Action item: somebody books the meeting room.
            ! action owner=none due=none | book the meeting room
            peter: I could eat a horse.
            """);
    timeline = meeting.syntheticTimeline();
  }

  @Test
  void scoresPerfectMinutesAsPerfect() {
    MeetingScore score =
        score(
            List.of(
                action("Send the certificate to the security team", "peter", FRIDAY, 0),
                action("Update the release notes", "maria", TOMORROW, 2),
                action("Book the meeting room", null, null, 4)),
            List.of(decision("Go with the cloud directory", 3)));

    Summary s = score.summary();
    assertThat(s.expected()).isEqualTo(3);
    assertThat(s.predicted()).isEqualTo(3);
    assertThat(s.matched()).isEqualTo(3);
    assertThat(s.precision()).isEqualTo(1.0);
    assertThat(s.recall()).isEqualTo(1.0);
    assertThat(s.f1()).isEqualTo(1.0);
    assertThat(s.ownerAccuracy()).isEqualTo(1.0);
    assertThat(s.dueAccuracy()).isEqualTo(1.0);
    assertThat(s.decisionF1()).isEqualTo(1.0);
    assertThat(score.missed()).isEmpty();
    assertThat(score.falsePositives()).isEmpty();
  }

  @Test
  void matchesAnItemPlacedAtTheAnswerWithinTheToleranceOfTheRequest() {
    long answer = timeline.get(1).startMs();
    assertThat(answer - timeline.get(0).endMs()).isLessThanOrEqualTo(Scorer.TOLERANCE_MS);

    MeetingScore score = score(List.of(action("Do that", "peter", FRIDAY, answer)), List.of());

    assertThat(score.matches()).hasSize(1);
    assertThat(score.matches().get(0).expected().line()).isZero();
  }

  @Test
  void matchesOnTimeUpToTheToleranceAfterTheLineAndNotBeyond() {
    // Line 4 is the last with an item; line 5 ("I could eat a horse") shares no word with it.
    long edge = timeline.get(4).endMs() + Scorer.TOLERANCE_MS;

    MeetingScore atEdge = score(List.of(action("Do it", null, null, edge)), List.of());
    MeetingScore beyond = score(List.of(action("Do it", null, null, edge + 1)), List.of());

    assertThat(atEdge.matches())
        .singleElement()
        .satisfies(m -> assertThat(m.expected().text()).isEqualTo("book the meeting room"));
    assertThat(beyond.matches()).isEmpty();
    assertThat(beyond.falsePositives()).hasSize(1);
    assertThat(beyond.missed()).hasSize(3);
  }

  @Test
  void fallsBackToSharedContentWordsWhenTheTimingIsOff() {
    long wayOff = 600_000;

    MeetingScore score =
        score(
            List.of(
                action("Maria updates the notes for the release", "maria", TOMORROW, wayOff),
                action("Order new chairs", "peter", null, wayOff)),
            List.of());

    assertThat(score.matches())
        .singleElement()
        .satisfies(m -> assertThat(m.expected().text()).isEqualTo("update the release notes"));
    assertThat(score.falsePositives())
        .extracting(ActionItem::text)
        .containsExactly("Order new chairs");
  }

  @Test
  void measuresSharedContentWordsOverTheReferenceIgnoringFunctionWordsAndForms() {
    assertThat(
            Scorer.sharedContentWords(
                "send the certificate to the security team", "sends certificates"))
        .isEqualTo(0.5);
    assertThat(Scorer.sharedContentWords("update the release notes", "updated release note"))
        .isEqualTo(1.0);
    assertThat(Scorer.sharedContentWords("the", "the")).isZero();
  }

  @Test
  void pairsOneToOneAndGivesTheExpectedItemToTheBetterWordedPrediction() {
    long request = timeline.get(0).startMs() + 500;

    MeetingScore score =
        score(
            List.of(
                action("Do that", "peter", FRIDAY, request),
                action("Send the certificate to security", "peter", FRIDAY, request + 200)),
            List.of());

    assertThat(score.matches())
        .singleElement()
        .satisfies(
            m -> assertThat(m.predicted().text()).isEqualTo("Send the certificate to security"));
    assertThat(score.falsePositives()).extracting(ActionItem::text).containsExactly("Do that");
    Summary s = score.summary();
    assertThat(s.precision()).isEqualTo(0.5);
    assertThat(s.recall()).isCloseTo(1 / 3.0, within(1e-9));
    assertThat(s.f1()).isCloseTo(0.4, within(1e-9));
  }

  @Test
  void comparesOwnersIgnoringCaseAndRequiresNoOwnerWhereTheScriptHasNone() {
    MeetingScore score =
        score(
            List.of(
                action("Send the certificate", "Peter", FRIDAY, start(0)),
                action("Update the release notes", "S1", TOMORROW, start(2)),
                action("Book the meeting room", "maria", null, start(4))),
            List.of());

    assertThat(score.matches())
        .extracting(ActionMatch::ownerCorrect)
        .containsExactly(true, false, false);
    assertThat(score.summary().ownerAccuracy()).isCloseTo(1 / 3.0, within(1e-9));
    assertThat(score.summary().dueAccuracy()).isEqualTo(1.0);
  }

  @Test
  void comparesDueDatesExactlyAndRequiresNoneWhereTheScriptHasNone() {
    MeetingScore score =
        score(
            List.of(
                action("Send the certificate", "peter", FRIDAY.plusWeeks(1), start(0)),
                action("Update the release notes", "maria", null, start(2)),
                action("Book the meeting room", null, FRIDAY, start(4))),
            List.of());

    assertThat(score.matches()).extracting(ActionMatch::dueCorrect).containsOnly(false);
    assertThat(score.summary().dueAccuracy()).isZero();
    assertThat(score.summary().ownerAccuracy()).isEqualTo(1.0);
  }

  @Test
  void scoresDecisionsByPrecisionRecallAndF1() {
    MeetingScore score =
        score(
            List.of(),
            List.of(decision("Go with the cloud directory", 3), decision("Eat a horse", 5)));

    Summary s = score.summary();
    assertThat(s.matchedDecisions()).isEqualTo(1);
    assertThat(s.decisionPrecision()).isEqualTo(0.5);
    assertThat(s.decisionRecall()).isEqualTo(1.0);
    assertThat(s.decisionF1()).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(score.falseDecisions()).extracting(Decision::text).containsExactly("Eat a horse");
  }

  @Test
  void countsEveryPredictionInAMeetingWithoutActionItemsAsAFalsePositive() throws IOException {
    EvaluationMeeting quiet =
        read(
            "quiet.meeting",
            """
            title: Quiet
            date: 2026-03-04
            speakers: tom=rms
            ---
            tom: I already sent the report yesterday.
            tom: Let's meet again in two weeks.
            """);
    MeetingScore none = Scorer.score(quiet, quiet.syntheticTimeline(), Minutes.empty());
    MeetingScore two =
        Scorer.score(
            quiet,
            quiet.syntheticTimeline(),
            minutes(
                List.of(
                    action("Send the report", "tom", null, 0),
                    action("Meet again in two weeks", null, null, 3000)),
                List.of()));

    assertThat(none.summary().falsePositivesWithoutActionItems()).isZero();
    assertThat(none.summary().f1()).isEqualTo(1.0);
    assertThat(two.summary().falsePositivesWithoutActionItems()).isEqualTo(2);
    assertThat(two.summary().precision()).isZero();
    MeetingScore good =
        score(
            List.of(
                action("Send the certificate", "peter", FRIDAY, start(0)),
                action("Unasked for", "peter", FRIDAY, 600_000)),
            List.of());
    assertThat(Summary.of(List.of(good, two)).falsePositivesWithoutActionItems()).isEqualTo(2);
  }

  @Test
  void addsUpMeetingsBeforeDividing() throws IOException {
    MeetingScore half =
        score(List.of(action("Send the certificate", "peter", FRIDAY, start(0))), List.of());
    MeetingScore empty = score(List.of(), List.of());

    Summary total = Summary.of(List.of(half, empty));

    assertThat(total.meetings()).isEqualTo(2);
    assertThat(total.expected()).isEqualTo(6);
    assertThat(total.predicted()).isEqualTo(1);
    assertThat(total.matched()).isEqualTo(1);
    assertThat(total.precision()).isEqualTo(1.0);
    assertThat(total.recall()).isCloseTo(1 / 6.0, within(1e-9));
    assertThat(empty.summary().precision()).isEqualTo(1.0);
    assertThat(empty.summary().f1()).isZero();
    assertThat(empty.summary().ownerAccuracy()).isZero();
  }

  @Test
  void reportsATableRowPerMeetingAndEveryMissAndFalsePositive() {
    MeetingScore score =
        score(
            List.of(
                action("Send the certificate", "S2", FRIDAY, start(0)),
                action("Eat a horse", "peter", null, 600_000)),
            List.of());

    String table = Report.table("clean text", List.of(score));
    String details = Report.details("clean text", List.of(score));

    assertThat(table)
        .contains("== clean text ==")
        .containsPattern("sample\\s+3\\s+2\\s+1\\s+0\\.50\\s+0\\.33\\s+0\\.40\\s+0\\.00\\s+1\\.00")
        .contains("total (1 meetings)");
    assertThat(details)
        .contains("missed     [0:07.2] maria: \"I will update the release notes tomorrow.\"")
        .contains("false +    [10:00.0] \"Eat a horse\" (owner peter, due none)")
        .contains("owner      \"Send the certificate\": expected peter, got S2")
        .contains("missed dec");
  }

  private MeetingScore score(List<ActionItem> actions, List<Decision> decisions) {
    return Scorer.score(meeting, timeline, minutes(actions, decisions));
  }

  private long start(int line) {
    return timeline.get(line).startMs();
  }

  private EvaluationMeeting read(String name, String text) throws IOException {
    return EvaluationMeeting.read(Files.writeString(dir.resolve(name), text));
  }

  private static Minutes minutes(List<ActionItem> actions, List<Decision> decisions) {
    return new Minutes(
        Minutes.GENERAL, List.of(), List.of(), List.of(), List.of(), decisions, actions, List.of());
  }

  private ActionItem action(
      String text, @Nullable String owner, @Nullable LocalDate due, long startMs) {
    return new ActionItem(
        "a-" + text.hashCode(),
        text,
        owner,
        due,
        ActionItemStatus.OPEN,
        startMs,
        List.of(),
        0.9,
        text.toLowerCase());
  }

  private Decision decision(String text, int line) {
    return new Decision("d-" + line, text, start(line), List.of(), 0.9, text.toLowerCase());
  }
}
