package dev.verbatim.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.search.MeetingIndex;
import dev.verbatim.search.SearchQuery;
import dev.verbatim.server.ApiClient;
import dev.verbatim.server.ApiClient.Response;
import dev.verbatim.server.VerbatimApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * The meetings API against a running service with a real database, real recordings and the real
 * speech model. Subclasses choose the database; every test here must pass on each.
 */
@SpringBootTest(
    classes = VerbatimApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"verbatim.jobs.poll=200ms", "verbatim.jobs.retry-delay=1s"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
abstract class MeetingApiContract {

  static final Path HOME = Path.of(System.getProperty("verbatim.home", ".."));
  static final Path SAMPLE = HOME.resolve("samples/meeting.mp4");

  @LocalServerPort int port;
  @Autowired MeetingIndex index;

  ApiClient api;
  String meetingId;
  JsonNode meeting;

  /** Where this context keeps its data: media, uploads and index. */
  abstract Path dataDirectory();

  @BeforeAll
  void uploadTheSampleMeeting() {
    api = new ApiClient(port);
    Response created = api.upload(List.of(SAMPLE), Map.of("title", "Quarterly <b>review</b>"));
    assertThat(created.status()).isEqualTo(202);
    meetingId = created.json().get("id").asString();
    assertThat(created.header("Location")).isEqualTo("/api/meetings/" + meetingId);
    meeting = api.awaitFinished(meetingId);
  }

  @Test
  @Order(1)
  void uploadedRecordingBecomesAProcessedMeeting() {
    assertThat(meeting.get("status").asString()).isEqualTo("done");
    assertThat(meeting.get("progress").asDouble()).isEqualTo(1.0);
    assertThat(meeting.get("schema").asString()).isEqualTo("verbatim/meeting@1");
    assertThat(meeting.get("title").asString()).isEqualTo("Quarterly <b>review</b>");
    assertThat(meeting.get("durationMs").asLong()).isBetween(40_000L, 60_000L);
    assertThat(meeting.get("speakers")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(meeting.get("segments")).isNotEmpty();
    JsonNode firstWord = meeting.get("segments").get(0).get("words").get(0);
    assertThat(firstWord.get("endMs").asLong()).isGreaterThan(firstWord.get("startMs").asLong());
    assertThat(text(meeting)).contains("budget review");
    JsonNode items = meeting.get("minutes").get("actionItems");
    assertThat(items).isNotEmpty();
    assertThat(items.get(0).get("confirmed").asBoolean()).isFalse();
    assertThat(meeting.get("media").get(0).get("url").asString())
        .isEqualTo("/api/meetings/" + meetingId + "/media?file=0");
  }

  @Test
  @Order(2)
  void listShowsTheMeetingWithStatusAndParticipants() {
    JsonNode page = api.get("/api/meetings?page=0&size=10").json();
    JsonNode item = find(page.get("items"), "id", meetingId);
    assertThat(item.get("status").asString()).isEqualTo("done");
    assertThat(item.get("participants")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(api.get("/api/meetings?size=1000").status()).isEqualTo(400);
  }

  @Test
  @Order(3)
  void theSameRecordingUploadedAgainMakesNoSecondMeeting() {
    long before = api.get("/api/meetings").json().get("total").asLong();
    Response again = api.upload(List.of(SAMPLE), Map.of("title", "Again"));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("id").asString()).isEqualTo(meetingId);
    assertThat(again.json().get("duplicate").asBoolean()).isTrue();
    assertThat(api.get("/api/meetings").json().get("total").asLong()).isEqualTo(before);
  }

  @Test
  @Order(4)
  void mediaAnswersRangeRequestsSoThePlayerCanSeek() throws IOException {
    Response whole = api.get("/api/meetings/" + meetingId + "/media");
    assertThat(whole.status()).isEqualTo(200);
    assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
    Response part = api.get("/api/meetings/" + meetingId + "/media", "Range", "bytes=100-199");
    assertThat(part.status()).isEqualTo(206);
    assertThat(part.header("Content-Range")).isEqualTo("bytes 100-199/" + Files.size(SAMPLE));
    assertThat(part.header("Content-Type")).startsWith("video/mp4");
    assertThat(api.get("/api/meetings/" + meetingId + "/media?file=7").status()).isEqualTo(404);
  }

  @Test
  @Order(5)
  void eventStreamStartsWithTheMeetingsCurrentState() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<Stream<String>> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(api.base() + "/api/meetings/" + meetingId + "/events"))
                .header("Accept", "text/event-stream")
                .header("Authorization", api.authorization())
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> lines = new ArrayList<>();
    try (Stream<String> body = response.body()) {
      Iterator<String> it = body.iterator();
      while (it.hasNext() && lines.size() < 2) {
        String line = it.next();
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
    }
    assertThat(lines.get(0)).isEqualTo("event:done");
    assertThat(lines.get(1)).startsWith("data:").contains("\"meetingId\":\"" + meetingId + "\"");
  }

  @Test
  @Order(10)
  void renamingASpeakerHandsTheirActionItemsToTheName() {
    String speaker = meeting.get("speakers").get(0).get("id").asString();
    Response added =
        api.post(
            "/api/meetings/" + meetingId + "/action-items",
            Map.of("text", "Book the room", "owner", speaker));
    assertThat(added.status()).isEqualTo(201);
    String itemId = added.json().get("id").asString();

    Response renamed =
        api.put("/api/meetings/" + meetingId + "/speakers/" + speaker, Map.of("name", "Ana Lima"));

    assertThat(renamed.status()).isEqualTo(200);
    JsonNode after = api.get("/api/meetings/" + meetingId).json();
    assertThat(find(after.get("speakers"), "id", speaker).get("name").asString())
        .isEqualTo("Ana Lima");
    assertThat(find(after.get("minutes").get("actionItems"), "id", itemId).get("owner").asString())
        .isEqualTo("Ana Lima");
    assertThat(
            api.put("/api/meetings/" + meetingId + "/speakers/S99", Map.of("name", "x")).status())
        .isEqualTo(404);
  }

  @Test
  @Order(11)
  void correctingASegmentKeepsWordTimingsAndUpdatesTheIndex() {
    JsonNode segment = meeting.get("segments").get(0);
    String segmentId = segment.get("id").asString();
    List<String> words = new ArrayList<>();
    segment.get("words").forEach(w -> words.add(w.get("text").asString()));
    words.set(words.size() - 1, "zeppelin");
    String corrected = String.join(" ", words);

    Response response =
        api.put("/api/meetings/" + meetingId + "/segments/" + segmentId, Map.of("text", corrected));

    assertThat(response.status()).isEqualTo(200);
    JsonNode newWords = response.json().get("words");
    assertThat(newWords).hasSize(words.size());
    assertThat(newWords.get(0).get("startMs").asLong())
        .isEqualTo(segment.get("words").get(0).get("startMs").asLong());
    assertThat(newWords.get(words.size() - 1).get("text").asString()).isEqualTo("zeppelin");
    assertThat(newWords.get(words.size() - 1).get("startMs").asLong())
        .isEqualTo(segment.get("words").get(words.size() - 1).get("startMs").asLong());
    assertThat(index.search(SearchQuery.of("zeppelin")).hits())
        .anySatisfy(h -> assertThat(h.segmentId()).isEqualTo(segmentId));
    assertThat(
            api.put("/api/meetings/" + meetingId + "/segments/" + segmentId, Map.of("text", " "))
                .status())
        .isEqualTo(400);
  }

  @Test
  @Order(12)
  void anActionItemEditBasedOnAStaleVersionIsRefused() {
    String path = "/api/meetings/" + meetingId + "/action-items";
    String id =
        api.post(path, Map.of("text", "Send the numbers", "due", "2026-12-04"))
            .json()
            .get("id")
            .asString();

    Response first =
        api.patch(
            path + "/" + id,
            Map.of("status", "in_progress", "confirmed", true),
            "If-Match",
            "\"0\"");
    Response stale = api.patch(path + "/" + id, Map.of("status", "done"), "If-Match", "\"0\"");

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.header("ETag")).isEqualTo("\"1\"");
    assertThat(first.json().get("status").asString()).isEqualTo("in_progress");
    assertThat(first.json().get("confirmed").asBoolean()).isTrue();
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.json().get("detail").asString()).contains("changed by someone else");
    assertThat(api.patch(path + "/" + id, Map.of("status", "finished")).status()).isEqualTo(400);
    assertThat(api.delete(path + "/" + id).status()).isEqualTo(204);
    assertThat(api.delete(path + "/" + id).status()).isEqualTo(404);
  }

  @Test
  @Order(13)
  void decisionsCanBeAddedConfirmedAndDeleted() {
    String path = "/api/meetings/" + meetingId + "/decisions";
    Response added = api.post(path, Map.of("text", "Launch moves to March"));
    assertThat(added.status()).isEqualTo(201);
    String id = added.json().get("id").asString();
    assertThat(api.patch(path + "/" + id, Map.of("confirmed", true)).status()).isEqualTo(200);
    JsonNode decision =
        find(
            api.get("/api/meetings/" + meetingId).json().get("minutes").get("decisions"), "id", id);
    assertThat(decision.get("confirmed").asBoolean()).isTrue();
    assertThat(decision.get("text").asString()).isEqualTo("Launch moves to March");
    assertThat(api.delete(path + "/" + id).status()).isEqualTo(204);
  }

  @Test
  @Order(14)
  void titleAndDateCanBeChangedAndBadInputGetsAProblemDetail() {
    Response changed =
        api.patch("/api/meetings/" + meetingId, Map.of("title", "Q3 review", "date", "2026-11-20"));
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.json().get("title").asString()).isEqualTo("Q3 review");
    assertThat(changed.json().get("date").asString()).isEqualTo("2026-11-20");

    Response bad = api.patch("/api/meetings/" + meetingId, Map.of("date", "next friday"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
    assertThat(bad.json().get("detail").asString()).contains("YYYY-MM-DD");
    assertThat(api.patch("/api/meetings/" + meetingId, "{not json").status()).isEqualTo(400);
  }

  @Test
  @Order(15)
  void everyExportFormatDownloads() {
    Map<String, String> types =
        Map.of(
            "md", "text/markdown",
            "pdf", "application/pdf",
            "docx", "application/vnd.openxmlformats",
            "vtt", "text/vtt",
            "srt", "application/x-subrip",
            "txt", "text/plain",
            "json", "application/json");
    types.forEach(
        (format, type) -> {
          Response export = api.get("/api/meetings/" + meetingId + "/export/" + format);
          assertThat(export.status()).as(format).isEqualTo(200);
          assertThat(export.header("Content-Type")).as(format).startsWith(type);
          assertThat(export.header("Content-Disposition")).contains("." + format);
        });
    assertThat(api.get("/api/meetings/" + meetingId + "/export/vtt").body()).startsWith("WEBVTT");
    assertThat(api.get("/api/meetings/" + meetingId + "/export/pdf").body()).startsWith("%PDF");
    assertThat(api.get("/api/meetings/" + meetingId + "/export/json").body())
        .contains("verbatim/meeting@1");
    assertThat(api.get("/api/meetings/" + meetingId + "/export/exe").status()).isEqualTo(400);
  }

  @Test
  @Order(16)
  void theApiIsDescribedAndTheServiceExposesHealthAndMetrics() {
    Response openApi = api.get("/api/openapi.json");
    assertThat(openApi.status()).isEqualTo(200);
    JsonNode paths = openApi.json().get("paths");
    assertThat(paths.has("/api/meetings")).isTrue();
    assertThat(paths.has("/api/meetings/{id}/export/{format}")).isTrue();
    assertThat(paths.has("/api/uploads")).isTrue();
    assertThat(api.get("/actuator/health").body()).contains("UP");
    assertThat(api.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
  }

  @Test
  @Order(17)
  void unknownMeetingsAnswer404WithAProblemDetail() {
    Response missing = api.get("/api/meetings/m-0000000000000000");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("title").asString()).isEqualTo("Not found");
    assertThat(api.get("/api/meetings/m-0000000000000000/media").status()).isEqualTo(404);
    assertThat(api.get("/api/meetings/m-0000000000000000/export/md").status()).isEqualTo(404);
    assertThat(api.delete("/api/meetings/m-0000000000000000").status()).isEqualTo(404);
  }

  @Test
  @Order(18)
  void findAndReplaceChangesEveryOccurrenceInTheTranscript() {
    Response replaced =
        api.post(
            "/api/meetings/" + meetingId + "/replace",
            Map.of("find", "budget review", "replace", "key true the review"));

    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.json().get("replacements").asInt()).isGreaterThanOrEqualTo(1);
    String after = text(api.get("/api/meetings/" + meetingId).json());
    assertThat(after).contains("key true the review").doesNotContain("budget review");
    assertThat(api.post("/api/meetings/" + meetingId + "/replace", Map.of("find", "")).status())
        .isEqualTo(400);
  }

  @Test
  @Order(19)
  void glossaryCorrectsSoundAlikesAndEachCorrectionCanBeUndone() {
    Response org = api.post("/api/glossary", Map.of("text", "Keytruda"));
    assertThat(org.status()).isEqualTo(201);
    assertThat(
            api.post("/api/meetings/" + meetingId + "/glossary", Map.of("text", "Dana Scully"))
                .status())
        .isEqualTo(201);
    assertThat(api.get("/api/glossary").json())
        .anySatisfy(t -> assertThat(t.get("text").asString()).isEqualTo("Keytruda"));
    assertThat(api.post("/api/glossary", Map.of("text", "far too many words in it")).status())
        .isEqualTo(400);

    Response applied = api.post("/api/meetings/" + meetingId + "/glossary/apply", Map.of());

    assertThat(applied.json().get("corrections").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(text(api.get("/api/meetings/" + meetingId).json())).contains("Keytruda review");
    JsonNode correction =
        find(
            api.get("/api/meetings/" + meetingId + "/glossary/corrections").json(),
            "replacement",
            "Keytruda");
    assertThat(correction.get("original").asString()).isEqualTo("key true the");

    Response undone =
        api.post(
            "/api/meetings/"
                + meetingId
                + "/glossary/corrections/"
                + correction.get("id").asString()
                + "/revert",
            Map.of());

    assertThat(undone.status()).isEqualTo(200);
    assertThat(undone.json().get("text").asString()).contains("key true the");
    assertThat(
            api.post(
                    "/api/meetings/"
                        + meetingId
                        + "/glossary/corrections/"
                        + correction.get("id").asString()
                        + "/revert",
                    Map.of())
                .status())
        .isEqualTo(409);
    api.post(
        "/api/meetings/" + meetingId + "/replace",
        Map.of("find", "key true the review", "replace", "budget review"));
    api.get("/api/glossary")
        .json()
        .forEach(t -> api.delete("/api/glossary/" + t.get("id").asString()));
  }

  @Test
  @Order(20)
  void badRecordingsFailWithAClearReasonAndHurtNothingElse(
      @org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.mp3"));
    Path png = Files.write(dir.resolve("slides.m4a"), pngBytes());

    String emptyId = api.uploadOne(empty, "Empty");
    String pngId = api.uploadOne(png, "Not audio");
    JsonNode emptyMeeting = api.awaitFinished(emptyId);
    JsonNode pngMeeting = api.awaitFinished(pngId);

    assertThat(emptyMeeting.get("status").asString()).isEqualTo("failed");
    assertThat(emptyMeeting.get("error").asString()).contains("empty");
    assertThat(pngMeeting.get("status").asString()).isEqualTo("failed");
    assertThat(pngMeeting.get("error").asString()).contains("slides.m4a").contains("not");
    assertThat(api.get("/api/meetings/" + meetingId).json().get("status").asString())
        .isEqualTo("done");
    Response noFile = api.upload(List.of(), Map.of("title", "Nothing"));
    assertThat(noFile.status()).isEqualTo(400);
  }

  @Test
  @Order(21)
  void resumableUploadContinuesFromTheOffsetAndMakesAMeeting() throws IOException {
    Path track = HOME.resolve("samples/tracks/ana.ogg");
    byte[] bytes = Files.readAllBytes(track);
    Response created =
        api.createUpload(
            bytes.length,
            Map.of("filename", "ana.ogg", "title", "Ana alone", "date", "2026-11-02"));
    assertThat(created.status()).isEqualTo(201);
    String upload = URI.create(created.header("Location")).getPath();
    int half = bytes.length / 2;
    Response first = patch(upload, 0, java.util.Arrays.copyOfRange(bytes, 0, half));
    assertThat(first.status()).isEqualTo(204);
    assertThat(first.header("Verbatim-Meeting-Id")).isEmpty();

    // The connection "dropped": ask where to go on from.
    Response head = api.headUpload(upload);
    long offset = Long.parseLong(head.header("Upload-Offset"));
    assertThat(offset).isEqualTo(half);
    Response last = patch(upload, offset, java.util.Arrays.copyOfRange(bytes, half, bytes.length));

    assertThat(last.status()).isEqualTo(204);
    String id = last.header("Verbatim-Meeting-Id");
    assertThat(id).startsWith("m-");
    JsonNode made = api.awaitFinished(id);
    assertThat(made.get("status").asString()).isEqualTo("done");
    assertThat(made.get("title").asString()).isEqualTo("Ana alone");
    assertThat(made.get("date").asString()).isEqualTo("2026-11-02");
    assertThat(api.headUpload(upload).status()).isEqualTo(404);
  }

  @Test
  @Order(22)
  void aMeetingCanBeWrittenWithAChosenMinutesTemplate() {
    assertThat(api.get("/api/templates").json())
        .extracting(t -> t.get("id").asString())
        .contains("general", "standup");
    Path track = HOME.resolve("samples/tracks/bob.ogg");
    Response unknown = api.upload(List.of(track), Map.of("template", "no-such-template"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("detail").asString()).contains("/api/templates");

    Response created = api.upload(List.of(track), Map.of("template", "standup"));

    JsonNode made = api.awaitFinished(created.json().get("id").asString());
    assertThat(made.get("minutes").get("template").asString()).isEqualTo("standup");
    Response badMetadata = api.createUpload(1000, Map.of("filename", "a.mp3", "date", "yesterday"));
    assertThat(badMetadata.status()).isEqualTo(400);
  }

  @Test
  @Order(23)
  void aMeetingRecordedOneFilePerParticipantPlaysAsOneMix() {
    List<Path> tracks =
        Stream.of("ana", "bob", "carl", "dana")
            .map(n -> HOME.resolve("samples/tracks/" + n + ".ogg"))
            .toList();
    Response created = api.upload(tracks, Map.of("multitrack", "true", "title", "Tracks"));
    assertThat(created.status()).isEqualTo(202);
    String id = created.json().get("id").asString();

    JsonNode made = api.awaitFinished(id);

    assertThat(made.get("status").asString()).isEqualTo("done");
    assertThat(made.get("speakers"))
        .extracting(s -> s.get("name").asString())
        .containsExactly("ana", "bob", "carl", "dana");
    assertThat(made.get("media")).hasSize(4);
    Response mix = api.get(made.get("playback").asString(), "Range", "bytes=0-11");
    assertThat(mix.status()).isEqualTo(206);
    assertThat(mix.header("Content-Type")).isEqualTo("audio/mp4");
    assertThat(mix.body().substring(4, 8)).isEqualTo("ftyp");
    assertThat(api.get("/api/meetings/" + id + "/media?file=1").header("Content-Type"))
        .startsWith("audio/ogg");
    assertThat(api.upload(tracks, Map.of("title", "not multitrack")).status()).isEqualTo(400);
  }

  @Test
  @Order(30)
  void reprocessingCanBeCancelledAndTheEarlierResultStays() {
    Response queued = api.post("/api/meetings/" + meetingId + "/reprocess", Map.of());
    assertThat(queued.status()).isEqualTo(202);
    assertThat(api.post("/api/meetings/" + meetingId + "/reprocess", Map.of()).status())
        .isEqualTo(409);

    Response cancelled = api.post("/api/meetings/" + meetingId + "/cancel", Map.of());

    assertThat(cancelled.status()).isEqualTo(200);
    JsonNode after =
        api.awaitMeeting(
            meetingId, m -> m.get("status").asString().equals("done"), Duration.ofMinutes(1));
    assertThat(after.get("segments")).isNotEmpty();
    assertThat(api.post("/api/meetings/" + meetingId + "/cancel", Map.of()).status())
        .isEqualTo(409);
  }

  @Test
  @Order(31)
  void reprocessingRunsThePipelineAgain() {
    assertThat(api.post("/api/meetings/" + meetingId + "/reprocess", Map.of()).status())
        .isEqualTo(202);
    api.awaitMeeting(
        meetingId, m -> !m.get("status").asString().equals("done"), Duration.ofMinutes(1));
    JsonNode again = api.awaitFinished(meetingId);
    assertThat(again.get("status").asString()).isEqualTo("done");
    assertThat(text(again)).contains("budget review");
  }

  @Test
  @Order(40)
  void deletingAMeetingRemovesItsRowsMediaAndIndexEntries() throws IOException {
    assertThat(index.search(SearchQuery.of("budget")).hits())
        .anySatisfy(h -> assertThat(h.meetingId()).isEqualTo(meetingId));
    assertThat(dataDirectory().resolve("media").resolve(meetingId)).isDirectory();

    assertThat(api.delete("/api/meetings/" + meetingId).status()).isEqualTo(204);

    assertThat(api.get("/api/meetings/" + meetingId).status()).isEqualTo(404);
    assertThat(dataDirectory().resolve("media").resolve(meetingId)).doesNotExist();
    assertThat(index.search(SearchQuery.of("budget")).hits())
        .noneSatisfy(h -> assertThat(h.meetingId()).isEqualTo(meetingId));
    // The same recording may now be uploaded afresh.
    assertThat(api.upload(List.of(SAMPLE), Map.of()).status()).isEqualTo(202);
  }

  private Response patch(String upload, long offset, byte[] chunk) {
    return api.patchUpload(upload, offset, BodyPublishers.ofByteArray(chunk));
  }

  private static byte[] pngBytes() {
    return Base64.getDecoder()
        .decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
  }

  static String text(JsonNode meeting) {
    StringBuilder all = new StringBuilder();
    meeting.get("segments").forEach(s -> all.append(s.get("text").asString()).append(' '));
    return all.toString();
  }

  static JsonNode find(JsonNode array, String field, String value) {
    for (JsonNode node : array) {
      if (node.get(field).asString().equals(value)) {
        return node;
      }
    }
    throw new AssertionError("No element with " + field + "=" + value + " in " + array);
  }
}
