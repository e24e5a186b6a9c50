package dev.verbatim.server.transcriptimport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.server.ApiClient;
import dev.verbatim.server.TestData;
import dev.verbatim.server.VerbatimApplication;
import dev.verbatim.server.WebSession;
import dev.verbatim.testsupport.Line;
import dev.verbatim.testsupport.Media;
import dev.verbatim.testsupport.ScriptedMeeting;
import dev.verbatim.testsupport.Voice;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code docker/jitsi/finalize.sh} run the way Jibri runs it, on a directory laid out the way Jibri
 * writes it, against a running server.
 */
@SpringBootTest(
    classes = VerbatimApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "verbatim.jobs.poll=200ms")
class JibriFinalizeScriptTests {

  static final Path DATA = TestData.directory("verbatim-jibri");
  static final Path HOME = Path.of(System.getProperty("verbatim.home", ".."));
  static final Path SCRIPT = HOME.resolve("docker/jitsi/finalize.sh");
  static final String METADATA =
      """
      {"meeting_url": "https://meet.example.com/WeeklySync",
       "participants": [{"user": {"id": "u1", "name": "Ann Lee", "email": "ann@example.com"}},
                        {"user": {"id": "u2", "name": "John Carter"}, "group": "eng"}],
       "share": true}
      """;

  @DynamicPropertySource
  static void data(DynamicPropertyRegistry registry) {
    registry.add("verbatim.data", DATA::toString);
  }

  @LocalServerPort int port;

  @Test
  void aFinishedRecordingIsUploadedWithTheRoomAsTitleAndItsParticipantsAsOwners() throws Exception {
    Path recording = jibriDirectory();
    // A meeting in which someone is asked by given name to do something.
    ScriptedMeeting asked =
        ScriptedMeeting.render(
            List.of(
                new Line(
                    "ann",
                    Voice.KAL,
                    "Good morning everyone. John, can you send the final numbers by Friday?",
                    1000),
                new Line("john", Voice.SLT, "Sure, I will send them by Friday.", 1000)),
            recording.resolve("script"));
    Media.convert(
        asked.mixed(), recording.resolve("WeeklySync_2026-11-26-10-00-00.mp4"), "-c:a", "aac");
    deleteRecursively(recording.resolve("script"));

    Run run = finalize(recording, "http://localhost:" + port, ApiClient.adminToken(), "60");

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output()).contains("uploaded");
    assertThat(recording).doesNotExist();
    String id = run.output().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
    JsonNode meeting = new ApiClient(port).awaitFinished(id);
    assertThat(meeting.get("title").asString()).isEqualTo("Weekly sync");
    assertThat(meeting.get("roster").valueStream().map(JsonNode::asString))
        .containsExactly("Ann Lee", "John Carter");
    assertThat(
            WebSession.signedIn(port, ApiClient.adminEmail(), ApiClient.adminPassword())
                .get("/meetings/" + id)
                .body())
        .contains("In the meeting, as Jitsi listed them:")
        .contains("Ann Lee, John Carter");
    // Speech says only "John": Jibri's participants give his full name.
    assertThat(meeting.get("minutes").get("actionItems"))
        .extracting(item -> item.get("owner").asString())
        .contains("John Carter")
        .doesNotContain("John");
  }

  @Test
  void aRefusedTokenIsNotRetriedAndTheRecordingStays() throws Exception {
    Path recording = jibriDirectory();

    Run run = finalize(recording, "http://localhost:" + port, "vbt_wrong", "60");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.output()).contains("refused").contains("(401)").doesNotContain("retrying");
    assertThat(recording.resolve("WeeklySync_2026-11-26-10-00-00.mp4")).exists();
  }

  @Test
  void anUnreachableServerIsRetriedWithinTheBudgetThenGivenUp() throws Exception {
    Path recording = jibriDirectory();
    int nobody;
    try (ServerSocket socket = new ServerSocket(0)) {
      nobody = socket.getLocalPort();
    }

    Run run = finalize(recording, "http://localhost:" + nobody, ApiClient.adminToken(), "4");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.output()).contains("retrying").contains("gave up");
    assertThat(recording.resolve("metadata.json")).exists();
  }

  @Test
  void misuseSaysHow() throws Exception {
    Run run = finalize(DATA.resolve("no-such-directory"), "http://localhost:" + port, "x", "5");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.output()).contains("usage");
  }

  /** As Jibri leaves it: {@code <session>/<call>_<date>.mp4} and {@code metadata.json}. */
  private static Path jibriDirectory() throws IOException {
    Path session = Files.createTempDirectory(DATA, "session");
    Files.copy(
        HOME.resolve("samples/meeting.mp4"), session.resolve("WeeklySync_2026-11-26-10-00-00.mp4"));
    Files.writeString(session.resolve("metadata.json"), METADATA, StandardCharsets.UTF_8);
    return session;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  record Run(int exit, String output) {}

  private static Run finalize(Path directory, String url, String token, String budget)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder("bash", SCRIPT.toString(), directory.toString())
            .redirectErrorStream(true);
    Map<String, String> environment = new HashMap<>();
    environment.put("VERBATIM_URL", url);
    environment.put("VERBATIM_TOKEN", token);
    environment.put("VERBATIM_UPLOAD_BUDGET", budget);
    environment.put("VERBATIM_ENV_FILE", "/nonexistent");
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return new Run(process.exitValue(), output);
  }
}
