package dev.verbatim.testsupport.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.testsupport.Line;
import dev.verbatim.testsupport.SpeechModel;
import dev.verbatim.testsupport.SpokenLine;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The evaluation sets themselves: readable, speakable, recognisable, and consistent. The sizes are
 * those of the tuning set; every other check holds for the held-out set too.
 */
class EvaluationSetTests {

  private static final String HELD_OUT = "eval/minutes-holdout";

  private static List<EvaluationMeeting> set;
  private static List<EvaluationMeeting> heldOut;
  private static List<EvaluationMeeting> every;

  @BeforeAll
  static void readTheSets() {
    set = EvaluationSet.load(EvaluationSet.directory(EvaluationSet.DEFAULT));
    heldOut = EvaluationSet.load(EvaluationSet.directory(HELD_OUT));
    every = Stream.concat(set.stream(), heldOut.stream()).toList();
  }

  @Test
  void holdsAtLeastTenMeetingsWithActionItemsAndSomeWithout() {
    assertThat(set).hasSizeGreaterThanOrEqualTo(10);
    assertThat(set).filteredOn(EvaluationMeeting::hasNoActionItems).hasSizeGreaterThanOrEqualTo(1);
    assertThat(set.stream().mapToInt(m -> m.actions().size()).sum()).isGreaterThanOrEqualTo(30);
    assertThat(set.stream().mapToInt(m -> m.decisions().size()).sum()).isGreaterThanOrEqualTo(8);
  }

  @Test
  void theHeldOutSetHoldsAtLeastEightMeetingsAndSomeWithoutActionItems() {
    assertThat(heldOut).hasSizeGreaterThanOrEqualTo(8);
    assertThat(heldOut)
        .filteredOn(EvaluationMeeting::hasNoActionItems)
        .hasSizeGreaterThanOrEqualTo(1);
    assertThat(heldOut.stream().mapToInt(m -> m.actions().size()).sum()).isGreaterThanOrEqualTo(20);
    assertThat(heldOut.stream().map(EvaluationMeeting::name))
        .as("held-out names, so a meeting moved into the tuning set keeps its own")
        .doesNotContainAnyElementsOf(set.stream().map(EvaluationMeeting::name).toList());
  }

  @Test
  void findsASetRelativeToTheRepositoryRootFromAModuleDirectory() {
    Path root = EvaluationSet.directory(EvaluationSet.DEFAULT).getParent().getParent();

    assertThat(EvaluationSet.directory(HELD_OUT)).isEqualTo(root.resolve(HELD_OUT));
    assertThat(EvaluationSet.directory("./eval/../eval/minutes"))
        .isEqualTo(root.resolve("eval").resolve("minutes"));
  }

  @Test
  void refusesASetThatIsNotThere() {
    assertThatThrownBy(() -> EvaluationSet.directory("eval/no-such-set"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("minutes.evaluation.set=eval/no-such-set");
  }

  @Test
  void everyMeetingHasOneToFourSpeakersWhoAllSpeak() {
    for (EvaluationMeeting meeting : every) {
      assertThat(meeting.speakers()).as(meeting.name()).hasSizeBetween(1, 4);
      assertThat(meeting.lines().stream().map(Line::speaker).distinct())
          .as("speakers who say something in %s", meeting.name())
          .containsExactlyInAnyOrderElementsOf(meeting.speakers().keySet());
    }
    assertThat(set).filteredOn(m -> m.speakers().size() == 1).hasSize(1);
  }

  @Test
  void everyWordIsInTheSpeechModelsVocabulary() {
    Set<String> vocabulary = ModelVocabulary.of(SpeechModel.english());
    for (EvaluationMeeting meeting : every) {
      Set<String> unknown = new TreeSet<>();
      for (Line line : meeting.lines()) {
        EvaluationMeeting.spokenWords(line.text()).stream()
            .filter(w -> !vocabulary.contains(w))
            .forEach(unknown::add);
      }
      assertThat(unknown).as("words of %s the model cannot recognise", meeting.name()).isEmpty();
    }
  }

  @Test
  void numbersAreWrittenAsWords() {
    for (EvaluationMeeting meeting : every) {
      for (Line line : meeting.lines()) {
        assertThat(line.text()).as(meeting.name()).doesNotContainPattern("[0-9]");
      }
    }
  }

  @Test
  void dueDatesAreNotBeforeTheMeetingAndWithinAYear() {
    for (EvaluationMeeting meeting : every) {
      for (ExpectedAction action : meeting.actions()) {
        if (action.due() != null) {
          assertThat(action.due())
              .as("%s: %s", meeting.name(), action.text())
              .isAfterOrEqualTo(meeting.date())
              .isBefore(meeting.date().plusYears(1));
        }
      }
    }
  }

  @Test
  void everyMeetingLastsAboutOneToThreeMinutes() {
    for (EvaluationMeeting meeting : every) {
      List<SpokenLine> timeline = meeting.syntheticTimeline();
      assertThat(timeline.get(timeline.size() - 1).endMs())
          .as("length of %s in ms at %d ms a word", meeting.name(), EvaluationMeeting.MS_PER_WORD)
          .isBetween(55_000L, 180_000L);
    }
  }
}
