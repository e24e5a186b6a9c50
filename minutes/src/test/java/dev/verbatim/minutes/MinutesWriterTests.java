package dev.verbatim.minutes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.core.ActionItem;
import dev.verbatim.core.Meeting;
import dev.verbatim.core.Minutes;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class MinutesWriterTests {

  private static final Meeting STANDUP =
      Transcripts.named(
          "ana: good morning everyone let us start with the budget review",
          "bob: the budget review is almost done",
          "bob: i will send the final numbers on friday",
          "ana: we decided to move the launch to june");

  @Test
  void everyPartOfTheMinutesPointsAtSegmentsOfTheMeeting() {
    Minutes minutes = new MinutesWriter(MinutesProperties.defaults()).write(STANDUP);

    java.util.Set<String> ids =
        STANDUP.segments().stream().map(s -> s.id()).collect(java.util.stream.Collectors.toSet());
    assertThat(minutes.sentences()).isNotEmpty();
    assertThat(minutes.sentences()).allSatisfy(s -> assertThat(ids).containsAll(s.segmentIds()));
    assertThat(minutes.summary()).allSatisfy(p -> assertThat(ids).containsAll(p.segmentIds()));
    assertThat(minutes.chapters()).allSatisfy(c -> assertThat(ids).containsAll(c.segmentIds()));
    assertThat(minutes.decisions())
        .singleElement()
        .satisfies(d -> assertThat(ids).containsAll(d.segmentIds()));
    assertThat(minutes.actionItems())
        .singleElement()
        .satisfies(a -> assertThat(ids).containsAll(a.segmentIds()));
    assertThat(minutes.keywords()).contains("budget review");
  }

  @Test
  void usesTheConfiguredDefaultTemplate() {
    MinutesProperties standup =
        new MinutesProperties(
            new MinutesProperties.Templates(null, "standup"), MinutesProperties.defaults().llm());

    assertThat(new MinutesWriter(standup).write(STANDUP).template()).isEqualTo("standup");
  }

  @Test
  void refusesAnUnknownTemplateNamingTheKnownOnes() {
    MinutesWriter writer = new MinutesWriter(MinutesProperties.defaults());

    assertThatThrownBy(() -> writer.write(STANDUP, "board"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("board")
        .hasMessageContaining("standup");
  }

  @Test
  void asksTheConfiguredChatApiAndKeepsItsCheckedAnswer() throws IOException {
    try (LocalChatServer api = new LocalChatServer()) {
      api.answer(
          """
          {"summary":[{"text":"Bob sends the final budget numbers on Friday.","sentenceIds":["s3"]}],
           "actionItems":[{"text":"Send the final budget numbers","owner":"Bob","due":"2026-03-06",
                           "sentenceIds":["s3"]}]}
          """);
      MinutesProperties withLlm =
          new MinutesProperties(
              MinutesProperties.defaults().minutes(), api.llm(null, Duration.ofSeconds(10)));

      Minutes minutes = new MinutesWriter(withLlm).write(STANDUP);

      assertThat(api.requests()).hasSize(1);
      assertThat(minutes.summary())
          .singleElement()
          .satisfies(
              p -> assertThat(p.text()).isEqualTo("Bob sends the final budget numbers on Friday."));
      assertThat(minutes.actionItems())
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.text()).isEqualTo("Send the final budget numbers");
                assertThat(a.owner()).isEqualTo("Bob");
                assertThat(a.segmentIds()).containsExactly("seg-3");
              });
    }
  }

  @Test
  void writesEmptyMinutesForAMeetingWithNothingSaid() {
    Meeting silent =
        new Meeting(
            Meeting.SCHEMA,
            "m",
            "Silence",
            Transcripts.DATE,
            60_000,
            "en",
            STANDUP.source(),
            java.util.List.of(),
            java.util.List.of(),
            Minutes.empty());

    Minutes minutes = new MinutesWriter(MinutesProperties.defaults()).write(silent);

    assertThat(minutes.sentences()).isEmpty();
    assertThat(minutes.actionItems()).isEmpty();
    assertThat(minutes.summary()).isEmpty();
    assertThat(minutes.chapters()).isEmpty();
  }

  @Test
  void aRosterGivesOwnersNamedByGivenNameTheirFullName() {
    Meeting meeting =
        Transcripts.unnamed(
            "a: bob will send the final numbers on friday",
            "b: okay and priya will update the roadmap tomorrow",
            "a: alex will book the room");
    List<String> roster = List.of("Bob Stone", "Priya Raman", "Alex Kim", "Alex Ford");

    Minutes minutes =
        new MinutesWriter(MinutesProperties.defaults()).write(meeting, "general", roster);

    assertThat(minutes.actionItems())
        .extracting(ActionItem::owner)
        // Priya is no common given name: the roster makes her a person. Two Alexes: no guess.
        .containsExactly("Bob Stone", "Priya Raman", "Alex");
  }

  @Test
  void withoutARosterOwnersKeepTheNameThatWasSaid() {
    Meeting meeting = Transcripts.unnamed("a: bob will send the final numbers on friday");

    Minutes minutes = new MinutesWriter(MinutesProperties.defaults()).write(meeting);

    assertThat(minutes.actionItems()).extracting(ActionItem::owner).containsExactly("Bob");
  }
}
