package dev.verbatim.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.Segment;
import dev.verbatim.core.Speaker;
import dev.verbatim.core.Transcript;
import dev.verbatim.core.Word;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptAssemblerTests {

  private final TranscriptAssembler assembler =
      new TranscriptAssembler(Duration.ofMillis(700), Duration.ofSeconds(30));

  private static Word word(String text, long start, long end) {
    return new Word(text, start, end, 1);
  }

  @Test
  void pauseOfSegmentPauseOrMoreStartsANewSegment() {
    Track track =
        new Track(
            "S1",
            "Ana",
            List.of(
                word("good", 0, 300),
                word("morning", 400, 900),
                word("let", 1600, 1800),
                word("us", 2000, 2100)));

    Transcript transcript = assembler.assemble(List.of(track));

    assertThat(transcript.segments())
        .extracting(Segment::text)
        .containsExactly("good morning", "let us");
    assertThat(transcript.segments().get(1).startMs()).isEqualTo(1600);
  }

  @Test
  void shorterPauseKeepsTheSegment() {
    Track track = new Track("S1", null, List.of(word("a", 0, 100), word("b", 799, 900)));

    assertThat(assembler.assemble(List.of(track)).segments()).hasSize(1);
  }

  @Test
  void segmentsAreCappedAtTheMaximumLength() {
    List<Word> words = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      words.add(word("w" + i, i * 1000L, i * 1000L + 600));
    }

    Transcript transcript = assembler.assemble(List.of(new Track("S1", null, words)));

    assertThat(transcript.segments())
        .allSatisfy(s -> assertThat(s.endMs() - s.startMs()).isLessThanOrEqualTo(30_000));
    assertThat(transcript.segments().stream().mapToInt(s -> s.words().size()).sum()).isEqualTo(100);
    assertThat(transcript.segments()).hasSize(4);
  }

  @Test
  void tracksMergeIntoOneTimelineNumberedInOrder() {
    Track ana = new Track("S1", "Ana", List.of(word("hello", 0, 500), word("bye", 5000, 5400)));
    Track bob = new Track("S2", "Bob", List.of(word("hi", 2000, 2300)));
    Track carl = new Track("S3", null, List.of(word("yes", 2000, 2200)));

    Transcript transcript = assembler.assemble(List.of(carl, bob, ana));

    assertThat(transcript.segments())
        .extracting(Segment::id, Segment::speakerId, Segment::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("seg-1", "S1", "hello"),
            org.assertj.core.groups.Tuple.tuple("seg-2", "S2", "hi"),
            org.assertj.core.groups.Tuple.tuple("seg-3", "S3", "yes"),
            org.assertj.core.groups.Tuple.tuple("seg-4", "S1", "bye"));
  }

  @Test
  void talkTimeIsTheSumOfSegmentDurationsAndSpeakersAreInIdOrder() {
    Track s10 = new Track("S10", null, List.of(word("x", 0, 100)));
    Track s2 =
        new Track(
            "S2", "Bob", List.of(word("a", 0, 500), word("b", 600, 1000), word("c", 3000, 3500)));
    Track silent = new Track("S3", "Dana", List.of());

    Transcript transcript = assembler.assemble(List.of(s10, silent, s2));

    assertThat(transcript.speakers())
        .containsExactly(
            new Speaker("S2", "Bob", 1500),
            new Speaker("S3", "Dana", 0),
            new Speaker("S10", null, 100));
  }

  @Test
  void wordsOutOfOrderAreSortedWithinATrack() {
    Track track = new Track("S1", null, List.of(word("two", 500, 900), word("one", 0, 400)));

    assertThat(assembler.assemble(List.of(track)).segments().get(0).text()).isEqualTo("one two");
  }
}
