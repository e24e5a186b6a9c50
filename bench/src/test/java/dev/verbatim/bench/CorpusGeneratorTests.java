package dev.verbatim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.Segment;
import dev.verbatim.search.IndexedMeeting;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CorpusGeneratorTests {

  private final CorpusGenerator corpus = new CorpusGenerator(20, 2_000, 7);

  @Test
  void sameSeedMakesTheSameMeetings() {
    CorpusGenerator again = new CorpusGenerator(20, 2_000, 7);

    assertThat(again.meeting(13)).isEqualTo(corpus.meeting(13));
    assertThat(new CorpusGenerator(20, 2_000, 8).meeting(13)).isNotEqualTo(corpus.meeting(13));
  }

  @Test
  void meetingsHaveAboutTheWordsAskedForInSegmentsOfEightToFortyWords() {
    for (IndexedMeeting meeting : corpus) {
      List<Segment> segments = meeting.meeting().segments();
      long words = segments.stream().mapToLong(s -> s.text().split(" ").length).sum();

      assertThat(words).isBetween(2_000L, 2_040L);
      assertThat(segments).allSatisfy(s -> assertThat(s.text().split(" ")).hasSizeBetween(8, 40));
      assertThat(meeting.meeting().speakers()).hasSizeBetween(3, 8);
      assertThat(meeting.meeting().date())
          .isBetween(CorpusGenerator.FIRST_DAY, CorpusGenerator.FIRST_DAY.plusDays(1_095));
      assertThat(meeting.meeting().minutes().actionItems()).isNotEmpty();
    }
  }

  @Test
  void misheardWordsAppearOnlyAsMisheard() {
    StringBuilder text = new StringBuilder();
    for (IndexedMeeting meeting : new CorpusGenerator(100, 2_000, 7)) {
      meeting.meeting().segments().forEach(s -> text.append(' ').append(s.text()));
    }

    for (Map.Entry<String, String> misheard : CorpusGenerator.MISHEARD.entrySet()) {
      assertThat(text).contains(" " + misheard.getValue() + " ");
      assertThat(text.toString()).doesNotContainPattern("\\b" + misheard.getKey() + "\\b");
    }
  }

  @Test
  void wordsFollowZipfsLaw() {
    Vocabulary words = corpus.vocabulary();
    SplittableRandom random = new SplittableRandom(1);
    int the = 0;
    int second = 0;
    for (int i = 0; i < 200_000; i++) {
      String word = words.draw(random);
      if (word.equals(words.word(1))) {
        the++;
      } else if (word.equals(words.word(2))) {
        second++;
      }
    }

    // Rank 1 comes up about twice as often as rank 2, and about 1 / H(20,000) = 9.5 % of the time.
    assertThat((double) the / second).isBetween(1.8, 2.2);
    assertThat(the / 200_000.0).isBetween(0.09, 0.10);
  }
}
