package dev.verbatim.server.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.server.ApiClient;
import dev.verbatim.server.EventStream;
import dev.verbatim.server.ServerProcess;
import dev.verbatim.testsupport.ExternalTool;
import dev.verbatim.testsupport.Media;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A deployment scaled out: one web process and two worker processes, each its own JVM, on one
 * PostgreSQL database and one media directory. A worker is killed with SIGKILL in the middle of a
 * job; the other finishes it once its lease has run out, and every meeting is processed exactly
 * once, while the browsers of the web process, which runs no job, hear every meeting's progress.
 */
@Tag("slow")
class WorkerProcessesTests {

  private static final Path HOME = Path.of(System.getProperty("verbatim.home", ".."));
  private static final int SHORT_MEETINGS = 9;

  @Test
  void twoWorkersProcessEveryMeetingExactlyOnceWhenOneIsKilledMidJob(@TempDir Path dir)
      throws Exception {
    Path longOne = longRecording(dir);
    List<Path> shorts = shortRecordings(dir);
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      try (ServerProcess web = start("web", "384m", data, dir, url, "verbatim.jobs.watch=250ms");
          ServerProcess first = start("worker", "512m", data, dir, url);
          ServerProcess second = start("worker", "512m", data, dir, url);
          EventStream events = EventStream.open(web.api, "/api/events")) {
        assertThat(first.api.get("/api/meetings").status())
            .as("a worker serves no API")
            .isEqualTo(404);
        assertThat(first.api.get("/api/health").json().get("role").asString()).isEqualTo("worker");

        String longId = web.api.uploadOne(longOne, "Long meeting");
        List<String> ids = new ArrayList<>();
        ids.add(longId);
        for (int i = 0; i < shorts.size(); i++) {
          ids.add(web.api.uploadOne(shorts.get(i), "Short meeting " + (i + 1)));
        }
        assertThat(new HashSet<>(ids)).as("ten distinct meetings").hasSize(1 + SHORT_MEETINGS);
        // The web process, which runs no jobs, shows a worker's progress.
        awaitProgress(web.api, longId, 0.15);
        ServerProcess victim = runnerOf(postgres, longId) == first.pid() ? first : second;
        ServerProcess survivor = victim == first ? second : first;
        victim.kill();

        for (String id : ids) {
          JsonNode meeting = web.api.awaitFinished(id);
          assertThat(meeting.get("status").asString()).as(id).isEqualTo("done");
          Set<String> segmentIds = new HashSet<>();
          meeting.get("segments").forEach(s -> segmentIds.add(s.get("id").asString()));
          assertThat(segmentIds).as(id).hasSize(meeting.get("segments").size()).isNotEmpty();
        }

        Map<String, Job> jobs = jobs(postgres);
        assertThat(jobs).containsOnlyKeys(ids);
        jobs.forEach((id, job) -> assertThat(job.status()).as(id).isEqualTo("done"));
        assertThat(jobs.get(longId).attempts()).isEqualTo(2);
        assertThat(jobs.get(longId).worker()).startsWith(survivor.pid() + "@");
        assertThat(jobs.values())
            .as("the web process runs no job")
            .allSatisfy(
                job ->
                    assertThat(job.worker())
                        .matches("(" + first.pid() + "|" + second.pid() + ")@.*"));
        ids.stream().skip(1).forEach(id -> assertThat(jobs.get(id).attempts()).as(id).isEqualTo(1));
        assertThat(segmentRows(postgres))
            .as("one stored result per meeting")
            .containsOnlyKeys(ids)
            .allSatisfy((id, rows) -> assertThat(rows).isPositive());

        for (String id : ids) {
          events.await(
              e ->
                  e.get("meetingId").asString().equals(id)
                      && e.get("type").asString().equals("done"),
              Duration.ofMinutes(1));
        }
        assertThat(events.of(longId, "progress"))
            .as("the long meeting's progress, from both of its workers")
            .extracting(e -> e.get("progress").asDouble())
            .anySatisfy(p -> assertThat(p).isGreaterThanOrEqualTo(0.15));
      }
    }
  }

  private static ServerProcess start(
      String role, String heap, Path data, Path dir, String url, String... more) {
    List<String> settings =
        new ArrayList<>(
            List.of(
                "spring.datasource.url=" + url,
                "spring.datasource.username=postgres",
                "spring.datasource.password=",
                "spring.datasource.hikari.minimum-idle=2",
                // Each process keeps its own search index; the media directory is shared.
                "verbatim.search.index-dir="
                    + dir.resolve("index-" + role + "-" + System.nanoTime()),
                "verbatim.jobs.lease=3s",
                "verbatim.jobs.poll=200ms",
                // Two workers on a small machine: one recognition thread each.
                "verbatim.transcribe.workers=1"));
    settings.addAll(List.of(more));
    Path log = Path.of("target", "worker-processes-" + role + ".log");
    return ServerProcess.startAs(role, heap, data, log, settings.toArray(String[]::new));
  }

  private static void awaitProgress(ApiClient api, String id, double progress) {
    api.awaitMeeting(
        id,
        m ->
            m.get("status").asString().equals("processing")
                && m.get("progress").asDouble() >= progress,
        Duration.ofMinutes(3));
  }

  /** The process id of the worker that holds the meeting's job. */
  private static long runnerOf(EmbeddedPostgres postgres, String meetingId) throws Exception {
    try (Connection db = postgres.getPostgresDatabase().getConnection();
        var statement =
            db.prepareStatement(
                "SELECT worker FROM job WHERE meeting_id = ? AND status = 'running'")) {
      statement.setString(1, meetingId);
      try (ResultSet rs = statement.executeQuery()) {
        assertThat(rs.next()).as("a running job of " + meetingId).isTrue();
        String worker = rs.getString(1);
        return Long.parseLong(worker.substring(0, worker.indexOf('@')));
      }
    }
  }

  private record Job(String status, int attempts, String worker) {}

  private static Map<String, Job> jobs(EmbeddedPostgres postgres) throws Exception {
    Map<String, Job> jobs = new HashMap<>();
    try (Connection db = postgres.getPostgresDatabase().getConnection();
        ResultSet rs =
            db.createStatement()
                .executeQuery("SELECT meeting_id, status, attempts, worker FROM job")) {
      while (rs.next()) {
        Job previous =
            jobs.put(rs.getString(1), new Job(rs.getString(2), rs.getInt(3), rs.getString(4)));
        assertThat(previous).as("one job for meeting " + rs.getString(1)).isNull();
      }
    }
    return jobs;
  }

  /** Stored segments per meeting. */
  private static Map<String, Integer> segmentRows(EmbeddedPostgres postgres) throws Exception {
    Map<String, Integer> rows = new LinkedHashMap<>();
    try (Connection db = postgres.getPostgresDatabase().getConnection();
        ResultSet rs =
            db.createStatement()
                .executeQuery("SELECT meeting_id, COUNT(*) FROM segment GROUP BY meeting_id")) {
      while (rs.next()) {
        rows.put(rs.getString(1), rs.getInt(2));
      }
    }
    return rows;
  }

  /** The sample meeting twice over (96 s): long enough to be killed in the middle of. */
  private static Path longRecording(Path dir) {
    Path once = sample(dir);
    Path twice = dir.resolve("long.wav");
    ExternalTool.run(List.of("sox", once.toString(), once.toString(), twice.toString()));
    return twice;
  }

  /**
   * Five seconds each, from different places of the sample, so none repeats another (a repeat would
   * be taken for the meeting already uploaded).
   */
  private static List<Path> shortRecordings(Path dir) {
    Path once = sample(dir);
    List<Path> shorts = new ArrayList<>();
    for (int i = 0; i < SHORT_MEETINGS; i++) {
      Path piece = dir.resolve("short-" + i + ".wav");
      ExternalTool.run(
          List.of(
              "sox", once.toString(), piece.toString(), "trim", String.valueOf(1 + i * 5), "5"));
      shorts.add(piece);
    }
    return shorts;
  }

  private static Path sample(Path dir) {
    Path once = dir.resolve("once.wav");
    if (Files.exists(once)) {
      return once;
    }
    return Media.convert(HOME.resolve("samples/meeting.mp4"), once, "-ar", "16000", "-ac", "1");
  }
}
