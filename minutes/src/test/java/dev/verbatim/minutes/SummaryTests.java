package dev.verbatim.minutes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.Chapter;
import dev.verbatim.core.Sentence;
import dev.verbatim.core.SummaryPoint;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SummaryTests {

  private final List<Sentence> meeting = ThreeTopicMeeting.sentences();
  private final List<String> keywords = Keywords.of(meeting, 10);
  private final List<Chapter> chapters = Chapters.of(meeting);

  @Test
  void aMeetingOfSomeLengthHasThreeToEightPointsInMeetingOrder() {
    List<SummaryPoint> points = Summary.of(meeting, keywords, chapters);

    assertThat(points).hasSizeBetween(3, 8);
    assertThat(points).extracting(SummaryPoint::startMs).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void eachPointIsASentenceOfTheMeetingWithItsSegments() {
    for (SummaryPoint p : Summary.of(meeting, keywords, chapters)) {
      Sentence said =
          meeting.stream().filter(s -> s.startMs() == p.startMs()).findFirst().orElseThrow();
      assertThat(p.segmentIds()).isEqualTo(said.segmentIds());
      assertThat(said.text().toLowerCase(Locale.ROOT)).endsWith(p.text().toLowerCase(Locale.ROOT));
    }
  }

  @Test
  void coversEveryChapter() {
    List<SummaryPoint> points = Summary.of(meeting, keywords, chapters);

    for (Chapter c : chapters) {
      assertThat(points)
          .as(c.title())
          .anyMatch(p -> p.startMs() >= c.startMs() && p.startMs() <= c.endMs());
    }
  }

  @Test
  void leavesOutGreetingsQuestionsAndFragments() {
    List<String> texts =
        Summary.of(meeting, keywords, chapters).stream()
            .map(p -> p.text().toLowerCase(Locale.ROOT))
            .toList();

    assertThat(texts)
        .noneMatch(t -> t.contains("good morning"))
        .noneMatch(t -> t.contains("hear me"))
        .noneMatch(t -> t.contains("thank"))
        .noneMatch(t -> t.contains("see you"))
        .noneMatch(t -> t.contains("bye"))
        .noneMatch(t -> t.endsWith("?"))
        .noneMatch(t -> t.equals("okay good."));
  }

  @Test
  void trimsTheFillersASentenceOpensWith() {
    assertThat(Summary.display("Okay so, um, the budget review is done."))
        .isEqualTo("The budget review is done.");
    assertThat(Summary.display("Good and let's freeze travel spending."))
        .isEqualTo("Let's freeze travel spending.");
    assertThat(Summary.display("Good results from the survey."))
        .isEqualTo("Good results from the survey.");
    assertThat(Summary.display("Moving on, the office lease ends in June."))
        .isEqualTo("The office lease ends in June.");
    assertThat(Summary.display("Okay so.")).isEqualTo("Okay so.");
  }

  @Test
  void smallTalkAloneGivesNoSummary() {
    List<Sentence> chat =
        KeywordsTests.sentences(
            "good morning everyone",
            "can you hear me okay",
            "yes we can hear you",
            "thanks everyone see you tomorrow");

    assertThat(Summary.of(chat, Keywords.of(chat, 5), Chapters.of(chat))).isEmpty();
  }

  @Test
  void emptyInputHasNoSummary() {
    assertThat(Summary.of(List.of(), List.of(), List.of())).isEmpty();
  }

  @Test
  void aSingleSentenceIsItsOwnSummary() {
    List<Sentence> one = List.of(meeting.get(29));

    assertThat(Summary.of(one, Keywords.of(one, 5), Chapters.of(one)))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.text()).isEqualTo(meeting.get(29).text());
              assertThat(p.segmentIds()).isEqualTo(meeting.get(29).segmentIds());
            });
  }

  @Test
  void sameInputGivesSameSummary() {
    List<Sentence> again = ThreeTopicMeeting.sentences();

    assertThat(Summary.of(again, Keywords.of(again, 10), Chapters.of(again)))
        .isEqualTo(Summary.of(meeting, keywords, chapters));
  }

  @Test
  void moreChaptersAndSentencesAskForMorePointsUpToEight() {
    assertThat(Summary.target(1, 1)).isEqualTo(1);
    assertThat(Summary.target(8, 1)).isEqualTo(2);
    assertThat(Summary.target(40, 3)).isEqualTo(5);
    assertThat(Summary.target(400, 9)).isEqualTo(8);
  }
}
