package dev.verbatim.server.transcriptimport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.server.ApiClient;
import dev.verbatim.server.ApiClient.Response;
import dev.verbatim.server.TestData;
import dev.verbatim.server.VerbatimApplication;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Transcripts from Teams, Zoom and Jigasi become meetings with speakers, minutes and search, with
 * or without their recording; their job writes only the minutes, so the words are the other tool's.
 */
@SpringBootTest(
    classes = VerbatimApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "verbatim.jobs.poll=200ms")
class TranscriptImportTests {

  static final Path DATA = TestData.directory("verbatim-import");
  static final Path HOME = Path.of(System.getProperty("verbatim.home", ".."));

  @DynamicPropertySource
  static void data(DynamicPropertyRegistry registry) {
    registry.add("verbatim.data", DATA::toString);
  }

  @LocalServerPort int port;

  @Test
  void aTeamsTranscriptBecomesAMeetingWithItsSpeakersMinutesAndSearch() throws IOException {
    ApiClient api = new ApiClient(port);

    JsonNode meeting =
        imported(api, List.of(Map.entry("transcript", fixture("teams.vtt"))), Map.of());

    assertThat(meeting.get("status").asString()).isEqualTo("done");
    assertThat(meeting.get("title").asString()).isEqualTo("teams");
    assertThat(meeting.get("speakers").findValuesAsString("name"))
        .containsExactly("Ana Lima", "Bo Chen");
    List<String> texts = new ArrayList<>();
    meeting.get("segments").forEach(s -> texts.add(s.get("text").asString()));
    assertThat(String.join(" ", texts))
        .isEqualTo(
            "Good morning, everyone. Let us start with the budget. I will send the numbers to"
                + " finance by Friday. Thanks & noted.");
    JsonNode items = meeting.get("minutes").get("actionItems");
    assertThat(items.findValuesAsString("owner")).contains("Bo Chen");
    JsonNode hits = api.get("/api/search?q=finance").json().get("hits");
    assertThat(hits.findValuesAsString("meetingId")).contains(meeting.get("id").asString());
    assertThat(meeting.get("playback").isNull() || meeting.get("media").isEmpty()).isTrue();
  }

  @Test
  void aZoomTranscriptWithItsRecordingPlaysTheRecordingWithTheImportedWords() throws IOException {
    ApiClient api = new ApiClient(port);

    JsonNode meeting =
        imported(
            api,
            List.of(
                Map.entry("transcript", fixture("zoom.vtt")),
                Map.entry("recording", HOME.resolve("samples/meeting.mp4"))),
            Map.of("title", "Budget call", "date", "2026-11-02"));

    assertThat(meeting.get("title").asString()).isEqualTo("Budget call");
    assertThat(meeting.get("date").asString()).isEqualTo("2026-11-02");
    assertThat(meeting.get("segments").get(0).get("text").asString())
        .isEqualTo("Good morning everyone.");
    Response media =
        api.get("/api/meetings/" + meeting.get("id").asString() + "/media", "Range", "bytes=0-99");
    assertThat(media.status()).isEqualTo(206);
  }

  @Test
  void jigasisSavedTranscriptNamesTheMeetingAfterItsRoom() throws IOException {
    JsonNode meeting =
        imported(
            new ApiClient(port),
            List.of(Map.entry("transcript", fixture("jigasi-transcript.json"))),
            Map.of());

    assertThat(meeting.get("title").asString()).isEqualTo("Weekly sync");
    assertThat(meeting.get("date").asString()).isEqualTo("2025-11-20");
    assertThat(meeting.get("speakers").findValuesAsString("name"))
        .containsExactly("Ann Lee", "Bo Chen");
  }

  @Test
  void somethingElseNamedLikeATranscriptIsRefusedAndLeavesNoMeeting() throws IOException {
    ApiClient api = new ApiClient(port);
    long before = api.get("/api/meetings?size=1").json().get("total").asLong();
    Path fake = Files.createTempFile(DATA, "slides", ".vtt");
    Files.write(
        fake,
        "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

    Response refused =
        api.multipart("/api/meetings/import", Map.of(), List.of(Map.entry("transcript", fake)));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("detail").asString()).contains("no subtitles");
    assertThat(api.get("/api/meetings?size=1").json().get("total").asLong()).isEqualTo(before);
  }

  private static JsonNode imported(
      ApiClient api, List<Map.Entry<String, Path>> files, Map<String, String> fields) {
    Response created = api.multipart("/api/meetings/import", fields, files);
    assertThat(created.status()).as(created.body()).isEqualTo(202);
    JsonNode meeting = api.awaitFinished(created.json().get("id").asString());
    assertThat(meeting.get("status").asString()).as(meeting.toString()).isEqualTo("done");
    return meeting;
  }

  private static Path fixture(String name) throws IOException {
    Path file = DATA.resolve(name);
    try (InputStream in =
        Objects.requireNonNull(
            TranscriptImportTests.class.getResourceAsStream("/transcripts/" + name))) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }
}
