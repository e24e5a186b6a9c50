package dev.verbatim.minutes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.ActionItem;
import dev.verbatim.core.Decision;
import dev.verbatim.core.Meeting;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How people really talk in meetings (lines adapted from the AMI meetings of the tuning set): most
 * "I'll …" is an act done in the room, "you need to …" describes how a thing works, and the real
 * work is handed out loosely, to roles, at the end.
 */
class SpontaneousSpeechTests {

  private final MinutesWriter writer = new MinutesWriter(MinutesProperties.defaults());

  private List<ActionItem> items(Meeting meeting) {
    return writer.write(meeting).actionItems();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ana: but i'll just draw a different kind of dog",
        "ana: here I will draw a little turtle for you all",
        "ana: let me just put the top back in",
        "ana: i will give it a six",
        "ana: i'm gonna review the minutes of the last meeting then",
        "ana: first i'll show you the agenda",
        "ana: um i'll just go through your system then",
        "ana: could you plug me in",
        "ana: would you how much would you pay",
        "ana: you need to browse the channels in an upward downward way",
        "ana: i still don't know what i'm gonna write about",
        "ana: i can take mine it's okay",
        "ana: i'll let you know as soon as i get any pictures",
        "ana: okay then i'll meet you in about half an hour",
      })
  void actsInTheMeetingAndTalkAboutTheProductAreNotActionItems(String line) {
    assertThat(items(Transcripts.named(line, "bob: yeah", "carl: okay moving on"))).isEmpty();
  }

  @Test
  void workForLaterStillCountsEvenWhenSaidWithAnInMeetingVerb() {
    assertThat(
            items(
                Transcripts.named(
                    "ana: i'll present the figures to the board next week",
                    "bob: okay",
                    "carl: fine")))
        .singleElement()
        .satisfies(item -> assertThat(item.text()).isEqualTo("Present the figures to the board."));
  }

  @Test
  void disfluenciesAreCleanedBeforeTheTaskIsWritten() {
    assertThat(
            items(
                Transcripts.named(
                    "ana: i'll uh send send the the um quotes to the vendor by friday",
                    "bob: okay",
                    "carl: fine")))
        .singleElement()
        .satisfies(item -> assertThat(item.text()).isEqualTo("Send the quotes to the vendor."));
  }

  @Test
  void theChairHandsOutWorkToRolesInOneBreath() {
    Meeting meeting =
        Transcripts.named(
            "project manager: so for our industrial designer you're gonna be thinking about the"
                + " components concept",
            "project manager: user interface designer gonna be thinking about our user interface"
                + " and marketing you're gonna be thinking about trend watching",
            "industrial designer: okay",
            "marketing: yep",
            "user interface: sounds good");
    assertThat(items(meeting))
        .extracting(ActionItem::owner, ActionItem::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Industrial designer", "Think about the components concept."),
            org.assertj.core.groups.Tuple.tuple(
                "User interface", "Think about the team's User Interface."),
            org.assertj.core.groups.Tuple.tuple("Marketing", "Think about trend watching."));
  }

  @Test
  void aRoleIsNotNamedByItsFirstWordAlone() {
    Meeting meeting =
        Transcripts.named(
            "project manager: the user will automatically know what the button does",
            "user interface: right",
            "marketing: yes");
    assertThat(items(meeting)).isEmpty();
  }

  @Test
  void theAnswersSpecificDateWinsOverTheRequestsSpan() {
    Meeting meeting =
        Transcripts.named(
            "ana: henry can you get the api key from the vendor this week",
            "henry: yes i'll get it by thursday",
            "carl: good");
    // Wednesday 4 March 2026: Thursday is the 5th, the week ends Friday the 6th.
    assertThat(items(meeting))
        .singleElement()
        .satisfies(item -> assertThat(item.due()).isEqualTo(LocalDate.of(2026, 3, 5)));
  }

  @Test
  void aVaguerLaterPhraseDoesNotReplaceASpecificDay() {
    Meeting meeting =
        Transcripts.named(
            "ana: henry can you get the api key from the vendor by thursday",
            "henry: sure i'll get it this week",
            "carl: good");
    assertThat(items(meeting))
        .singleElement()
        .satisfies(item -> assertThat(item.due()).isEqualTo(LocalDate.of(2026, 3, 5)));
  }

  @Test
  void aProposalAnotherPersonAgreesToIsADecision() {
    List<Decision> decisions =
        writer
            .write(
                Transcripts.named(
                    "ana: should we drop the teletext", "bob: yes let's drop it", "carl: fine"))
            .decisions();
    assertThat(decisions)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.text()).isEqualTo("Drop the teletext.");
              assertThat(d.segmentIds()).containsExactly("seg-1", "seg-2");
            });
  }

  @Test
  void aProposalMetWithOnlyYeahIsNoDecision() {
    assertThat(
            writer
                .write(
                    Transcripts.named(
                        "ana: should we drop the teletext", "bob: yeah", "carl: hmm not sure"))
                .decisions())
        .isEmpty();
  }

  @Test
  void oneTaskSaidTwiceByOnePersonIsOneItem() {
    Meeting meeting =
        Transcripts.named(
            "maria: i can help suzhou i will visit the site on december third to train the new"
                + " coordinator",
            "ana: thank you",
            "bob: good");
    assertThat(items(meeting))
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.text()).isEqualTo("Visit the site to train the new coordinator.");
              assertThat(item.owner()).isEqualTo("Maria");
              assertThat(item.due()).isEqualTo(LocalDate.of(2026, 12, 3));
            });
  }

  @Test
  void twoConcreteTasksOfOnePersonStayTwo() {
    Meeting meeting =
        Transcripts.named(
            "maria: i'll send the report to the auditors by friday and i'll book the room for"
                + " tuesday",
            "ana: thanks",
            "bob: good");
    assertThat(items(meeting)).hasSize(2);
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "Um so we we need a a new design. | So we need a new design.",
        "Do you wanna sh do you wanna hold it? | Do you wanna hold it?",
        "The the battery, uh, is is kinetic. | The battery, is kinetic.",
      })
  void textPeopleReadLeavesOutFillersRestartsAndRepeats(String said, String read) {
    assertThat(Disfluencies.cleanText(said)).isEqualTo(read);
  }
}
