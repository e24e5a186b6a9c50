package dev.verbatim.minutes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.ActionItem;
import dev.verbatim.core.Meeting;
import dev.verbatim.core.Minutes;
import dev.verbatim.core.Speaker;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActionItemsTests {

  private final MinutesWriter writer = new MinutesWriter(MinutesProperties.defaults());

  private List<ActionItem> items(Meeting meeting) {
    return writer.write(meeting).actionItems();
  }

  @Test
  void firstPersonCommitmentBelongsToTheSpeaker() {
    List<ActionItem> items =
        items(Transcripts.named("bob: i will send the final numbers on friday"));

    assertThat(items)
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.owner()).isEqualTo("Bob");
              assertThat(item.text()).isEqualTo("Send the final numbers.");
              assertThat(item.due()).isEqualTo(LocalDate.of(2026, 3, 6));
              assertThat(item.segmentIds()).containsExactly("seg-1");
              assertThat(item.startMs()).isEqualTo(1000);
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "i'll update the customer documentation",
        "i'm going to update the customer documentation",
        "let me update the customer documentation",
        "okay so i will update the customer documentation",
      })
  void commitmentsAreCaught(String line) {
    assertThat(items(Transcripts.named("dana: " + line)))
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.owner()).isEqualTo("Dana");
              assertThat(item.text()).isEqualTo("Update the customer documentation.");
            });
  }

  @Test
  void namedRequestBelongsToTheAddressee() {
    List<ActionItem> items =
        items(
            Transcripts.named(
                "ana: maria can you send the signed contract to procurement by monday",
                "maria: sure i will do that"));

    assertThat(items)
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.owner()).isEqualTo("Maria");
              assertThat(item.text()).isEqualTo("Send the signed contract to procurement.");
              assertThat(item.due()).isEqualTo(LocalDate.of(2026, 3, 9));
              assertThat(item.segmentIds()).containsExactly("seg-1", "seg-2");
            });
  }

  @Test
  void thirdPersonAssignmentBelongsToTheNamedPerson() {
    assertThat(items(Transcripts.named("ana: peter will prepare the slides for the board")))
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.owner()).isEqualTo("Peter");
              assertThat(item.text()).isEqualTo("Prepare the slides for the board.");
            });
  }

  @Test
  void explicitActionItemIsCaught() {
    assertThat(items(Transcripts.named("ana: action item for john update the risk register")))
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.owner()).isEqualTo("John");
              assertThat(item.text()).isEqualTo("Update the risk register.");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "i already emailed the draft yesterday",
        "has anyone seen the new numbers",
        "i won't be able to join",
        "i will not be able to join on friday",
        "i could eat a horse",
        "let's meet again in two weeks",
        "can you hear me",
        "i will be on vacation next week",
        "i think it went well",
        "if we get the budget i will hire two people",
        "i was going to send it but the server was down",
        "could you repeat that",
        "thank you all see you tomorrow",
      })
  void nonTasksAreNotCaught(String line) {
    assertThat(items(Transcripts.named("ana: good morning", "bob: " + line, "carl: okay")))
        .isEmpty();
  }

  @Test
  void answeringANamedRequestNamesTheSpeaker() {
    Minutes minutes =
        writer.write(
            Transcripts.unnamed(
                "a: priya can you review the budget by friday",
                "b: sure i'll do that",
                "c: thanks"));

    assertThat(minutes.identifiedSpeakers())
        .singleElement()
        .satisfies(
            id -> {
              assertThat(id.speakerId()).isEqualTo("S2");
              assertThat(id.name()).isEqualTo("Priya");
              assertThat(id.segmentId()).isEqualTo("seg-2");
            });
    assertThat(minutes.actionItems())
        .singleElement()
        .extracting(ActionItem::owner)
        .isEqualTo("Priya");
  }

  @Test
  void unnamedSpeakerCommitmentIsOwnedByTheSpeakerId() {
    assertThat(items(Transcripts.unnamed("a: i will book the meeting room")))
        .singleElement()
        .extracting(ActionItem::owner)
        .isEqualTo("S1");
  }

  @Test
  void requestToSomeoneAnsweredByAVolunteerBelongsToTheVolunteer() {
    assertThat(
            items(
                Transcripts.named(
                    "ana: can someone check the backup logs before thursday",
                    "carl: i can do it",
                    "bob: great")))
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.owner()).isEqualTo("Carl");
              assertThat(item.text()).isEqualTo("Check the backup logs.");
              assertThat(item.due()).isEqualTo(LocalDate.of(2026, 3, 5));
            });
  }

  @Test
  void requestAddressedToMeNamesTheRequester() {
    assertThat(items(Transcripts.named("ana: bob please send me the report", "bob: okay")))
        .singleElement()
        .extracting(ActionItem::text)
        .isEqualTo("Send Ana the report.");
  }

  @Test
  void statementsInOneVoiceAreNotToDos() {
    assertThat(
            items(
                Transcripts.unnamed(
                    "a: update on hiring we have two offers out",
                    "a: report numbers look fine for the quarter",
                    "a: check",
                    "a: plan was approved by the board")))
        .isEmpty();
  }

  @Test
  void everyDateLeavesTheTaskTextNotOnlyTheDueOne() {
    assertThat(items(Transcripts.named("bob: i will send it tomorrow and review it on friday")))
        .singleElement()
        .extracting(ActionItem::text)
        .isEqualTo("Send it and review it.");
  }

  @Test
  void speakerNamesOfPunctuationOnlyBreakNothing() {
    Meeting meeting = Transcripts.named("-: i will send the report", "bob: thanks");
    Meeting oddlyNamed =
        meeting.withSpeakers(List.of(new Speaker("-", "-", 0), new Speaker("bob", ".", 0)));

    assertThat(items(oddlyNamed)).singleElement().extracting(ActionItem::owner).isEqualTo("-");
  }

  @Test
  void aFollowUpByTheSameSpeakerDatesTheirTask() {
    assertThat(
            items(
                Transcripts.named(
                    "kate: let me also ask the sponsor about the follow up rules",
                    "kate: i'll do it next tuesday")))
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.text()).isEqualTo("Ask the sponsor about the follow up rules.");
              assertThat(item.due()).isEqualTo(LocalDate.of(2026, 3, 10));
            });
  }

  @Test
  void minutesStyleItemsNameTheOwnerAndUseTheBaseVerb() {
    assertThat(
            items(
                Transcripts.named("ana: action item john sends the test plan tomorrow", "bob: ok")))
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.owner()).isEqualTo("John");
              assertThat(item.text()).isEqualTo("Send the test plan.");
              assertThat(item.due()).isEqualTo(LocalDate.of(2026, 3, 5));
            });
  }

  @Test
  void voiceMemoImperativesAreTheSpeakersToDos() {
    assertThat(
            items(
                Transcripts.named(
                    "peter: finally pay the electricity bill by the end of the week")))
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.owner()).isEqualTo("Peter");
              assertThat(item.text()).isEqualTo("Pay the electricity bill.");
              assertThat(item.due()).isEqualTo(LocalDate.of(2026, 3, 6));
            });
  }

  @Test
  void imperativesBetweenSeveralPeopleAreNotTasksOnTheirOwn() {
    assertThat(items(Transcripts.named("ana: send it", "bob: check the numbers"))).isEmpty();
  }

  @Test
  void requestInsideARunOnSentenceIsCaught() {
    assertThat(
            items(
                Transcripts.named(
                    "lisa: we can do that mark could you prepare a demo of the regional reports",
                    "peter: great")))
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.owner()).isEqualTo("Mark");
              assertThat(item.text()).isEqualTo("Prepare a demo of the regional reports.");
            });
  }

  @Test
  void aNamedSpeakerWhoTakesOnARequestForAnUnknownNameOwnsIt() {
    assertThat(
            items(
                Transcripts.named(
                    "ana: jane can you update the customer documentation",
                    "dana: sure i will do that")))
        .singleElement()
        .extracting(ActionItem::owner)
        .isEqualTo("Dana");
  }

  @Test
  void aRequestToAKnownSpeakerStaysTheirsWhoeverAcknowledgesIt() {
    assertThat(
            items(
                Transcripts.named(
                    "ana: bob can you update the customer documentation",
                    "bob: hmm",
                    "carl: okay")))
        .singleElement()
        .extracting(ActionItem::owner)
        .isEqualTo("Bob");
  }

  @Test
  void aVolunteerWhoRestatesAnOpenRequestOwnsTheOneItem() {
    assertThat(
            items(
                Transcripts.named(
                    "omar: someone should also fix the pager rotation so it's never empty again",
                    "kevin: leave it with me i'll sort out the rotation by the end of next week")))
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.owner()).isEqualTo("Kevin");
              assertThat(item.due()).isEqualTo(LocalDate.of(2026, 3, 13));
            });
  }

  @Test
  void aReplyThatPromisesSomethingByADateDatesTheRequest() {
    assertThat(
            items(
                Transcripts.named(
                    "ryan: would you mind taking a pass at the copy david",
                    "david: sure i'll have something by thursday")))
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.owner()).isEqualTo("David");
              assertThat(item.text()).isEqualTo("Take a pass at the copy.");
              assertThat(item.due()).isEqualTo(LocalDate.of(2026, 3, 5));
            });
  }

  @Test
  void aVolunteerWhoTakesThatOnGivingAReasonOwnsIt() {
    assertThat(
            items(
                Transcripts.named(
                    "mark: someone should call the grocery stores about donations",
                    "karen: i can take that i know most of the managers")))
        .singleElement()
        .extracting(ActionItem::owner)
        .isEqualTo("Karen");
  }

  @Test
  void aYesFollowedByADifferentTaskKeepsBothTasks() {
    assertThat(
            items(
                Transcripts.named(
                    "anna: david can you visit site seven next wednesday and check the records",
                    "david: yes i will book my travel today")))
        .extracting(ActionItem::owner, ActionItem::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("David", "Visit site seven and check the records."),
            org.assertj.core.groups.Tuple.tuple("David", "Book my travel."));
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "ana: carlos would you be able to have the final menu ready by friday | Carlos | Have the final menu ready.",
        "ana: james could i ask you to finish the last four reviews | James | Finish the last four reviews.",
        "ana: the plan is for james to collect all the scores | James | Collect all the scores.",
        "ana: sarah's on the password page | Sarah | Work on the password page.",
        "ana: count me in for the tasting | Ana | Take part in the tasting.",
        "ana: i'll be there and write it up | Ana | Write it up.",
        "ana: my action is to update the playbook | Ana | Update the playbook.",
        "ana: it would be great if steve could clear the scaffolding | Steve | Clear the scaffolding.",
        "ana: let's have mark look into the noise complaints | Mark | Look into the noise complaints.",
      })
  void lessCommonWaysOfTakingOrHandingOutWorkAreCaught(String line, String owner, String text) {
    assertThat(items(Transcripts.named(line, "bob: okay", "carl: moving on to the budget")))
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.owner()).isEqualTo(owner);
              assertThat(item.text()).isEqualTo(text);
            });
  }

  @Test
  void twoTasksInOneBreathAreTwoItems() {
    assertThat(
            items(
                Transcripts.named(
                    "karen: i'll let the managers know tomorrow mark can you draft the policy text",
                    "mark: sure",
                    "bob: good")))
        .extracting(ActionItem::owner)
        .containsExactly("Karen", "Mark");
  }

  @Test
  void anOpenCallAnsweredInTheSameBreathBelongsToTheSpeaker() {
    assertThat(
            items(
                Transcripts.named(
                    "ben: we need someone to run a training day i'll do it myself",
                    "ana: great",
                    "carl: fine")))
        .singleElement()
        .extracting(ActionItem::owner)
        .isEqualTo("Ben");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "please nobody understands it including me",
        "the eleventh please sarah is away on the fourth",
        "if we get the budget i will hire two people and i will train them",
      })
  void wordsThatOnlyLookLikeTasksAreNotCaught(String line) {
    assertThat(items(Transcripts.named("ana: hello", "bob: " + line, "carl: okay"))).isEmpty();
  }

  @Test
  void anOpenCallNobodyTakesOnIsNotATask() {
    assertThat(
            items(
                Transcripts.named(
                    "ana: somebody needs to answer the letter from the school",
                    "bob: the budget looks fine",
                    "carl: agreed")))
        .isEmpty();
  }
}
