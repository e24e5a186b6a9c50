package dev.verbatim.server.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.Segment;
import dev.verbatim.server.ApiClient;
import dev.verbatim.server.TestData;
import dev.verbatim.server.VerbatimApplication;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A job that fails for a reason that may pass is tried again after a delay and then succeeds; one
 * that keeps failing fails for good after the last attempt, with its reason.
 */
@SpringBootTest(
    classes = {VerbatimApplication.class, JobRetryTests.Failures.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "verbatim.jobs.poll=100ms",
      "verbatim.jobs.retry-delay=500ms",
      "verbatim.jobs.max-attempts=2"
    })
@DirtiesContext
class JobRetryTests {

  private static final Path TRACKS =
      Path.of(System.getProperty("verbatim.home", ".."), "samples/tracks");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Failures failures;

  @DynamicPropertySource
  static void data(DynamicPropertyRegistry registry) {
    registry.add("verbatim.data", () -> TestData.directory("verbatim-retry").toString());
  }

  @Test
  void aPassingFailureIsRetriedAndTheMeetingCompletes() {
    ApiClient api = new ApiClient(port);
    failures.failNext("flaky", 1);

    String id = api.uploadOne(TRACKS.resolve("carl.ogg"), "flaky");
    JsonNode meeting = api.awaitFinished(id);

    assertThat(meeting.get("status").asString()).isEqualTo("done");
    assertThat(meeting.get("segments")).isNotEmpty();
    assertThat(attempts(id)).isEqualTo(2);
  }

  @Test
  void aFailureThatDoesNotPassFailsTheMeetingAfterTheLastAttempt() {
    ApiClient api = new ApiClient(port);
    failures.failNext("broken", 5);

    String id =
        api.upload(List.of(TRACKS.resolve("dana.ogg")), Map.of("title", "broken"))
            .json()
            .get("id")
            .asString();
    JsonNode meeting = api.awaitFinished(id);

    assertThat(meeting.get("status").asString()).isEqualTo("failed");
    assertThat(meeting.get("error").asString()).contains("disk hiccup");
    assertThat(attempts(id)).isEqualTo(2);
  }

  private int attempts(String meetingId) {
    return jdbc.sql("SELECT attempts FROM job WHERE meeting_id = :m")
        .param("m", meetingId)
        .query(Integer.class)
        .single();
  }

  /**
   * Fails the corrections of meetings with a given title a given number of times, as a full disk or
   * a lost database connection would.
   */
  @TestConfiguration
  static class Failures implements TranscriptCorrector {
    private final Map<String, AtomicInteger> left = new java.util.concurrent.ConcurrentHashMap<>();
    @Autowired dev.verbatim.server.meeting.MeetingStore meetings;

    void failNext(String title, int times) {
      left.put(title, new AtomicInteger(times));
    }

    @Override
    public Applied correct(String meetingId, List<Segment> segments) {
      AtomicInteger remaining = left.get(meetings.header(meetingId).title());
      if (remaining != null && remaining.getAndDecrement() > 0) {
        throw new IllegalStateException("disk hiccup");
      }
      return new Applied(segments, () -> {});
    }
  }
}
