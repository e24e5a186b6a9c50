package dev.verbatim.server.transcriptimport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.server.ApiClient;
import dev.verbatim.server.TestData;
import dev.verbatim.server.VerbatimApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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
    properties = "verbatim.jobs.enabled=false")
class JibriFinalizeScriptTests {

  static final Path DATA = TestData.directory("verbatim-jibri");
  static final Path HOME = Path.of(System.getProperty("verbatim.home", ".."));
  static final Path SCRIPT = HOME.resolve("docker/jitsi/finalize.sh");
  static final String METADATA =
      """
      {"meeting_url": "https://meet.example.com/WeeklySync",
       "participants": [{"user": {"id": "u1", "name": "Ann Lee", "email": "ann@example.com"}},
                        {"user": {"id": "u2", "name": "Bo Chen"}}],
       "share": true}
      """;

  @DynamicPropertySource
  static void data(DynamicPropertyRegistry registry) {
    registry.add("verbatim.data", DATA::toString);
  }

  @LocalServerPort int port;

  @Test
  void aFinishedRecordingIsUploadedWithTheRoomAsTitleAndItsDirectoryRemoved() throws Exception {
    Path recording = jibriDirectory();

    Run run = finalize(recording, "http://localhost:" + port, ApiClient.adminToken(), "60");

    assertThat(run.exit()).as(run.output()).isZero();
    assertThat(run.output()).contains("uploaded");
    assertThat(recording).doesNotExist();
    String id = run.output().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
    JsonNode meeting = new ApiClient(port).get("/api/meetings/" + id).json();
    assertThat(meeting.get("title").asString()).isEqualTo("Weekly sync");
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
