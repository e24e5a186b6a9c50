package dev.verbatim.minutes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.Segment;
import dev.verbatim.core.Sentence;
import dev.verbatim.core.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SentencesTests {

  /** Words 300 ms apart, with a pause of {@code pauseMs} before each word marked with "|". */
  private static Segment segment(String id, String speaker, String text, long pauseMs) {
    List<Word> words = new ArrayList<>();
    long cursor = 0;
    for (String token : text.split(" ")) {
      if (token.equals("|")) {
        cursor += pauseMs;
        continue;
      }
      words.add(new Word(token, cursor, cursor + 280, 0.9));
      cursor += 300;
    }
    return new Segment(id, speaker, 0, cursor, text.replace(" |", ""), words);
  }

  @Test
  void longPauseEndsASentence() {
    List<Sentence> sentences =
        Sentences.of(
            List.of(segment("seg-1", "S1", "the budget is done | marketing spent less", 700)),
            Set.of());

    assertThat(sentences)
        .extracting(Sentence::text)
        .containsExactly("The budget is done.", "Marketing spent less.");
  }

  @Test
  void shortPauseEndsASentenceOnlyBeforeAnOpener() {
    List<Sentence> sentences =
        Sentences.of(
            List.of(
                segment("seg-1", "S1", "we looked at the | numbers in detail | so what next", 300)),
            Set.of());

    assertThat(sentences)
        .extracting(Sentence::text)
        .containsExactly("We looked at the numbers in detail.", "So what next?");
  }

  @Test
  void speakerTurnsEndSentences() {
    List<Sentence> sentences =
        Sentences.of(
            List.of(
                segment("seg-1", "S1", "is it done", 0), segment("seg-2", "S2", "yes it is", 0)),
            Set.of());

    assertThat(sentences).extracting(Sentence::speakerId).containsExactly("S1", "S2");
    assertThat(sentences)
        .extracting(Sentence::segmentIds)
        .containsExactly(List.of("seg-1"), List.of("seg-2"));
    assertThat(sentences).extracting(Sentence::question).containsExactly(true, false);
  }

  @Test
  void restoresCapitalsForINamesWeekdaysAndMonths() {
    assertThat(
            Sentences.display(
                List.of("i", "told", "maria", "i'll", "send", "it", "on", "friday", "in", "june"),
                Set.of("maria")))
        .isEqualTo("I told Maria I'll send it on Friday in June");
  }

  @Test
  void mayAndMarchAreMonthsOnlyNearADate() {
    assertThat(Sentences.display(List.of("we", "may", "march", "on"), Set.of()))
        .isEqualTo("We may march on");
    assertThat(
            Sentences.display(
                List.of("by", "march", "the", "second", "or", "may", "fifth"), Set.of()))
        .isEqualTo("By March the second or May fifth");
  }

  @Test
  void marksQuestionsIncludingAddressedOnes() {
    assertThat(Sentences.isQuestion(List.of("maria", "can", "you", "send", "it"))).isTrue();
    assertThat(Sentences.isQuestion(List.of("so", "what", "is", "the", "plan"))).isTrue();
    assertThat(Sentences.isQuestion(List.of("we", "ship", "on", "monday", "right"))).isTrue();
    assertThat(Sentences.isQuestion(List.of("i", "will", "send", "it"))).isFalse();
    assertThat(Sentences.isQuestion(List.of("will", "do"))).isFalse();
  }

  @Test
  void cutsRunOnsAtTheirLongestPause() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      text.append(i == 20 ? "| " : "").append("word").append(i).append(' ');
    }
    List<Sentence> sentences =
        Sentences.of(List.of(segment("seg-1", "S1", text.toString().trim(), 150)), Set.of());

    assertThat(sentences).hasSizeGreaterThan(1);
    assertThat(sentences)
        .allSatisfy(s -> assertThat(s.text().split(" ")).hasSizeLessThanOrEqualTo(30));
    assertThat(sentences.get(0).text()).endsWith("word19.");
  }

  @Test
  void fluentRunOnsAreCutIntoHalvesNotSlivers() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 62; i++) {
      text.append("word").append(i).append(' ');
    }
    List<Sentence> sentences =
        Sentences.of(List.of(segment("seg-1", "S1", text.toString().trim(), 0)), Set.of());

    assertThat(sentences)
        .extracting(s -> s.text().split(" ").length)
        .allSatisfy(n -> assertThat(n).isBetween(12, 30));
  }

  @Test
  void punctuationOnlyWordsLeaveNoGapsAndNoEmptySentences() {
    List<Sentence> sentences =
        Sentences.of(
            List.of(
                segment("seg-1", "S1", "i will send the ]]> report", 0),
                segment("seg-2", "S2", "— ...", 0)),
            Set.of());

    assertThat(sentences).extracting(Sentence::text).containsExactly("I will send the report.");
  }

  @Test
  void hostileTextStaysText() {
    List<Sentence> sentences =
        Sentences.of(
            List.of(segment("seg-1", "S1", "<script>alert(1)</script> & co", 0)), Set.of());

    assertThat(sentences).singleElement().extracting(Sentence::text).asString().contains("script");
  }
}
