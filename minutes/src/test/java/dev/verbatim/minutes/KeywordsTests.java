package dev.verbatim.minutes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.Sentence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordsTests {

  private final List<Sentence> meeting = ThreeTopicMeeting.sentences();

  @Test
  void includesTheTermsOfEachTopic() {
    List<String> keywords = Keywords.of(meeting, 10);

    assertThat(keywords).hasSize(10);
    assertThat(keywords).anyMatch(k -> k.contains("budget"));
    assertThat(keywords).anyMatch(k -> k.contains("documentation"));
    assertThat(keywords).anyMatch(k -> k.contains("migration"));
    assertThat(keywords.subList(0, 3)).contains("budget", "migration");
  }

  @Test
  void excludesStopWordsFillersAndCommonWords() {
    List<String> words =
        Keywords.of(meeting, 20).stream().flatMap(k -> Arrays.stream(k.split(" "))).toList();

    assertThat(words)
        .doesNotContain(
            "think", "going", "really", "okay", "um", "uh", "yeah", "the", "so", "know", "good",
            "great", "people", "next", "two");
    assertThat(words).noneMatch(Terms::isStopWord).noneMatch(Terms::isFiller);
  }

  @Test
  void prefersAPhraseToTheWordsMostlySaidInIt() {
    List<String> keywords = Keywords.of(meeting, 15);

    assertThat(keywords).contains("customer documentation", "installation guide");
    assertThat(keywords).doesNotContain("customer", "guide");
  }

  @Test
  void keepsAWordThatIsAlsoSaidOutsideItsPhrase() {
    List<String> keywords = Keywords.of(meeting, 10);

    assertThat(keywords).contains("budget", "budget review");
  }

  @Test
  void showsTheFormSaidMostOften() {
    List<Sentence> sentences =
        sentences(
            "the invoices are late again",
            "we sent two invoices last month",
            "the invoice from acme is missing",
            "all invoices go to finance");

    assertThat(Keywords.of(sentences, 3)).contains("invoices").doesNotContain("invoice");
  }

  @Test
  void aWordSaidOnceInALongMeetingIsNoKeyword() {
    List<String> keywords = Keywords.of(meeting, 50);

    assertThat(keywords).doesNotContain("berlin", "priya", "saturday");
  }

  @Test
  void emptyInputHasNoKeywords() {
    assertThat(Keywords.of(List.of(), 10)).isEmpty();
  }

  @Test
  void aSingleSentenceGivesItsDistinctiveWords() {
    List<String> keywords =
        Keywords.of(sentences("um we should really migrate the database to postgres"), 5);

    assertThat(keywords).contains("database", "postgres").doesNotContain("really", "should");
  }

  @Test
  void sameInputGivesSameKeywords() {
    assertThat(Keywords.of(ThreeTopicMeeting.sentences(), 20)).isEqualTo(Keywords.of(meeting, 20));
  }

  static List<Sentence> sentences(String... lines) {
    List<Sentence> sentences = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      sentences.add(ThreeTopicMeeting.sentence(i, "S1", i * 5_000L, i * 5_000L + 4_000, lines[i]));
    }
    return sentences;
  }
}
