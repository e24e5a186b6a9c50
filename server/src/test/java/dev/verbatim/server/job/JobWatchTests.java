package dev.verbatim.server.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.server.ApiClient;
import dev.verbatim.server.EventStream;
import dev.verbatim.server.StoredMeetings;
import dev.verbatim.server.TestData;
import dev.verbatim.server.VerbatimApplication;
import dev.verbatim.server.meeting.MeetingChanged;
import dev.verbatim.server.meeting.MeetingStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A web process hears of the jobs other processes run through the job table: their progress, end
 * and failure reach its browsers, and a finished one counts as a processed meeting here. The other
 * process is played by writing the job rows as a worker does.
 */
@SpringBootTest(
    classes = VerbatimApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"verbatim.role=web", "verbatim.jobs.watch=100ms"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobWatchTests {

  static final Path DATA = TestData.directory("verbatim-job-watch");

  @DynamicPropertySource
  static void data(DynamicPropertyRegistry registry) {
    registry.add("verbatim.data", DATA::toString);
  }

  @LocalServerPort int port;
  @Autowired MeetingStore meetings;
  @Autowired ApplicationEventPublisher publisher;
  @Autowired JdbcClient jdbc;
  @Autowired JobRunner runner;
  @Autowired ConfigurableApplicationContext context;

  final ConcurrentLinkedQueue<MeetingChanged> changes = new ConcurrentLinkedQueue<>();
  ApiClient api;
  StoredMeetings stored;

  @BeforeAll
  void listen() {
    api = new ApiClient(port);
    stored = new StoredMeetings(meetings, publisher, DATA);
    context.addApplicationListener(
        (ApplicationListener<PayloadApplicationEvent<MeetingChanged>>)
            event -> changes.add(event.getPayload()));
  }

  @Test
  void aWebProcessRunsNoJobs() {
    String id = stored.processed(api, "Queued here", List.of(), List.of());

    assertThat(runner.isRunning()).isFalse();
    assertThat(job(id, "status", String.class)).isEqualTo("queued");
  }

  @Test
  void progressAndTheEndOfAJobRunElsewhereReachThisProcesssBrowsers() {
    String id = stored.processed(api, "Run elsewhere", List.of(), List.of());
    changes.clear();
    try (EventStream events = EventStream.open(api, "/api/events")) {
      write(id, "running", "worker-elsewhere", "transcribe", 0.42, null);

      JsonNode progress = events.await(e -> is(e, id, "progress"), Duration.ofSeconds(30));
      assertThat(progress.get("stage").asString()).isEqualTo("transcribe");
      assertThat(progress.get("progress").asDouble()).isEqualTo(0.42);

      write(id, "done", "worker-elsewhere", "index", 1, null);

      events.await(e -> is(e, id, "done"), Duration.ofSeconds(30));
      assertThat(changes).contains(new MeetingChanged(id, MeetingChanged.Change.PROCESSED));
      assertThat(events.of(id, "progress")).as("each state is told once").hasSize(1);
    }
  }

  @Test
  void aFailureElsewhereReachesThisProcesssBrowsersWithItsReason() {
    String id = stored.processed(api, "Fails elsewhere", List.of(), List.of());
    try (EventStream events = EventStream.open(api, "/api/events")) {
      write(id, "failed", "worker-elsewhere", "transcribe", 0.5, "The recording is silent.");

      JsonNode failed = events.await(e -> is(e, id, "failed"), Duration.ofSeconds(30));
      assertThat(failed.get("error").asString()).isEqualTo("The recording is silent.");
    }
  }

  @Test
  void jobsThisProcessRunsAreNotToldTwice() {
    String id = stored.processed(api, "Run here", List.of(), List.of());
    String other = stored.processed(api, "Run elsewhere too", List.of(), List.of());
    try (EventStream events = EventStream.open(api, "/api/events")) {
      write(id, "running", runner.worker(), "transcribe", 0.3, null);
      write(other, "running", "worker-elsewhere", "transcribe", 0.3, null);

      // Rows are read in the order they changed: once the later one is told, the earlier was seen.
      events.await(e -> is(e, other, "progress"), Duration.ofSeconds(30));
      assertThat(events.of(id, "progress")).isEmpty();
    }
  }

  private static boolean is(JsonNode event, String meetingId, String type) {
    return event.get("meetingId").asString().equals(meetingId)
        && event.get("type").asString().equals(type);
  }

  /** Writes the meeting's job as a worker in another process would. */
  private void write(
      String meetingId,
      String status,
      String worker,
      String stage,
      double progress,
      @org.jspecify.annotations.Nullable String error) {
    jdbc.sql(
            """
            UPDATE job SET status = :status, worker = :worker, stage = :stage,
                   progress = :progress, error = :error, updated_at = :now
            WHERE meeting_id = :meeting
            """)
        .param("status", status)
        .param("worker", worker)
        .param("stage", stage)
        .param("progress", progress)
        .param("error", error)
        .param("now", Instant.now().atOffset(ZoneOffset.UTC))
        .param("meeting", meetingId)
        .update();
  }

  private <T> T job(String meetingId, String column, Class<T> type) {
    return jdbc.sql("SELECT " + column + " FROM job WHERE meeting_id = :m")
        .param("m", meetingId)
        .query(type)
        .single();
  }
}
