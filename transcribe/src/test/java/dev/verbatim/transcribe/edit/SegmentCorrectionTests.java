package dev.verbatim.transcribe.edit;

import static dev.verbatim.transcribe.edit.GlossaryTests.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.core.Segment;
import dev.verbatim.core.Word;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentCorrectionTests {

  private final Segment segment = segment("seg-1", "we will ship the new release on friday");

  @Test
  void unchangedWordsKeepTimesAndConfidence() {
    Segment corrected =
        SegmentCorrection.correct(segment, "We will ship the new Verbatim release on Friday.");

    assertThat(corrected.text()).isEqualTo("We will ship the new Verbatim release on Friday.");
    assertThat(corrected.words().get(2)).isEqualTo(segment.words().get(2));
    assertThat(corrected.words().get(7)).isEqualTo(segment.words().get(6));
    assertThat(corrected.words().get(0).startMs()).isEqualTo(segment.words().get(0).startMs());
    assertThat(corrected.words().get(0).confidence()).isEqualTo(1.0);
    assertThat(corrected.startMs()).isEqualTo(segment.startMs());
    assertThat(corrected.endMs()).isEqualTo(segment.endMs());
    assertMonotonicWithin(corrected);
  }

  @Test
  void insertedWordFillsTheGapBetweenItsNeighbours() {
    Segment paused =
        new Segment(
            "seg-2",
            "S1",
            0,
            1_000,
            "the release",
            List.of(new Word("the", 0, 300, 0.8), new Word("release", 700, 1_000, 0.7)));

    Segment corrected = SegmentCorrection.correct(paused, "the big release");

    assertThat(corrected.words())
        .containsExactly(
            paused.words().get(0), new Word("big", 300, 700, 1.0), paused.words().get(1));
  }

  @Test
  void insertedWordsWithoutAGapShareTheTimeOfTheWordBefore() {
    Segment tight =
        new Segment(
            "seg-2",
            "S1",
            0,
            600,
            "hello world",
            List.of(new Word("hello", 0, 300, 0.8), new Word("world", 300, 600, 0.7)));

    Segment corrected = SegmentCorrection.correct(tight, "hello there big world");

    assertThat(corrected.words())
        .extracting(Word::text)
        .containsExactly("hello", "there", "big", "world");
    assertThat(corrected.words().get(0).startMs()).isZero();
    assertThat(corrected.words().get(0).confidence()).isEqualTo(0.8);
    assertThat(corrected.words().get(2).endMs()).isEqualTo(300);
    assertThat(corrected.words().get(3)).isEqualTo(tight.words().get(1));
    assertMonotonicWithin(corrected);
  }

  @Test
  void substitutedWordKeepsItsTimeAndMergedWordsSpanTheirRun() {
    Segment corrected = SegmentCorrection.correct(segment, "we will ship the new Relaunch friday");

    Word relaunch = corrected.words().get(5);
    assertThat(relaunch.startMs()).isEqualTo(segment.words().get(5).startMs());
    assertThat(relaunch.endMs()).isEqualTo(segment.words().get(6).endMs());
    assertMonotonicWithin(corrected);
  }

  @Test
  void deletedWordsDrop() {
    Segment corrected = SegmentCorrection.correct(segment, "ship the release friday");

    assertThat(corrected.words())
        .containsExactly(
            segment.words().get(2),
            segment.words().get(3),
            segment.words().get(5),
            segment.words().get(7));
  }

  @Test
  void blankHugeOrControlTextIsRefused() {
    assertThatThrownBy(() -> SegmentCorrection.correct(segment, " \n "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("delete");
    assertThatThrownBy(() -> SegmentCorrection.correct(segment, "word ".repeat(2_001)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SegmentCorrection.correct(segment, "bad\u0007bell"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rewritingEveryWordStillGivesMonotonicTimesInsideTheSegment() {
    Segment corrected =
        SegmentCorrection.correct(
            segment, "completely different words typed here by someone who was there , honestly");

    assertThat(corrected.words()).hasSize(12);
    assertMonotonicWithin(corrected);
    assertThat(corrected.words().get(0).startMs()).isEqualTo(segment.startMs());
    assertThat(corrected.words().get(11).endMs()).isEqualTo(segment.words().get(7).endMs());
  }

  @Test
  void findAndReplaceCountsOccurrencesAcrossSegments() {
    List<Segment> segments =
        List.of(
            segment("seg-1", "the cube and eighties cluster"),
            segment("seg-2", "no match here"),
            segment("seg-3", "Cube and eighties again and cube and eighties"));

    FindReplaceResult result =
        SegmentCorrection.replaceAll(segments, "cube and  eighties", "Kubernetes", true);

    assertThat(result.replacements()).isEqualTo(3);
    assertThat(result.segments().get(0).text()).isEqualTo("the Kubernetes cluster");
    assertThat(result.segments().get(1)).isSameAs(segments.get(1));
    assertThat(result.segments().get(2).text()).isEqualTo("Kubernetes again and Kubernetes");
    Word term = result.segments().get(0).words().get(1);
    assertThat(term.startMs()).isEqualTo(segments.get(0).words().get(1).startMs());
    assertThat(term.endMs()).isEqualTo(segments.get(0).words().get(3).endMs());
  }

  @Test
  void findAndReplaceOfWholeWordsSkipsPartsOfWords() {
    List<Segment> segments = List.of(segment("seg-1", "cat concatenate cat"));

    assertThat(SegmentCorrection.replaceAll(segments, "cat", "dog", true).replacements())
        .isEqualTo(2);
    FindReplaceResult anywhere = SegmentCorrection.replaceAll(segments, "cat", "dog", false);
    assertThat(anywhere.replacements()).isEqualTo(3);
    assertThat(anywhere.segments().get(0).text()).isEqualTo("dog condogenate dog");
  }

  @Test
  void findAndReplaceTreatsFindAsTextNotPattern() {
    List<Segment> segments = List.of(segment("seg-1", "costs $5 or more"));

    FindReplaceResult result = SegmentCorrection.replaceAll(segments, "$5", "$10", true);

    assertThat(result.segments().get(0).text()).isEqualTo("costs $10 or more");
    assertThat(SegmentCorrection.replaceAll(segments, ".*", "x", false).replacements()).isZero();
  }

  @Test
  void findAndReplaceLeavesSegmentsItWouldEmpty() {
    List<Segment> segments = List.of(segment("seg-1", "um"), segment("seg-2", "um yes"));

    FindReplaceResult result = SegmentCorrection.replaceAll(segments, "um", "", true);

    assertThat(result.replacements()).isEqualTo(1);
    assertThat(result.segments().get(0)).isSameAs(segments.get(0));
    assertThat(result.segments().get(1).text()).isEqualTo("yes");
    assertThatThrownBy(() -> SegmentCorrection.replaceAll(segments, " ", "x", true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertMonotonicWithin(Segment segment) {
    long previousEnd = segment.startMs();
    for (Word word : segment.words()) {
      assertThat(word.startMs()).as("%s", word).isGreaterThanOrEqualTo(previousEnd);
      assertThat(word.endMs()).as("%s", word).isLessThanOrEqualTo(segment.endMs());
      previousEnd = word.endMs();
    }
  }
}
