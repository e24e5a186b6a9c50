package dev.verbatim.testsupport.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.testsupport.Line;
import dev.verbatim.testsupport.SpeechModel;
import dev.verbatim.testsupport.SpokenLine;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The evaluation set itself: readable, speakable, recognisable, and consistent. */
class EvaluationSetTests {

  private static List<EvaluationMeeting> set;

  @BeforeAll
  static void readTheSet() {
    set = EvaluationSet.load();
  }

  @Test
  void holdsAtLeastTenMeetingsWithActionItemsAndSomeWithout() {
    assertThat(set).hasSizeGreaterThanOrEqualTo(10);
    assertThat(set).filteredOn(EvaluationMeeting::hasNoActionItems).hasSizeGreaterThanOrEqualTo(1);
    assertThat(set.stream().mapToInt(m -> m.actions().size()).sum()).isGreaterThanOrEqualTo(30);
    assertThat(set.stream().mapToInt(m -> m.decisions().size()).sum()).isGreaterThanOrEqualTo(8);
  }

  @Test
  void everyMeetingHasOneToFourSpeakersWhoAllSpeak() {
    for (EvaluationMeeting meeting : set) {
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
    for (EvaluationMeeting meeting : set) {
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
    for (EvaluationMeeting meeting : set) {
      for (Line line : meeting.lines()) {
        assertThat(line.text()).as(meeting.name()).doesNotContainPattern("[0-9]");
      }
    }
  }

  @Test
  void dueDatesAreNotBeforeTheMeetingAndWithinAYear() {
    for (EvaluationMeeting meeting : set) {
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
    for (EvaluationMeeting meeting : set) {
      List<SpokenLine> timeline = meeting.syntheticTimeline();
      assertThat(timeline.get(timeline.size() - 1).endMs())
          .as("length of %s in ms at %d ms a word", meeting.name(), EvaluationMeeting.MS_PER_WORD)
          .isBetween(55_000L, 180_000L);
    }
  }
}
