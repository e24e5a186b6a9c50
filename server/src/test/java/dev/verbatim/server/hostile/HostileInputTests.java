package dev.verbatim.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.verbatim.server.ApiClient;
import dev.verbatim.server.ApiClient.Response;
import dev.verbatim.server.TestData;
import dev.verbatim.server.VerbatimApplication;
import dev.verbatim.server.hostile.HostileFiles.Multipart;
import dev.verbatim.testsupport.Media;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile input against a running service: recordings that are not what they say, names and text
 * meant to escape or inject, and requests that break the protocol. Every case gets a clear error (a
 * problem detail that names the problem, or a failed meeting that says why), and after every case
 * nothing is lost: the reference meeting is unchanged, every listed meeting still reads, and no
 * file lies outside its meeting's folder.
 *
 * <p>A recording over the size limit is {@code UploadLimitTests}' case, not repeated here.
 */
@SpringBootTest(
    classes = VerbatimApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"verbatim.jobs.poll=200ms", "verbatim.jobs.retry-delay=1s"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class HostileInputTests {

  static final Path DATA = TestData.directory("verbatim-hostile");
  static final Path HOME = Path.of(System.getProperty("verbatim.home", ".."));
  static final Path SAMPLE = HOME.resolve("samples/meeting.mp4");

  static final String SCRIPT = "<script>alert(1)</script>";
  static final String HTML = "<img src=x onerror=alert(1)><b>bold</b>";
  static final String SQL = "'); DROP TABLE meeting; --";

  /** A meeting that does not exist, in the shape real ids have. */
  static final String NO_SUCH_MEETING = "m-00000000deadbeef";

  @LocalServerPort int port;

  ApiClient api;

  /** Never touched by any case; it must read the same after each. */
  String referenceId;

  JsonNode reference;

  /** The meeting the text cases edit. */
  String victimId;

  @DynamicPropertySource
  static void data(DynamicPropertyRegistry registry) {
    registry.add("verbatim.data", DATA::toString);
  }

  @BeforeAll
  void twoProcessedMeetings() {
    api = new ApiClient(port);
    referenceId = api.uploadOne(HOME.resolve("samples/tracks/bob.ogg"), "Reference");
    victimId = api.uploadOne(HOME.resolve("samples/tracks/carl.ogg"), "Victim");
    reference = api.awaitFinished(referenceId);
    assertThat(reference.get("status").asString()).isEqualTo("done");
    assertThat(reference.get("segments")).isNotEmpty();
    assertThat(api.awaitFinished(victimId).get("status").asString()).isEqualTo("done");
  }

  @AfterEach
  void nothingWasLost() throws IOException {
    Response again = api.get("/api/meetings/" + referenceId);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json()).isEqualTo(reference);
    Response list = api.get("/api/meetings?size=100");
    assertThat(list.status()).isEqualTo(200);
    Set<String> ids = new HashSet<>();
    list.json().get("items").forEach(m -> ids.add(m.get("id").asString()));
    assertThat((long) ids.size()).isEqualTo(list.json().get("total").asLong());
    for (String id : ids) {
      assertThat(api.get("/api/meetings/" + id).status()).as(id).isEqualTo(200);
    }
    // Every stored file belongs to a meeting that exists, in its own folder, under a safe name.
    try (Stream<Path> files = Files.walk(DATA.resolve("media"))) {
      files
          .filter(Files::isRegularFile)
          .map(f -> DATA.resolve("media").relativize(f))
          .forEach(
              f -> {
                assertThat(ids).as("owner of %s", f).contains(f.getName(0).toString());
                assertThat(f.getFileName().toString())
                    .as("stored name")
                    .matches("[A-Za-z0-9_-][A-Za-z0-9._-]*")
                    .doesNotContain("..")
                    .doesNotEndWith(".tmp");
              });
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Recordings that are not what they claim

  @Test
  void anEmptyFileFailsAsEmpty() {
    JsonNode meeting = uploadAndAwait("empty.mp3", HostileFiles.bytes(new byte[0]));

    assertFailed(meeting, "\"empty.mp3\" is empty");
  }

  @Test
  void anMp4CutInHalfIsTranscribedAsFarAsItGoesAndSaysItIsTruncated() throws IOException {
    byte[] whole = Files.readAllBytes(SAMPLE);
    byte[] half = Arrays.copyOf(whole, whole.length / 2);

    JsonNode meeting = uploadAndAwait("cut.mp4", HostileFiles.bytes(half));

    assertThat(meeting.get("status").asString()).isEqualTo("done");
    assertThat(meeting.get("source").get("files").get(0).get("warnings").toString())
        .contains("Truncated");
    assertThat(meeting.get("durationMs").asLong()).isBetween(1_000L, 47_000L);
  }

  static Stream<Arguments> notRecordings() throws IOException {
    return Stream.of(
        Arguments.of("minutes.mp3", HostileFiles.pdf(), "a PDF document"),
        Arguments.of("slides.m4a", HostileFiles.png(), "an image (image/png)"),
        Arguments.of("true.mp3", Files.readAllBytes(Path.of("/bin/true")), "application/x-"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notRecordings")
  void aFileThatIsNotARecordingFailsWhateverItsNameSays(
      String name, byte[] content, String looksLike) {
    JsonNode meeting = uploadAndAwait(name, HostileFiles.bytes(content));

    assertFailed(meeting, "\"" + name + "\" is not an audio or video recording");
    assertThat(meeting.get("error").asString()).contains(looksLike);
  }

  @Test
  void aWavHeaderClaimingEighteenHoursIsTranscribedForTheSecondItHolds() throws IOException {
    Path pcm =
        Media.convert(
            HOME.resolve("samples/meeting.mp4"),
            Files.createTempFile("hostile", ".raw"),
            "-t",
            "1",
            "-vn",
            "-f",
            "s16le",
            "-ar",
            "16000",
            "-ac",
            "1");
    byte[] second = Files.readAllBytes(pcm);
    Files.delete(pcm);
    byte[] header = HostileFiles.wavHeader(16_000, 16, 0x7FFF_FFF0L);

    JsonNode meeting =
        uploadAndAwait(
            "endless.wav",
            BodyPublishers.concat(HostileFiles.bytes(header), HostileFiles.bytes(second)));

    assertThat(meeting.get("status").asString()).isEqualTo("done");
    assertThat(meeting.get("durationMs").asLong()).isBetween(900L, 1_100L);
    assertThat(meeting.get("source").get("files").get(0).get("warnings").toString())
        .contains("Truncated");
  }

  @Test
  void aVideoWithoutSoundFailsSayingItHasNoAudio(@TempDir Path dir) {
    Path video = Media.silentVideo(dir.resolve("screen.mp4"), 2);

    JsonNode meeting = uploadAndAwait("screen.mp4", HostileFiles.file(video));

    assertFailed(meeting, "audio");
  }

  @Test
  void sixHoursOfSilenceStreamedUpMakeAMeetingWithNothingSaid() {
    Response created = upload("night.wav", HostileFiles.silentWav(6 * 3600), Map.of());
    assertThat(created.status()).isEqualTo(202);
    String id = created.json().get("id").asString();

    // Meanwhile the service answers as usual.
    assertThat(api.get("/api/meetings").status()).isEqualTo(200);
    assertThat(api.get("/api/meetings/" + referenceId).status()).isEqualTo(200);
    assertThat(api.get("/meetings/" + referenceId).status()).isEqualTo(200);
    JsonNode meeting =
        api.awaitMeeting(
            id,
            m -> Set.of("done", "failed").contains(m.get("status").asString()),
            Duration.ofMinutes(30));

    assertThat(meeting.get("status").asString()).isEqualTo("done");
    assertThat(meeting.get("durationMs").asLong()).isCloseTo(6 * 3600 * 1000L, within(1000L));
    assertThat(meeting.get("segments")).isEmpty();
    assertThat(meeting.get("media").get(0).get("sizeBytes").asLong())
        .isEqualTo(44 + 6 * 3600 * 8000L);
  }

  @Test
  void aMultipartUploadWithoutAFilePartIsRefusedAndStoresNothing() throws IOException {
    long before = count();
    Set<Path> media = mediaFolders();
    Multipart form = HostileFiles.fieldsOnly(Map.of("title", "Nothing attached"));

    Response response =
        api.send("POST", "/api/meetings", form.body(), "Content-Type", form.contentType());

    assertProblem(response, 400, "'file'");
    assertThat(count()).isEqualTo(before);
    assertThat(mediaFolders()).isEqualTo(media);
  }

  // ---------------------------------------------------------------------------------------------
  // Names and text meant to escape, inject or confuse

  static final AtomicInteger SILENT_SECONDS = new AtomicInteger();

  static final String MARKER = "escaped-" + UUID.randomUUID().toString().substring(0, 8);

  static Stream<Arguments> hostileFileNames() {
    String emoji = "\uD83D\uDE00";
    return Stream.of(
        Arguments.of("parent folders", "../../../../../../tmp/" + MARKER + ".wav"),
        Arguments.of("absolute path", "/tmp/" + MARKER + ".wav"),
        Arguments.of("windows path", "..\\..\\..\\" + MARKER + ".wav"),
        Arguments.of("control characters", "a\u0001b\u0007c\u001b[31md\u007fe\u0085f\u009bg.wav"),
        Arguments.of("right-to-left override", "invoice\u202Evaw.exe.wav"),
        Arguments.of("double dots", "weekly..final.wav"),
        Arguments.of("only dots", "....wav"),
        Arguments.of(
            "long, cut inside an emoji", "a".repeat(99) + emoji + "b".repeat(50) + ".wav"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileFileNames")
  void aHostileFileNameIsStoredInsideTheMeetingsFolderAndMakesASaneTitle(String label, String name)
      throws IOException {
    // Each its own length, or the second upload would be the first one's duplicate.
    long seconds = SILENT_SECONDS.incrementAndGet();

    Response created = upload(name, HostileFiles.silentWav(seconds), Map.of());

    assertThat(created.status()).as(created.body()).isEqualTo(202);
    String id = created.json().get("id").asString();
    JsonNode meeting = api.awaitFinished(id);
    assertThat(meeting.get("status").asString()).isEqualTo("done");
    String title = meeting.get("title").asString();
    assertThat(title).isNotBlank().doesNotContain("/", "\\");
    assertThat(title.codePointCount(0, title.length())).isLessThanOrEqualTo(100);
    assertThat(title.codePoints())
        .as("title %s", title)
        .noneMatch(c -> Character.getType(c) == Character.CONTROL)
        .noneMatch(c -> Character.getType(c) == Character.FORMAT)
        .noneMatch(c -> Character.getType(c) == Character.SURROGATE);
    String stored = meeting.get("media").get(0).get("name").asString();
    try (Stream<Path> files = Files.walk(DATA)) {
      List<Path> marked = files.filter(f -> f.getFileName().toString().contains(MARKER)).toList();
      assertThat(marked)
          .allSatisfy(
              f ->
                  assertThat(DATA.resolve("media").relativize(f).toString())
                      .matches("m-\\w+/0/[^/]+"));
    }
    assertThat(mediaFolder(id).resolve("0").resolve(stored)).isRegularFile();
    assertThat(Path.of("/tmp", MARKER + ".wav")).doesNotExist();
    try (Stream<Path> near = Files.list(DATA.getParent())) {
      assertThat(near).noneMatch(f -> f.getFileName().toString().contains(MARKER));
    }
    assertThat(api.get("/api/meetings/" + id + "/media").status()).isEqualTo(200);
    assertThat(api.get("/api/meetings/" + id + "/export/md").status()).isEqualTo(200);
  }

  @Test
  void aFileNameOfTenKilobytesIsRefusedAsOverALimitAndStoresNothing() throws IOException {
    long before = count();
    Set<Path> media = mediaFolders();

    Response response =
        upload("\uD83D\uDE00a".repeat(3400) + ".wav", HostileFiles.silentWav(1), Map.of());

    assertProblem(response, 413, "file name");
    assertThat(count()).isEqualTo(before);
    assertThat(mediaFolders()).isEqualTo(media);
  }

  @Test
  void markupAndSqlAreStoredVerbatimAndThePageShowsThemEscaped() {
    long before = count();
    JsonNode victim = api.get("/api/meetings/" + victimId).json();
    String speaker = victim.get("speakers").get(0).get("id").asString();
    JsonNode segment = victim.get("segments").get(0);
    String title = SCRIPT + " " + SQL;
    String name = "Robert" + SQL + HTML;
    String text = "We ship " + SCRIPT + " on Friday " + SQL + " " + HTML;
    String base = "/api/meetings/" + victimId;

    assertThat(api.patch(base, Map.of("title", title)).status()).isEqualTo(200);
    assertThat(api.put(base + "/speakers/" + speaker, Map.of("name", name)).status())
        .isEqualTo(200);
    Response corrected =
        api.put(base + "/segments/" + segment.get("id").asString(), Map.of("text", text));
    Response item = api.post(base + "/action-items", Map.of("text", text, "owner", name));
    Response decision = api.post(base + "/decisions", Map.of("text", HTML + SQL));

    assertThat(corrected.status()).isEqualTo(200);
    assertThat(corrected.json().get("text").asString()).isEqualTo(text);
    assertThat(item.status()).isEqualTo(201);
    assertThat(decision.status()).isEqualTo(201);
    JsonNode after = api.get(base).json();
    assertThat(after.get("title").asString()).isEqualTo(title);
    assertThat(after.get("speakers").get(0).get("name").asString()).isEqualTo(name);
    assertThat(after.get("segments").get(0).get("text").asString()).isEqualTo(text);
    assertThat(texts(after.get("minutes").get("actionItems"))).contains(text);
    assertThat(texts(after.get("minutes").get("decisions"))).contains(HTML + SQL);

    String page = api.get("/meetings/" + victimId).body();
    assertThat(page)
        .doesNotContain(SCRIPT, "<img src=x", "<b>bold</b>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;");
    assertThat(api.get("/").body()).doesNotContain(SCRIPT).contains("&lt;script&gt;");
    assertThat(count()).isEqualTo(before);
    assertThat(api.get("/api/meetings?size=100").json().get("items")).hasSize((int) before);
  }

  // ---------------------------------------------------------------------------------------------
  // Requests that break the protocol

  /** Every endpoint that reads a JSON body, as method and path on the victim meeting. */
  List<String[]> jsonEndpoints() {
    JsonNode victim = api.get("/api/meetings/" + victimId).json();
    String base = "/api/meetings/" + victimId;
    String item =
        api.post(base + "/action-items", Map.of("text", "Hostile target"))
            .json()
            .get("id")
            .asString();
    String decision =
        api.post(base + "/decisions", Map.of("text", "Hostile target")).json().get("id").asString();
    return List.of(
        new String[] {"PATCH", base},
        new String[] {
          "PUT", base + "/speakers/" + victim.get("speakers").get(0).get("id").asString()
        },
        new String[] {
          "PUT", base + "/segments/" + victim.get("segments").get(0).get("id").asString()
        },
        new String[] {"POST", base + "/action-items"},
        new String[] {"PATCH", base + "/action-items/" + item},
        new String[] {"POST", base + "/decisions"},
        new String[] {"PATCH", base + "/decisions/" + decision},
        new String[] {"POST", base + "/glossary"},
        new String[] {"POST", base + "/replace"},
        new String[] {"POST", base + "/reprocess"},
        new String[] {"POST", "/api/glossary"});
  }

  @Test
  void malformedJsonGets400WithAProblemDetailOnEveryEndpoint() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    List<String> bodies = List.of("{not json", "{\"title\": ", "{\"text\": \"x\"} trailing", deep);
    JsonNode before = api.get("/api/meetings/" + victimId).json();

    for (String[] endpoint : jsonEndpoints()) {
      for (String body : bodies) {
        Response response =
            api.send(
                endpoint[0],
                endpoint[1],
                BodyPublishers.ofString(body),
                "Content-Type",
                "application/json");
        assertProblem(
            response, 400, "JSON", endpoint[0] + " " + endpoint[1] + " " + abbreviate(body));
      }
    }
    assertThat(withoutMinutes(api.get("/api/meetings/" + victimId).json()))
        .isEqualTo(withoutMinutes(before));
  }

  @Test
  void jsonOfTheWrongShapeGets400NotAServerError() {
    List<String> bodies =
        List.of(
            "{\"title\": {\"nested\": true}, \"text\": [1, 2], \"name\": {\"a\": 1}}",
            "{\"text\": \"ok\", \"startMs\": \"soon\", \"due\": 5, \"confirmed\": \"maybe\"}",
            "{\"find\": [\"x\"], \"replace\": {\"y\": 1}, \"wholeWords\": \"no\"}",
            "{\"text\": \"ok\", \"status\": [\"done\"], \"owner\": 42}",
            "\"just a string\"",
            "[]",
            "42",
            "null");
    JsonNode before = api.get("/api/meetings/" + victimId).json();

    for (String[] endpoint : jsonEndpoints()) {
      if (endpoint[1].endsWith("/reprocess")) {
        continue; // A well-formed body would start a job; malformed ones are tested above.
      }
      for (String body : bodies) {
        Response response =
            api.send(
                endpoint[0],
                endpoint[1],
                BodyPublishers.ofString(body),
                "Content-Type",
                "application/json");
        assertThat(response.status())
            .as(endpoint[0] + " " + endpoint[1] + " " + body + " -> " + response.body())
            .isIn(200, 201, 400);
        if (response.status() == 400) {
          assertProblem(response, 400, "", endpoint[1] + " " + body);
        }
      }
    }
    assertThat(api.get("/api/meetings/" + victimId).json().get("title"))
        .isEqualTo(before.get("title"));
  }

  @Test
  void aBodyOfTheWrongContentTypeGets415() {
    String base = "/api/meetings/" + victimId;
    long before = count();

    Response plain =
        api.send(
            "POST",
            base + "/decisions",
            BodyPublishers.ofString("{\"text\": \"x\"}"),
            "Content-Type",
            "text/plain");
    Response none = api.send("PATCH", base, BodyPublishers.ofString("{\"title\": \"x\"}"));
    Response jsonUpload =
        api.send(
            "POST",
            "/api/meetings",
            BodyPublishers.ofString("{\"file\": \"meeting.mp4\"}"),
            "Content-Type",
            "application/json");
    Response form =
        api.send(
            "POST",
            "/api/meetings",
            BodyPublishers.ofString("file=meeting.mp4"),
            "Content-Type",
            "application/x-www-form-urlencoded");
    Response noBoundary =
        api.send(
            "POST",
            "/api/meetings",
            BodyPublishers.ofString("--x\r\n\r\n--x--\r\n"),
            "Content-Type",
            "multipart/form-data");

    assertProblem(plain, 415, "text/plain");
    assertProblem(none, 415, "not supported");
    assertProblem(jsonUpload, 415, "application/json");
    assertProblem(form, 415, "application/x-www-form-urlencoded");
    assertThat(noBoundary.status()).as(noBoundary.body()).isEqualTo(400);
    assertProblem(noBoundary, 400, "multipart");
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void aHugeHeaderIsRefusedAndTheServiceGoesOnServing() {
    Response huge =
        api.send(
            "GET", "/api/meetings", BodyPublishers.noBody(), "X-Padding", "x".repeat(64 * 1024));
    Response longUrl = api.get("/api/meetings/" + "m".repeat(64 * 1024));

    assertThat(huge.status()).isIn(400, 431);
    assertThat(longUrl.status()).isIn(400, 404, 414, 431);
    assertThat(api.get("/api/meetings").status()).isEqualTo(200);
  }

  /** Every route under a meeting, as method and path, with {id} for the meeting. */
  static final List<String> MEETING_ROUTES =
      List.of(
          "GET /api/meetings/{id}",
          "PATCH /api/meetings/{id}",
          "DELETE /api/meetings/{id}",
          "GET /api/meetings/{id}/media",
          "GET /api/meetings/{id}/media?file=1",
          "GET /api/meetings/{id}/events",
          "GET /api/meetings/{id}/export/md",
          "GET /api/meetings/{id}/export/pdf",
          "GET /api/meetings/{id}/export/json",
          "PUT /api/meetings/{id}/speakers/S1",
          "PUT /api/meetings/{id}/segments/s-0",
          "POST /api/meetings/{id}/action-items",
          "PATCH /api/meetings/{id}/action-items/a-1",
          "DELETE /api/meetings/{id}/action-items/a-1",
          "POST /api/meetings/{id}/decisions",
          "PATCH /api/meetings/{id}/decisions/d-1",
          "DELETE /api/meetings/{id}/decisions/d-1",
          "GET /api/meetings/{id}/glossary",
          "POST /api/meetings/{id}/glossary",
          "DELETE /api/meetings/{id}/glossary/t-1",
          "GET /api/meetings/{id}/glossary/corrections",
          "POST /api/meetings/{id}/glossary/apply",
          "POST /api/meetings/{id}/glossary/corrections/c-1/revert",
          "POST /api/meetings/{id}/replace",
          "POST /api/meetings/{id}/reprocess",
          "POST /api/meetings/{id}/cancel");

  @Test
  void everyRouteOfAMeetingThatDoesNotExistAnswers404WithAProblemDetail() {
    for (String route : MEETING_ROUTES) {
      String[] parts = route.replace("{id}", NO_SUCH_MEETING).split(" ");
      BodyPublisher body =
          parts[0].equals("GET") || parts[0].equals("DELETE")
              ? BodyPublishers.noBody()
              : BodyPublishers.ofString(
                  "{\"text\": \"x\", \"name\": \"x\", \"title\": \"x\", \"find\": \"x\"}");

      Response response = api.send(parts[0], parts[1], body, "Content-Type", "application/json");

      assertProblem(response, 404, "not found", route);
    }
    Response events =
        api.get("/api/meetings/" + NO_SUCH_MEETING + "/events", "Accept", "text/event-stream");
    assertThat(events.status()).isEqualTo(404);
    Response page = api.get("/meetings/" + NO_SUCH_MEETING, "Accept", "text/html");
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.header("Content-Type")).startsWith("text/html");
  }

  static Stream<String> traversals() {
    return Stream.of(
        "..%2F..%2Fetc%2Fpasswd",
        "..%252F..%252Fetc%252Fpasswd",
        "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "..%5C..%5Cetc%5Cpasswd",
        "....%2F%2F....%2F%2Fetc%2Fpasswd",
        "m-1%00",
        "..;",
        "%2e%2e");
  }

  @ParameterizedTest
  @MethodSource("traversals")
  void aPathTraversalInAnIdNeverReachesAFile(String id) {
    for (String route :
        List.of(
            "/api/meetings/{id}",
            "/api/meetings/{id}/media",
            "/api/meetings/{id}/media?file=0",
            "/api/meetings/{id}/export/md",
            "/meetings/{id}",
            "/api/uploads/{id}")) {
      String path = route.replace("{id}", id);

      Response response =
          route.startsWith("/api/uploads")
              ? api.send("HEAD", path, BodyPublishers.noBody(), "Tus-Resumable", "1.0.0")
              : api.get(path);

      assertThat(response.status()).as(path).isIn(400, 404);
      assertThat(response.body()).as(path).doesNotContain("root:");
    }
    Response file = api.get("/api/meetings/" + referenceId + "/media?file=" + id);
    assertThat(file.status()).isIn(400, 404);
    assertThat(file.body()).doesNotContain("root:");
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void anIdWithALineBreakCannotForgeALogLine(CapturedOutput output) {
    Response tus =
        api.send(
            "HEAD",
            "/api/uploads/x%0D%0AFORGED%20line",
            BodyPublishers.noBody(),
            "Tus-Resumable",
            "1.0.0");
    Response meeting = api.get("/api/meetings/x%0AFORGED%20line/events");

    assertThat(tus.status()).isIn(400, 404);
    assertThat(meeting.status()).isIn(400, 404);
    assertThat(output.getOut()).doesNotContain("\nFORGED", "\rFORGED");
  }

  @Test
  void aResumableUploadWithAHostileNameIsStoredInsideItsMeetingsFolder() {
    int seconds = SILENT_SECONDS.incrementAndGet();
    byte[] wav = silentWavBytes(seconds);
    Response created =
        api.createUpload(wav.length, Map.of("filename", "../../../tmp/" + MARKER + "-tus.wav"));
    assertThat(created.status()).isEqualTo(201);
    String upload = java.net.URI.create(created.header("Location")).getPath();

    Response last = api.patchUpload(upload, 0, BodyPublishers.ofByteArray(wav));

    assertThat(last.status()).isEqualTo(204);
    String id = last.header("Verbatim-Meeting-Id");
    JsonNode meeting = api.awaitFinished(id);
    assertThat(meeting.get("title").asString()).isEqualTo(MARKER + "-tus");
    assertThat(mediaFolder(id).resolve("0").resolve(MARKER + "-tus.wav")).isRegularFile();
    assertThat(Path.of("/tmp", MARKER + "-tus.wav")).doesNotExist();
  }

  @Test
  void resumableUploadMetadataThatIsNotBase64IsRefusedBeforeAnyBytes() {
    Response response =
        api.send(
            "POST",
            "/api/uploads",
            BodyPublishers.noBody(),
            "Tus-Resumable",
            "1.0.0",
            "Upload-Length",
            "1000",
            "Upload-Metadata",
            "filename ../../etc/passwd");

    assertProblem(response, 400, "not base64");
  }

  @Test
  void pagesFarBeyondTheEndAreEmptyOrRefusedNeverAServerError() {
    Response api1 = api.get("/api/meetings?page=" + Integer.MAX_VALUE + "&size=100");
    Response api2 = api.get("/api/meetings?page=99999999999");
    Response html = api.get("/?page=" + Integer.MAX_VALUE, "Accept", "text/html");

    assertThat(api1.status()).as(api1.body()).isIn(200, 400);
    if (api1.status() == 200) {
      assertThat(api1.json().get("items")).isEmpty();
    }
    assertProblem(api2, 400, "page");
    assertThat(html.status()).isIn(200, 400);
  }

  // ---------------------------------------------------------------------------------------------

  private Response upload(String fileName, BodyPublisher content, Map<String, String> fields) {
    Multipart form = HostileFiles.multipart(fileName, content, fields);
    return api.send("POST", "/api/meetings", form.body(), "Content-Type", form.contentType());
  }

  private JsonNode uploadAndAwait(String fileName, BodyPublisher content) {
    Response created = upload(fileName, content, Map.of());
    assertThat(created.status()).as(created.body()).isEqualTo(202);
    return api.awaitFinished(created.json().get("id").asString());
  }

  private static void assertFailed(JsonNode meeting, String because) {
    assertThat(meeting.get("status").asString()).as(meeting.toString()).isEqualTo("failed");
    assertThat(meeting.get("error").asString()).contains(because);
  }

  private static void assertProblem(Response response, int status, String detail) {
    assertProblem(response, status, detail, "");
  }

  private static void assertProblem(Response response, int status, String detail, String what) {
    assertThat(response.status()).as(what + " -> " + response.body()).isEqualTo(status);
    assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
    assertThat(response.json().get("detail").asString()).as(what).containsIgnoringCase(detail);
  }

  private long count() {
    return api.get("/api/meetings").json().get("total").asLong();
  }

  private static Path mediaFolder(String id) {
    return DATA.resolve("media").resolve(id);
  }

  private static Set<Path> mediaFolders() throws IOException {
    try (Stream<Path> folders = Files.list(DATA.resolve("media"))) {
      return new HashSet<>(folders.toList());
    }
  }

  private static List<String> texts(JsonNode items) {
    List<String> texts = new ArrayList<>();
    items.forEach(i -> texts.add(i.get("text").asString()));
    return texts;
  }

  private static byte[] silentWavBytes(int seconds) {
    byte[] header = HostileFiles.wavHeader(8000, 8, seconds * 8000L);
    byte[] wav = Arrays.copyOf(header, header.length + seconds * 8000);
    Arrays.fill(wav, header.length, wav.length, (byte) 0x80);
    return wav;
  }

  private static JsonNode withoutMinutes(JsonNode meeting) {
    return ((ObjectNode) meeting.deepCopy()).without("minutes");
  }

  private static String abbreviate(String body) {
    return body.length() > 40 ? body.substring(0, 40) + "…" : body;
  }
}
