package dev.verbatim.testsupport.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.core.Meeting;
import dev.verbatim.core.Segment;
import dev.verbatim.core.Speaker;
import dev.verbatim.core.Word;
import dev.verbatim.testsupport.Line;
import dev.verbatim.testsupport.SpokenLine;
import dev.verbatim.testsupport.Voice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationMeetingTests {

  private static final String SAMPLE =
      """
      # An IT sync.
      title: IT integration sync
      date: 2026-03-04
      speakers: maria=slt, peter=kal, john=awb

      ---
      maria: Good morning. Let's look at the single sign on rollout.
      peter: I already configured the test tenant yesterday.
      maria: Peter, can you send the certificate to the security team by Friday?
      ! action owner=peter due=2026-03-06 | send the certificate to the security team
      peter: Sure, I'll do that.
      john: We decided to go with the cloud directory.
      ! decision | go with the cloud directory
      ! action owner=none due=none | move to the cloud directory
      """;

  @TempDir Path dir;

  @Test
  void readsTheHeaderTheLinesAndTheAnnotationsOfTheLinesAbove() throws IOException {
    EvaluationMeeting meeting = EvaluationMeeting.read(write("02-it-sync.meeting", SAMPLE));

    assertThat(meeting.name()).isEqualTo("02-it-sync");
    assertThat(meeting.title()).isEqualTo("IT integration sync");
    assertThat(meeting.date()).isEqualTo(LocalDate.of(2026, 3, 4));
    assertThat(meeting.speakers())
        .containsExactly(
            java.util.Map.entry("maria", Voice.SLT),
            java.util.Map.entry("peter", Voice.KAL),
            java.util.Map.entry("john", Voice.AWB));
    assertThat(meeting.lines()).hasSize(5);
    assertThat(meeting.lines().get(2))
        .isEqualTo(
            new Line(
                "maria",
                Voice.SLT,
                "Peter, can you send the certificate to the security team by Friday?",
                EvaluationMeeting.DEFAULT_PAUSE_MS));
    assertThat(meeting.actions())
        .containsExactly(
            new ExpectedAction(
                2, "peter", LocalDate.of(2026, 3, 6), "send the certificate to the security team"),
            new ExpectedAction(4, null, null, "move to the cloud directory"));
    assertThat(meeting.decisions())
        .containsExactly(new ExpectedDecision(4, "go with the cloud directory"));
    assertThat(meeting.hasNoActionItems()).isFalse();
  }

  @Test
  void takesThePauseAfterEveryLineFromTheHeader() throws IOException {
    EvaluationMeeting meeting =
        EvaluationMeeting.read(
            write(
                "memo.meeting",
                "title: Memo\ndate: 2026-01-01\nspeakers: tom=rms\npause: 1200\n---\n"
                    + "tom: One thing.\ntom: Another thing.\n"));

    assertThat(meeting.lines()).extracting(Line::pauseAfterMs).containsExactly(1200L, 1200L);
    assertThat(meeting.hasNoActionItems()).isTrue();
  }

  @Test
  void laysTheLinesOutAtAFixedPacePerWordWithTheirPauses() throws IOException {
    EvaluationMeeting meeting = EvaluationMeeting.read(write("a.meeting", SAMPLE));

    SpokenLine second = meeting.syntheticTimeline().get(1);

    // "Good morning. Let's look at the single sign on rollout." is ten words.
    long firstEnd = 10 * EvaluationMeeting.MS_PER_WORD;
    assertThat(second.startMs()).isEqualTo(firstEnd + EvaluationMeeting.DEFAULT_PAUSE_MS);
    assertThat(second.endMs()).isEqualTo(second.startMs() + 7 * EvaluationMeeting.MS_PER_WORD);
  }

  @Test
  void writesTheCleanTranscriptAsVoskWouldWithNamedSpeakers() throws IOException {
    EvaluationMeeting meeting = EvaluationMeeting.read(write("a.meeting", SAMPLE));

    Meeting transcript = meeting.cleanTranscript();

    assertThat(transcript.date()).isEqualTo(meeting.date());
    assertThat(transcript.title()).isEqualTo("IT integration sync");
    assertThat(transcript.speakers())
        .extracting(Speaker::id, Speaker::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("S1", "maria"),
            org.assertj.core.groups.Tuple.tuple("S2", "peter"),
            org.assertj.core.groups.Tuple.tuple("S3", "john"));
    assertThat(transcript.segments()).hasSize(5);
    Segment request = transcript.segments().get(2);
    assertThat(request.id()).isEqualTo("seg-3");
    assertThat(request.speakerId()).isEqualTo("S1");
    assertThat(request.text())
        .isEqualTo("peter can you send the certificate to the security team by friday");
    assertThat(request.startMs()).isEqualTo(meeting.syntheticTimeline().get(2).startMs());
    assertThat(request.words().get(1))
        .isEqualTo(
            new Word(
                "can",
                request.startMs() + EvaluationMeeting.MS_PER_WORD,
                request.startMs() + 2 * EvaluationMeeting.MS_PER_WORD,
                1.0));
    assertThat(transcript.segments().get(3).text()).isEqualTo("sure i'll do that");
    assertThat(transcript.durationMs()).isEqualTo(transcript.segments().get(4).endMs());
  }

  @Test
  void rejectsASpeakerTheHeaderDoesNotName() throws IOException {
    Path file =
        write(
            "bad.meeting",
            "title: T\ndate: 2026-01-01\nspeakers: tom=rms\n---\ntom: Hello.\nanna: Hi.\n");

    assertThatThrownBy(() -> EvaluationMeeting.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(file + ":6: ")
        .hasMessageContaining("speaker 'anna' is not in the header's speakers [tom]");
  }

  @Test
  void rejectsAnAnnotationBeforeAnyLine() throws IOException {
    Path file =
        write(
            "bad.meeting",
            "title: T\ndate: 2026-01-01\nspeakers: tom=rms\n---\n! decision | nothing\n");

    assertThatThrownBy(() -> EvaluationMeeting.read(file))
        .hasMessage(file + ":5: an annotation must follow the line it annotates");
  }

  @Test
  void rejectsAnActionWithoutADueField() throws IOException {
    Path file =
        write(
            "bad.meeting",
            "title: T\ndate: 2026-01-01\nspeakers: tom=rms\n---\n"
                + "tom: I'll do it.\n! action owner=tom | do it\n");

    assertThatThrownBy(() -> EvaluationMeeting.read(file))
        .hasMessage(file + ":6: an action needs exactly owner= and due=, got [owner]");
  }

  @Test
  void rejectsADueDateThatIsNotIso() throws IOException {
    Path file =
        write(
            "bad.meeting",
            "title: T\ndate: 2026-01-01\nspeakers: tom=rms\n---\n"
                + "tom: I'll do it.\n\n! action owner=tom due=friday | do it\n");

    assertThatThrownBy(() -> EvaluationMeeting.read(file))
        .hasMessage(file + ":7: expected a date as yyyy-mm-dd, got 'friday'")
        .hasCauseInstanceOf(java.time.format.DateTimeParseException.class);
  }

  @Test
  void rejectsAnUnknownVoice() throws IOException {
    Path file = write("bad.meeting", "title: T\ndate: 2026-01-01\nspeakers: tom=kevin\n---\n");

    assertThatThrownBy(() -> EvaluationMeeting.read(file))
        .hasMessage(file + ":3: unknown voice 'kevin'; expected one of [slt, kal, awb, rms]");
  }

  @Test
  void rejectsAnUnknownAnnotation() throws IOException {
    Path file =
        write(
            "bad.meeting",
            "title: T\ndate: 2026-01-01\nspeakers: tom=rms\n---\ntom: Hi.\n! question | why\n");

    assertThatThrownBy(() -> EvaluationMeeting.read(file))
        .hasMessage(file + ":6: unknown annotation 'question'; expected action or decision");
  }

  @Test
  void rejectsAScriptWithoutTheHeaderSeparator() throws IOException {
    Path file = write("bad.meeting", "title: T\ndate: 2026-01-01\nspeakers: tom=rms\n");

    assertThatThrownBy(() -> EvaluationMeeting.read(file))
        .hasMessage(file + ":3: no '---' line between the header and the script");
  }

  @Test
  void rejectsAHeaderWithoutADate() throws IOException {
    Path file = write("bad.meeting", "title: T\nspeakers: tom=rms\n---\ntom: Hi.\n");

    assertThatThrownBy(() -> EvaluationMeeting.read(file))
        .hasMessage(file + ":3: the header needs title, date and speakers before '---'");
  }

  @Test
  void rejectsALineThatIsNeitherSpeechNorAnnotation() throws IOException {
    Path file =
        write(
            "bad.meeting", "title: T\ndate: 2026-01-01\nspeakers: tom=rms\n---\nTom said hello\n");

    assertThatThrownBy(() -> EvaluationMeeting.read(file))
        .hasMessageStartingWith(file + ":5: expected 'speaker: text' or an '!' annotation");
  }

  @Test
  void keepsApostrophesInsideWordsAndDropsOtherPunctuation() {
    assertThat(EvaluationMeeting.spokenWords("Sure, I'll do it -- 'today'!"))
        .containsExactly("sure", "i'll", "do", "it", "today");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
