package dev.verbatim.server.transcriptimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.core.Segment;
import dev.verbatim.core.Speaker;
import dev.verbatim.ingest.transcript.TranscriptRejectedException;
import dev.verbatim.server.upload.RoomNames;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JigasiTranscriptTests {

  static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void eachParticipantsFinalSpeechBecomesTheirSegmentsAtTheRightSecond() throws IOException {
    JigasiTranscript.Conference conference;
    try (InputStream in =
        Objects.requireNonNull(
            getClass().getResourceAsStream("/transcripts/jigasi-transcript.json"))) {
      conference = JigasiTranscript.read(in, "transcript.json", JSON);
    }

    assertThat(conference.title()).isEqualTo("Weekly sync");
    assertThat(conference.date()).isEqualTo(LocalDate.of(2025, 11, 20));
    assertThat(conference.transcript().speakers())
        .extracting(Speaker::name)
        .containsExactly("Ann Lee", "Bo Chen");
    assertThat(conference.transcript().segments())
        .extracting(Segment::speakerId, Segment::startMs, Segment::text)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "S1", 2_000L, "good morning everyone let us review the launch plan"),
            org.assertj.core.groups.Tuple.tuple(
                "S2", 10_000L, "i will send the pricing sheet to finance by friday"),
            org.assertj.core.groups.Tuple.tuple("S1", 20_000L, "thanks bo that works for me"));
  }

  @Test
  void roomNamesReadAsTitles() {
    assertThat(RoomNames.title("weekly-sync")).isEqualTo("Weekly sync");
    assertThat(RoomNames.title("WeeklySync")).isEqualTo("Weekly sync");
    assertThat(RoomNames.title("Q3%20planning")).isEqualTo("Q3 planning");
    assertThat(RoomNames.titleOf("not a url at all ::")).isNull();
    assertThat(RoomNames.titleOf("https://meet.example.com/")).isNull();
  }

  @Test
  void otherJsonOrSilenceIsRefusedClearly() {
    assertThatThrownBy(() -> read("{\"hello\": 1}"))
        .isInstanceOf(TranscriptRejectedException.class)
        .hasMessageContaining("not a Jigasi transcript");
    assertThatThrownBy(() -> read("{\"events\": [{\"event\": \"JOIN\", \"timestamp\": 1}]}"))
        .isInstanceOf(TranscriptRejectedException.class)
        .hasMessageContaining("no speech");
    assertThatThrownBy(() -> read("{\"events\": [ broken"))
        .isInstanceOf(TranscriptRejectedException.class)
        .hasMessageContaining("not JSON");
  }

  private static JigasiTranscript.Conference read(String json) throws IOException {
    return JigasiTranscript.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "t.json", JSON);
  }
}
