package dev.verbatim.ingest.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.core.Segment;
import dev.verbatim.core.Speaker;
import dev.verbatim.core.Word;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class CaptionsTests {

  @Test
  void teamsVoiceTagsBecomeSpeakersAndCloseCuesOfOneSpeakerOneSegment() throws IOException {
    ImportedTranscript transcript = read("teams.vtt");

    assertThat(transcript.speakers())
        .extracting(Speaker::id, Speaker::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("S1", "Ana Lima"),
            org.assertj.core.groups.Tuple.tuple("S2", "Bo Chen"));
    assertThat(transcript.segments())
        .extracting(Segment::speakerId, Segment::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "S1", "Good morning, everyone. Let us start with the budget."),
            org.assertj.core.groups.Tuple.tuple(
                "S2", "I will send the numbers to finance by Friday."),
            org.assertj.core.groups.Tuple.tuple("S1", "Thanks & noted."));
    Segment first = transcript.segments().get(0);
    assertThat(first.startMs()).isEqualTo(500);
    assertThat(first.endMs()).isEqualTo(6_000);
    assertThat(transcript.durationMs()).isEqualTo(13_000);
  }

  @Test
  void wordsShareTheirCuesTimeInOrderWithoutGaps() throws IOException {
    Segment bo = read("teams.vtt").segments().get(1);

    List<Word> words = bo.words();
    assertThat(words).extracting(Word::text).containsExactly(bo.text().split(" "));
    assertThat(words.get(0).startMs()).isEqualTo(7_000);
    assertThat(words.get(words.size() - 1).endMs()).isEqualTo(10_500);
    for (int i = 1; i < words.size(); i++) {
      assertThat(words.get(i).startMs()).isEqualTo(words.get(i - 1).endMs());
      assertThat(words.get(i).endMs()).isGreaterThan(words.get(i).startMs());
    }
  }

  @Test
  void zoomNamesBeforeAColonBecomeSpeakers() throws IOException {
    ImportedTranscript transcript = read("zoom.vtt");

    assertThat(transcript.speakers())
        .extracting(Speaker::name)
        .containsExactly("Ana Lima", "Bo Chen");
    assertThat(transcript.segments().get(2).text()).isEqualTo("Great, thanks Bo.");
  }

  @Test
  void srtWithoutNamesIsOneUnnamedSpeakerAndJoinsWrappedLines() throws IOException {
    ImportedTranscript transcript = read("plain.srt");

    assertThat(transcript.speakers()).singleElement().satisfies(s -> assertThat(s.name()).isNull());
    assertThat(transcript.segments()).hasSize(1);
    assertThat(transcript.segments().get(0).text())
        .isEqualTo("Good morning everyone. I will send the numbers to finance by Friday.");
    assertThat(transcript.segments().get(0).endMs()).isEqualTo(8_500);
  }

  @Test
  void aColonInOrdinarySentencesDoesNotMakeSpeakers() {
    ImportedTranscript transcript =
        parse(
            "WEBVTT\n\n00:01.000 --> 00:03.000\nNote: the budget is tight\n\n"
                + "00:04.000 --> 00:06.000\nwe should cut travel\n\n"
                + "00:07.000 --> 00:09.000\nand hire later\n");

    assertThat(transcript.speakers()).singleElement().satisfies(s -> assertThat(s.name()).isNull());
    assertThat(transcript.segments().get(0).text()).startsWith("Note: the budget");
  }

  @Test
  void notesStylesAndMarkupAreNotSpeech() {
    ImportedTranscript transcript =
        parse(
            "WEBVTT - with extras\n\nSTYLE\n::cue { color: red }\n\nNOTE a comment\nstill a"
                + " comment\n\n00:00:01.000 --> 00:00:02.000 align:start\n<c.loud><b>Hello</b></c>"
                + " <00:00:01.500>there &lt;friend&gt;\n");

    assertThat(transcript.segments())
        .singleElement()
        .extracting(Segment::text)
        .isEqualTo("Hello there <friend>");
  }

  @Test
  void hostileNamesAndTextStayTextWithoutControlOrDirectionCharacters() {
    ImportedTranscript transcript =
        parse(
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v \u202Eevil\u0007 <script>>x</v> ok\n\n"
                + "00:00:03.000 --> 00:00:04.000\n<v Bo>&#60;img src=x onerror=alert(1)&#62;\n");

    assertThat(transcript.speakers())
        .extracting(Speaker::name)
        .containsExactly("evil <script", "Bo");
    assertThat(transcript.segments().get(1).text()).isEqualTo("<img src=x onerror=alert(1)>");
  }

  @Test
  void filesWithoutCuesOrWithBrokenTimingsAreRefusedWithWhereAndWhy() {
    assertThatThrownBy(() -> parse("just some text\nnot subtitles\n"))
        .isInstanceOf(TranscriptRejectedException.class)
        .hasMessageContaining("no subtitles");
    assertThatThrownBy(() -> parse("WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nbackwards\n"))
        .isInstanceOf(TranscriptRejectedException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("ends before it starts");
    assertThatThrownBy(() -> parse("WEBVTT\n\n1:2:3 --> soon\nbroken\n"))
        .isInstanceOf(TranscriptRejectedException.class)
        .hasMessageContaining("line 3");
    assertThatThrownBy(() -> parse("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\u0007\u0008\n"))
        .isInstanceOf(TranscriptRejectedException.class)
        .hasMessageContaining("no lines with any text");
    assertThatThrownBy(() -> parse("x".repeat(20_000)))
        .isInstanceOf(TranscriptRejectedException.class)
        .hasMessageContaining("longer than");
  }

  @Test
  void longHoursAndShortFormsOfTimestampsRead() {
    assertThat(Captions.millis("01:02:03.456")).isEqualTo(3_723_456);
    assertThat(Captions.millis("02:03,4")).isEqualTo(123_400);
    assertThat(Captions.millis("100:00:00.000")).isEqualTo(360_000_000);
  }

  private static ImportedTranscript parse(String text) {
    return Captions.read(new StringReader(text), "test.vtt");
  }

  private static ImportedTranscript read(String fixture) throws IOException {
    try (Reader in =
        new InputStreamReader(
            Objects.requireNonNull(
                CaptionsTests.class.getResourceAsStream("/transcripts/" + fixture)),
            StandardCharsets.UTF_8)) {
      return Captions.read(in, fixture);
    }
  }
}
