package dev.verbatim.server.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.search.MeetingIndex;
import dev.verbatim.search.SearchQuery;
import dev.verbatim.server.ApiClient;
import dev.verbatim.server.ApiClient.Response;
import dev.verbatim.server.TestData;
import dev.verbatim.server.VerbatimApplication;
import dev.verbatim.server.WebSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Retention against real H2, real recordings and the real job: the job runs with a clock set days
 * ahead, and what it deletes (and keeps) is checked on disk, in the API, the page, the index and
 * the audit trail.
 */
@SpringBootTest(
    classes = VerbatimApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "verbatim.jobs.poll=200ms",
      "verbatim.retention.media-days=30",
      "verbatim.retention.meeting-days=90"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetentionTests {

  static final Path DATA = TestData.directory("verbatim-retention");
  static final Path TRACKS =
      Path.of(System.getProperty("verbatim.home", "..")).resolve("samples/tracks");

  @DynamicPropertySource
  static void data(DynamicPropertyRegistry registry) {
    registry.add("verbatim.data", DATA::toString);
  }

  @LocalServerPort int port;
  @Autowired RetentionJob retention;
  @Autowired MeetingIndex index;
  @Autowired JdbcClient jdbc;

  ApiClient api;
  String ana;
  String bob;

  /** A meeting whose job is (as far as retention can tell) still running. */
  String busy;

  Instant uploaded;
  String word;

  @BeforeAll
  void uploadMeetings() throws IOException {
    api = new ApiClient(port);
    uploaded = Instant.now();
    ana = api.uploadOne(TRACKS.resolve("ana.ogg"), "Ana's update");
    bob = api.uploadOne(TRACKS.resolve("bob.ogg"), "Bob's update");
    Path fake = Files.createTempFile(DATA, "recording", ".wav");
    Files.writeString(fake, "not really audio " + UUID.randomUUID(), StandardCharsets.UTF_8);
    busy = api.uploadOne(fake, "Still busy");
    assertThat(api.awaitFinished(ana).get("status").asString()).isEqualTo("done");
    assertThat(api.awaitFinished(bob).get("status").asString()).isEqualTo("done");
    api.awaitFinished(busy);
    jdbc.sql("UPDATE meeting SET status = 'processing' WHERE id = :id").param("id", busy).update();
    word = longestWord(api.get("/api/meetings/" + ana).json());
  }

  static String longestWord(JsonNode meeting) {
    String longest = "";
    for (JsonNode segment : meeting.get("segments")) {
      for (String w : segment.get("text").asString().split("\\W+")) {
        if (w.length() > longest.length()) {
          longest = w.toLowerCase(Locale.ROOT);
        }
      }
    }
    assertThat(longest).as("the recording has words").isNotEmpty();
    return longest;
  }

  Clock daysLater(int days) {
    return Clock.fixed(uploaded.plus(Duration.ofDays(days)), ZoneOffset.UTC);
  }

  Path media(String meetingId) {
    return DATA.resolve("media").resolve(meetingId);
  }

  List<JsonNode> audit(String action, String target) {
    List<JsonNode> items = new ArrayList<>();
    api.get("/api/audit?action=" + action + "&target=" + target)
        .json()
        .get("items")
        .forEach(items::add);
    return items;
  }

  @Test
  @Order(1)
  void eachMeetingSaysWhenItsRecordingAndItWillBeDeleted() {
    JsonNode meeting = api.get("/api/meetings/" + ana).json();
    JsonNode kept = meeting.get("retention");
    Instant mediaAfter = Instant.parse(kept.get("mediaDeleteAfter").asString());
    Instant meetingAfter = Instant.parse(kept.get("meetingDeleteAfter").asString());

    assertThat(kept.get("mediaDeletedAt").isNull()).isTrue();
    assertThat(Duration.between(uploaded, mediaAfter))
        .isBetween(Duration.ofDays(30).minusMinutes(10), Duration.ofDays(30).plusMinutes(10));
    assertThat(Duration.between(mediaAfter, meetingAfter)).isEqualTo(Duration.ofDays(60));
    String page =
        WebSession.signedIn(port, ApiClient.adminEmail(), ApiClient.adminPassword())
            .get("/meetings/" + ana)
            .body();
    assertThat(page)
        .contains("Recording will be deleted on " + mediaAfter.toString().substring(0, 10))
        .contains("This meeting will be deleted on " + meetingAfter.toString().substring(0, 10))
        .contains("id=\"player\"");
  }

  @Test
  @Order(2)
  void aPlayerSeekingIsRecordedOnceNotPerRangeRequest() {
    for (int i = 0; i < 4; i++) {
      Response range = api.get("/api/meetings/" + ana + "/media", "Range", "bytes=" + i * 10 + "-");
      assertThat(range.status()).isEqualTo(206);
    }
    assertThat(api.get("/api/meetings/" + ana + "/export/md").status()).isEqualTo(200);

    assertThat(audit("meeting.media", ana)).hasSize(1);
    assertThat(audit("meeting.export", ana))
        .singleElement()
        .satisfies(r -> assertThat(r.get("detail").asString()).isEqualTo("format=md"));
  }

  @Test
  @Order(3)
  void recordingsOlderThanMediaDaysGoAndTheTranscriptStays() {
    assertThat(media(ana)).isDirectory();

    assertThat(retention.run(daysLater(29))).isEqualTo(new RetentionJob.Outcome(0, 0));
    RetentionJob.Outcome outcome = retention.run(daysLater(31));

    assertThat(outcome).isEqualTo(new RetentionJob.Outcome(0, 2));
    assertThat(media(ana)).doesNotExist();
    assertThat(media(bob)).doesNotExist();
    assertThat(media(busy)).as("a meeting with a running job is left alone").isDirectory();
    JsonNode meeting = api.get("/api/meetings/" + ana).json();
    assertThat(meeting.get("retention").get("mediaDeletedAt").asString())
        .startsWith(uploaded.plus(Duration.ofDays(31)).toString().substring(0, 10));
    assertThat(meeting.get("retention").get("mediaDeleteAfter").isNull()).isTrue();
    assertThat(meeting.get("playback").isNull()).isTrue();
    assertThat(meeting.get("media").get(0).get("url").isNull()).isTrue();
    assertThat(longestWord(meeting)).isEqualTo(word);
    Response gone = api.get("/api/meetings/" + ana + "/media");
    assertThat(gone.status()).isEqualTo(410);
    assertThat(gone.header("Content-Type")).contains("problem+json");
    assertThat(gone.json().get("detail").asString()).contains("removed by the retention policy");
    assertThat(api.get("/api/meetings/" + ana + "/media?file=0").status()).isEqualTo(410);
    assertThat(api.get("/api/meetings/" + ana + "/export/md").body()).containsIgnoringCase(word);
    assertThat(api.post("/api/meetings/" + ana + "/reprocess", Map.of()).status()).isEqualTo(409);
    assertThat(index.search(SearchQuery.of(word)).hits())
        .anySatisfy(h -> assertThat(h.meetingId()).isEqualTo(ana));
    String page =
        WebSession.signedIn(port, ApiClient.adminEmail(), ApiClient.adminPassword())
            .get("/meetings/" + ana)
            .body();
    assertThat(page)
        .contains("Recording removed by the retention policy on")
        .doesNotContain("id=\"player\"");
    JsonNode record = audit("retention.media-delete", ana).get(0);
    assertThat(record.get("actor").asString()).isEqualTo("system");
    assertThat(record.get("actorId").isNull()).isTrue();
    assertThat(retention.run(daysLater(32))).isEqualTo(new RetentionJob.Outcome(0, 0));
  }

  @Test
  @Order(4)
  void meetingsOlderThanMeetingDaysGoEntirely() {
    RetentionJob.Outcome outcome = retention.run(daysLater(91));

    assertThat(outcome).isEqualTo(new RetentionJob.Outcome(2, 0));
    assertThat(api.get("/api/meetings/" + ana).status()).isEqualTo(404);
    assertThat(api.get("/api/meetings/" + bob).status()).isEqualTo(404);
    assertThat(api.get("/api/meetings/" + busy).status()).isEqualTo(200);
    assertThat(media(busy)).isDirectory();
    assertThat(index.search(SearchQuery.of(word)).hits())
        .noneSatisfy(h -> assertThat(h.meetingId()).isEqualTo(ana));
    assertThat(audit("retention.meeting-delete", ana))
        .singleElement()
        .satisfies(r -> assertThat(r.get("actor").asString()).isEqualTo("system"));
    assertThat(audit("retention.meeting-delete", bob)).hasSize(1);
  }
}
