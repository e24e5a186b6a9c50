package dev.verbatim.server.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.server.ApiClient;
import dev.verbatim.server.ServerProcess;
import dev.verbatim.testsupport.ExternalTool;
import dev.verbatim.testsupport.Media;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Jobs survive the process: killed with SIGKILL in the middle of recognition, or stopped with
 * SIGTERM, the server finishes the meeting after its restart, exactly once.
 */
@Tag("slow")
class JobRecoveryTests {

  private static final Path HOME = Path.of(System.getProperty("verbatim.home", ".."));

  @Test
  void aJobInterruptedByKillAndByShutdownFinishesExactlyOnceAfterRestarts(@TempDir Path dir)
      throws Exception {
    Path recording = longRecording(dir);
    Path data = dir.resolve("data");
    Path log = Path.of("target", "job-recovery-server.log");
    Files.deleteIfExists(log);
    String[] settings = {"verbatim.jobs.lease=3s", "verbatim.jobs.poll=200ms"};

    String id;
    try (ServerProcess first = ServerProcess.start(data, log, settings)) {
      id = first.api.uploadOne(recording, "Long meeting");
      awaitRecognition(first.api, id, 0.15);
      first.kill();
    }
    assertThat(job(data)).containsExactly("running", "1");

    try (ServerProcess second = ServerProcess.start(data, log, settings)) {
      // The dead worker's lease runs out, and the job is claimed again.
      awaitRecognition(second.api, id, 0.15);
      assertThat(second.terminate()).isIn(0, 143);
    }
    // A graceful stop hands the job back; that attempt does not count.
    assertThat(job(data)).containsExactly("queued", "1");

    JsonNode meeting;
    try (ServerProcess third = ServerProcess.start(data, log, settings)) {
      meeting = third.api.awaitFinished(id);
      assertThat(third.api.get("/api/meetings").json().get("total").asLong()).isEqualTo(1);
    }
    assertThat(meeting.get("status").asString()).isEqualTo("done");
    assertThat(job(data)).containsExactly("done", "2");
    Set<String> segmentIds = new HashSet<>();
    meeting.get("segments").forEach(s -> segmentIds.add(s.get("id").asString()));
    assertThat(segmentIds).hasSize(meeting.get("segments").size()).isNotEmpty();
    assertThat(meeting.get("durationMs").asLong()).isGreaterThan(150_000);
  }

  @Test
  void anImportWaitingForItsMinutesWhenTheServerDiesIsFinishedAfterTheRestart(@TempDir Path dir)
      throws Exception {
    Path data = dir.resolve("data");
    Path log = Path.of("target", "job-recovery-import.log");
    Files.deleteIfExists(log);
    Path teams = dir.resolve("teams.vtt");
    try (InputStream in =
        Objects.requireNonNull(getClass().getResourceAsStream("/transcripts/teams.vtt"))) {
      Files.copy(in, teams);
    }

    String id;
    // No worker: the import waits in the queue, as it would while a worker is busy or starting.
    try (ServerProcess first = ServerProcess.start(data, log, "verbatim.jobs.enabled=false")) {
      ApiClient.Response created =
          first.api.multipart(
              "/api/meetings/import", Map.of(), List.of(Map.entry("transcript", teams)));
      assertThat(created.status()).as(created.body()).isEqualTo(202);
      id = created.json().get("id").asString();
      first.kill();
    }
    assertThat(job(data)).containsExactly("queued", "0");

    JsonNode meeting;
    try (ServerProcess second = ServerProcess.start(data, log, "verbatim.jobs.poll=200ms")) {
      meeting = second.api.awaitFinished(id);
    }
    assertThat(meeting.get("status").asString()).isEqualTo("done");
    assertThat(meeting.get("speakers").findValuesAsString("name"))
        .containsExactly("Ana Lima", "Bo Chen");
    assertThat(meeting.get("minutes").get("actionItems").findValuesAsString("owner"))
        .contains("Bo Chen");
    assertThat(job(data)).containsExactly("done", "1");
  }

  /** About three minutes of the sample meeting, four times over. */
  private static Path longRecording(Path dir) {
    Path once =
        Media.convert(
            HOME.resolve("samples/meeting.mp4"),
            dir.resolve("once.wav"),
            "-ar",
            "16000",
            "-ac",
            "1");
    Path four = dir.resolve("long.wav");
    ExternalTool.run(
        List.of(
            "sox",
            once.toString(),
            once.toString(),
            once.toString(),
            once.toString(),
            four.toString()));
    return four;
  }

  private static void awaitRecognition(ApiClient api, String id, double progress) {
    api.awaitMeeting(
        id,
        m ->
            m.get("status").asString().equals("processing")
                && m.get("progress").asDouble() >= progress,
        Duration.ofMinutes(3));
  }

  /**
   * The meeting's jobs as status and attempts, read straight from the stopped server's database.
   */
  private static List<String> job(Path data) throws Exception {
    String url =
        "jdbc:h2:file:"
            + data.toAbsolutePath().resolve("verbatim")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    try (Connection db = DriverManager.getConnection(url, "verbatim", "");
        ResultSet rs = db.createStatement().executeQuery("SELECT status, attempts FROM job")) {
      assertThat(rs.next()).as("a job row").isTrue();
      List<String> job = List.of(rs.getString(1), String.valueOf(rs.getInt(2)));
      assertThat(rs.next()).as("only one job").isFalse();
      return job;
    }
  }
}
