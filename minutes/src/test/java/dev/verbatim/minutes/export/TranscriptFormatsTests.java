package dev.verbatim.minutes.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.Meeting;
import dev.verbatim.core.Segment;
import dev.verbatim.core.Sentence;
import dev.verbatim.minutes.export.MinutesDocuments.Format;
import dev.verbatim.minutes.template.MinutesTemplates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WebVTT, SRT and plain text: the transcript formats. */
class TranscriptFormatsTests {

  private final MinutesDocuments documents = new MinutesDocuments(new MinutesTemplates(null));

  @Test
  void writesWebVttCuesFromSentencesWithVoiceTags() throws IOException {
    assertThat(write(TestMeetings.small(), Format.WEBVTT))
        .isEqualTo(
            """
            WEBVTT

            00:00:01.200 --> 00:00:02.700
            <v Ana Smith>We ship on Friday.</v>

            00:00:04.000 --> 00:00:06.700
            <v S2>I will send the numbers by Friday.</v>

            00:00:07.000 --> 00:00:10.100
            <v Bo Chen>Agreed, let us go with the blue design.</v>
            """);
  }

  @Test
  void writesNumberedSrtCuesWithSpeakerNames() throws IOException {
    assertThat(write(TestMeetings.small(), Format.SRT))
        .isEqualTo(
            """
            1
            00:00:01,200 --> 00:00:02,700
            Ana Smith: We ship on Friday.

            2
            00:00:04,000 --> 00:00:06,700
            S2: I will send the numbers by Friday.

            3
            00:00:07,000 --> 00:00:10,100
            Bo Chen: Agreed, let us go with the blue design.
            """);
  }

  @Test
  void writesPlainTextLinesUnderATitle() throws IOException {
    assertThat(write(TestMeetings.small(), Format.TEXT))
        .isEqualTo(
            """
            Launch stand-up
            ===============
            Monday 2 March 2026 · 1 min 30 s · Stand-up

            [00:01] Ana Smith: We ship on Friday.
            [00:04] S2: I will send the numbers by Friday.
            [00:07] Bo Chen: Agreed, let us go with the blue design.
            """);
  }

  @Test
  void usesSegmentsWhenTheMinutesHaveNoSentences() throws IOException {
    Meeting meeting = TestMeetings.withoutMinutes();

    assertThat(write(meeting, Format.SRT))
        .startsWith(
            """
            1
            00:00:01,200 --> 00:00:02,700
            Ana Smith: we ship on friday
            """);
    assertThat(write(meeting, Format.TEXT)).contains("[00:07] Bo Chen: agreed let us go with");
  }

  @Test
  void writesHeadersOnlyWhenNothingWasSaid() throws IOException {
    assertThat(write(TestMeetings.silent(), Format.WEBVTT)).isEqualTo("WEBVTT\n");
    assertThat(write(TestMeetings.silent(), Format.SRT)).isEmpty();
    assertThat(write(TestMeetings.silent(), Format.TEXT))
        .isEqualTo(
            """
            Silence
            =======
            Monday 2 March 2026 · 10 s · General

            Nothing was transcribed.
            """);
  }

  @Test
  void escapesNamesAndTextInWebVttSoNoTagOrArrowSurvives() throws IOException {
    Meeting meeting = TestMeetings.small("Ana <b> & Co", "Bo", "Costs --> up <i>a lot</i> & more.");

    String vtt = write(meeting, Format.WEBVTT);

    assertThat(vtt)
        .contains(
            "<v Ana &lt;b&gt; &amp; Co>Costs --&gt; up &lt;i&gt;a lot&lt;/i&gt; &amp; more.</v>");
    assertThat(vtt.lines().filter(line -> line.contains("-->")))
        .allMatch(
            line ->
                line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} --> \\d\\d:\\d\\d:\\d\\d\\.\\d{3}"));
  }

  @Test
  void keepsTimingArrowsOutOfSrtText() throws IOException {
    Meeting meeting = TestMeetings.small("Ana -->", "Bo", "Costs ---> up.");

    String srt = write(meeting, Format.SRT);

    assertThat(srt).contains("Ana ->: Costs -> up.");
    assertThat(srt.lines().filter(line -> line.contains("-->"))).hasSize(3);
  }

  @Test
  void keepsMarkupOutOfSrtText() throws IOException {
    Meeting meeting = TestMeetings.small("Ana", "Bo", "<font color=red>Costs</font> up.");

    String srt = write(meeting, Format.SRT);

    assertThat(srt).doesNotContain("<font").contains("‹font color=red>Costs‹/font> up.");
  }

  @Test
  void keepsLineBreaksInTextFromEndingACue() throws IOException {
    Meeting meeting = TestMeetings.small("Ana\nSmith", "Bo", "We ship\n\non Friday.");

    assertThat(write(meeting, Format.SRT)).contains("Ana Smith: We ship on Friday.\n");
    assertThat(write(meeting, Format.WEBVTT)).contains("<v Ana Smith>We ship on Friday.</v>\n");
  }

  @Test
  void splitsLongLinesAtTheWordTimesEverySevenSeconds() {
    // 20 words, 400 ms apart: 8 s in all.
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      text.append(i == 0 ? "" : " ").append("w").append(i);
    }
    Segment segment = TestMeetings.segment("seg-1", "S1", 1_000, text.toString());

    List<Subtitles.Cue> cues = Subtitles.split(line(segment, segment.text()));

    // Word 17 ends 7.1 s after word 0 starts, so the first cue stops after word 16.
    assertThat(cues)
        .containsExactly(
            new Subtitles.Cue(
                1_000, 7_700, "S1", "w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16"),
            new Subtitles.Cue(7_800, 8_900, "S1", "w17 w18 w19"));
  }

  @Test
  void splitsLongTextBetweenWordsAtEightyCharacters() {
    String text =
        "Alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike"
            + " november oscar papa quebec romeo sierra tango.";
    // Punctuation joined words, so the 20 words no longer match the 21 tokens one to one.
    Segment segment = TestMeetings.segment("seg-1", "S1", 0, text.toLowerCase().replace(".", ""));
    Sentence sentence = TestMeetings.sentence("s1", segment, text);
    MinutesView.Line line =
        new MinutesView.Line("S1", sentence.startMs(), sentence.endMs(), text, List.of());

    List<Subtitles.Cue> cues = Subtitles.split(line);

    assertThat(cues).hasSize(2);
    assertThat(cues.get(0).text())
        .isEqualTo(
            "Alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike");
    assertThat(cues.get(1).text()).isEqualTo("november oscar papa quebec romeo sierra tango.");
    assertThat(cues.get(0).text().length()).isLessThanOrEqualTo(Subtitles.MAX_CUE_CHARS);
    assertThat(cues.get(0).startMs()).isZero();
    assertThat(cues.get(1).startMs()).isGreaterThanOrEqualTo(cues.get(0).endMs());
    assertThat(cues.get(1).endMs()).isEqualTo(sentence.endMs());
  }

  @Test
  void writesHoursOnceAMeetingLastsAnHour() throws IOException {
    Meeting meeting = TestMeetings.longMeeting(1_900);

    String text = write(meeting, Format.TEXT);

    assertThat(text).contains("[0:00:00] Ana: This is sentence number 0 ");
    assertThat(text).contains("[1:03:18] S2: This is sentence number 1899 ");
  }

  private static MinutesView.Line line(Segment segment, String text) {
    return new MinutesView.Line(
        segment.speakerId(), segment.startMs(), segment.endMs(), text, segment.words());
  }

  private String write(Meeting meeting, Format format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    documents.write(meeting, format, out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
