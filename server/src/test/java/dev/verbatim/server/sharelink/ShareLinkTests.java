package dev.verbatim.server.sharelink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.Meeting;
import dev.verbatim.core.Minutes;
import dev.verbatim.core.Segment;
import dev.verbatim.core.Sentence;
import dev.verbatim.core.Source;
import dev.verbatim.core.Speaker;
import dev.verbatim.core.SummaryPoint;
import dev.verbatim.core.Word;
import dev.verbatim.server.ApiClient;
import dev.verbatim.server.ApiClient.Response;
import dev.verbatim.server.Members;
import dev.verbatim.server.Members.Member;
import dev.verbatim.server.MovableClock;
import dev.verbatim.server.TestData;
import dev.verbatim.server.VerbatimApplication;
import dev.verbatim.server.account.Accounts;
import dev.verbatim.server.meeting.MeetingChanged;
import dev.verbatim.server.meeting.MeetingStatus;
import dev.verbatim.server.meeting.MeetingStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Read-only share links against the real server: made by owners and admins only, shown once, never
 * listed with their tokens, revoked and expired at once with a page that says so, minutes only or
 * with transcript and recording, downloads only where allowed, and every look in the audit trail.
 * Jobs do not run: meetings get their transcript the way a finished job stores it, and the
 * application runs on a clock the tests move.
 */
@SpringBootTest(
    classes = VerbatimApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "verbatim.jobs.enabled=false")
@Import(MovableClock.Time.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShareLinkTests {

  static final Path DATA = TestData.directory("verbatim-share-links");
  static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

  /** Said in the transcript only, never in the minutes. */
  static final String SPOKEN = "zeppelinhangar";

  @DynamicPropertySource
  static void data(DynamicPropertyRegistry registry) {
    registry.add("verbatim.data", DATA::toString);
  }

  @LocalServerPort int port;
  @Autowired MeetingStore meetings;
  @Autowired ApplicationEventPublisher publisher;
  @Autowired JdbcClient jdbc;
  @Autowired MovableClock clock;

  ApiClient admin;
  ApiClient anonymous;
  Member owner;

  @BeforeAll
  void accounts() {
    admin = new ApiClient(port);
    anonymous = new ApiClient(port, null);
    owner = Members.create(admin, port, "Owner");
  }

  @Test
  void anAnonymousReaderSeesTheMinutesAndTranscriptWithNoEditingAndNoWayElsewhere()
      throws IOException {
    String id = processed(owner.api(), "Budget review");
    String token = link(owner.api(), id, Map.of()).get("token").asString();

    Response page = anonymous.get("/s/" + token, "Accept", HTML);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "Budget review",
            "The budget needs another look",
            "Redo the numbers",
            "Book the room",
            SPOKEN,
            "src=\"/s/" + token + "/media\"",
            "/s/" + token + "/export/pdf")
        .doesNotContain(
            "edit-segment",
            "class=\"icon-button rename",
            "<textarea",
            "<form",
            "id=\"share-meeting\"",
            "id=\"delete-meeting\"",
            "/api/meetings",
            "href=\"/\"",
            "/search");
    assertThat(page.body()).contains("<meta name=\"robots\" content=\"noindex");
    assertThat(page.body().split("class=\"site-header\"", -1)).hasSize(2);
    assertThat(owner.session().get("/meetings/" + id).body().split("class=\"site-header\"", -1))
        .as("the meeting page keeps its one header")
        .hasSize(2);
    assertThat(page.header("X-Robots-Tag")).contains("noindex");
    assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(page.raw().headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("JSESSION"));
  }

  @Test
  void theTokenIsShownOnceAndNeitherListedNorStored() throws IOException {
    String id = processed(owner.api(), "Token meeting");
    JsonNode created = link(owner.api(), id, Map.of("name", "For the board"));
    String token = created.get("token").asString();

    assertThat(token).matches("[A-Za-z0-9_-]{43}");
    assertThat(created.get("url").asString()).endsWith("/s/" + token);
    assertThat(created.get("name").asString()).isEqualTo("For the board");
    assertThat(created.get("state").asString()).isEqualTo("active");
    Response list = owner.api().get("/api/meetings/" + id + "/share-links");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json()).hasSize(1);
    assertThat(list.json().get(0).get("id").asString()).isEqualTo(created.get("id").asString());
    assertThat(list.json().get(0).has("token")).isFalse();
    assertThat(list.body()).doesNotContain(token);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM share_link WHERE token_hash = :h")
                .param("h", Accounts.sha256(token))
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(admin.get("/api/audit.csv?target=" + id).body()).doesNotContain(token);
  }

  @Test
  void aRevokedLinkIsGoneAtOnceWithAPageThatSaysSo() throws IOException {
    String id = processed(owner.api(), "Revoked meeting");
    JsonNode created = link(owner.api(), id, Map.of());
    String token = created.get("token").asString();
    assertThat(anonymous.get("/s/" + token, "Accept", HTML).status()).isEqualTo(200);

    Response revoked =
        owner.api().delete("/api/meetings/" + id + "/share-links/" + created.get("id").asString());

    assertThat(revoked.status()).isEqualTo(204);
    Response page = anonymous.get("/s/" + token, "Accept", HTML);
    assertThat(page.status()).isEqualTo(410);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.body())
        .contains("This link was revoked")
        .doesNotContain("Revoked meeting", "Exception", "at dev.verbatim");
    assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
    Response media = anonymous.get("/s/" + token + "/media");
    assertThat(media.status()).isEqualTo(410);
    assertThat(media.json().get("reason").asString()).isEqualTo("revoked");
    assertThat(anonymous.get("/s/" + token + "/export/md").status()).isEqualTo(410);
    JsonNode listed = owner.api().get("/api/meetings/" + id + "/share-links").json().get(0);
    assertThat(listed.get("state").asString()).isEqualTo("revoked");
    assertThat(listed.get("revokedAt").asString()).isEqualTo(clock.instant().toString());
    assertThat(owner.api().delete("/api/meetings/" + id + "/share-links/sl-unknown").status())
        .isEqualTo(404);
  }

  @Test
  void anExpiredLinkSaysWhenItExpired() throws IOException {
    String id = processed(owner.api(), "Expiring meeting");
    Instant end = clock.instant().plus(Duration.ofDays(2));
    String token =
        link(owner.api(), id, Map.of("expiresAt", end.toString())).get("token").asString();
    JsonNode lasting = link(owner.api(), id, Map.of());
    Map<String, Object> never = new HashMap<>();
    never.put("expiresAt", null);
    JsonNode forever = link(owner.api(), id, never);

    assertThat(lasting.get("expiresAt").asString())
        .isEqualTo(clock.instant().plus(Duration.ofDays(30)).toString());
    assertThat(forever.get("expiresAt").isNull()).isTrue();
    assertThat(anonymous.get("/s/" + token, "Accept", HTML).status()).isEqualTo(200);

    clock.advance(Duration.ofDays(3));

    Response page = anonymous.get("/s/" + token, "Accept", HTML);
    assertThat(page.status()).isEqualTo(410);
    assertThat(page.body())
        .contains("This link has expired", end.atOffset(ZoneOffset.UTC).toLocalDate().toString());
    assertThat(anonymous.get("/s/" + token + "/media").json().get("reason").asString())
        .isEqualTo("expired");
    assertThat(anonymous.get("/s/" + forever.get("token").asString(), "Accept", HTML).status())
        .isEqualTo(200);
    assertThat(link(owner.api(), id, Map.of("expiresAt", "2020-01-01")).get("status").asInt())
        .isEqualTo(400);
  }

  @Test
  void anUnknownLinkGetsANotFoundPageAndClientsAProblem() {
    Response page = anonymous.get("/s/" + "A".repeat(43), "Accept", HTML);
    Response problem = anonymous.get("/s/not-a-token");

    assertThat(page.status()).isEqualTo(404);
    assertThat(page.body()).contains("We couldn’t find that link").doesNotContain("Exception");
    assertThat(problem.status()).isEqualTo(404);
    assertThat(problem.header("Content-Type")).startsWith("application/problem+json");
    assertThat(problem.json().get("reason").asString()).isEqualTo("unknown");
  }

  @Test
  void aLinkToTheMinutesOnlyHidesTheTranscriptAndTheRecording() throws IOException {
    String id = processed(owner.api(), "Minutes only");
    String token = link(owner.api(), id, Map.of("transcript", false)).get("token").asString();

    Response page = anonymous.get("/s/" + token, "Accept", HTML);

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("The budget needs another look", "Redo the numbers")
        .doesNotContain(SPOKEN, "<audio", "<video", "/media");
    assertThat(anonymous.get("/s/" + token + "/media").status()).isEqualTo(404);
    assertThat(anonymous.get("/s/" + token + "/export/vtt").status()).isEqualTo(404);
    assertThat(anonymous.get("/s/" + token + "/export/json").status()).isEqualTo(404);
    Response markdown = anonymous.get("/s/" + token + "/export/md");
    assertThat(markdown.status()).isEqualTo(200);
    assertThat(markdown.body()).contains("Redo the numbers").doesNotContain(SPOKEN);
  }

  @Test
  void downloadsNeedALinkThatAllowsThem() throws IOException {
    String id = processed(owner.api(), "Downloads");
    String closed = link(owner.api(), id, Map.of("exports", false)).get("token").asString();
    String open = link(owner.api(), id, Map.of()).get("token").asString();

    Response refused = anonymous.get("/s/" + closed + "/export/pdf");
    Response pdf = anonymous.get("/s/" + open + "/export/pdf");

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(anonymous.get("/s/" + closed, "Accept", HTML).body()).doesNotContain("/export/");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
    assertThat(pdf.header("Content-Disposition"))
        .startsWith("attachment")
        .contains("Downloads.pdf");
    assertThat(anonymous.get("/s/" + open + "/export/exe").status()).isEqualTo(400);
    assertThat(anonymous.get("/s/" + open + "/export/md").body())
        .as("a link with the transcript downloads it in the minutes")
        .contains(SPOKEN);
  }

  @Test
  void onlyTheOwnerOrAnAdminMakesListsAndRevokesLinks() throws IOException {
    Member viewer = Members.create(admin, port, "Viewer");
    Member editor = Members.create(admin, port, "Editor");
    Member stranger = Members.create(admin, port, "Stranger");
    String id = processed(owner.api(), "Owner's only");
    String path = "/api/meetings/" + id + "/share-links";
    owner.api().put("/api/meetings/" + id + "/shares/" + viewer.id(), Map.of("permission", "view"));
    owner.api().put("/api/meetings/" + id + "/shares/" + editor.id(), Map.of("permission", "edit"));
    String linkId = link(owner.api(), id, Map.of()).get("id").asString();

    assertThat(viewer.api().post(path, Map.of()).status()).isEqualTo(403);
    assertThat(editor.api().post(path, Map.of()).status()).isEqualTo(403);
    assertThat(stranger.api().post(path, Map.of()).status()).isEqualTo(404);
    assertThat(anonymous.post(path, Map.of()).status()).isEqualTo(401);
    assertThat(editor.api().get(path).status()).isEqualTo(403);
    assertThat(editor.api().delete(path + "/" + linkId).status()).isEqualTo(403);
    assertThat(stranger.api().delete(path + "/" + linkId).status()).isEqualTo(404);
    assertThat(admin.post(path, Map.of()).status()).isEqualTo(201);
    assertThat(admin.get(path).json()).hasSize(2);
    assertThat(admin.delete(path + "/" + linkId).status()).isEqualTo(204);
  }

  @Test
  void eachLookIsInTheAuditTrailAsTheLinkOncePerHour() throws IOException {
    String id = processed(owner.api(), "Audited");
    JsonNode created = link(owner.api(), id, Map.of("name", "For Dana"));
    String token = created.get("token").asString();
    String actor = "share link " + created.get("id").asString();

    anonymous.get("/s/" + token, "Accept", HTML);
    anonymous.get("/s/" + token, "Accept", HTML);
    anonymous.get("/s/" + token + "/media", "Range", "bytes=0-3");
    anonymous.get("/s/" + token + "/media", "Range", "bytes=4-7");
    anonymous.get("/s/" + token + "/export/md");

    JsonNode byTheLink = admin.get("/api/audit?actor=" + encode(actor)).json();
    List<String> actions = new ArrayList<>();
    byTheLink.get("items").forEach(r -> actions.add(r.get("action").asString()));
    assertThat(actions)
        .containsExactlyInAnyOrder("share-link.view", "meeting.media", "meeting.export");
    byTheLink.get("items").forEach(r -> assertThat(r.get("targetId").asString()).isEqualTo(id));
    JsonNode made =
        admin.get("/api/audit?action=share-link.create&target=" + id).json().get("items");
    assertThat(made).hasSize(1);
    assertThat(made.get(0).get("actor").asString()).isEqualTo(owner.email());
    assertThat(made.get(0).get("detail").asString())
        .contains(created.get("id").asString(), "transcript=true", "exports=true");
    JsonNode listed = owner.api().get("/api/meetings/" + id + "/share-links").json().get(0);
    assertThat(listed.get("views").asLong()).isEqualTo(2);
    assertThat(listed.get("lastViewedAt").asString()).isEqualTo(clock.instant().toString());

    clock.advance(Duration.ofHours(2));
    anonymous.get("/s/" + token, "Accept", HTML);
    assertThat(
            admin
                .get("/api/audit?action=share-link.view&target=" + id)
                .json()
                .get("total")
                .asLong())
        .isEqualTo(2);
  }

  @Test
  void aHostileTitleShowsAsPlainTextOnTheSharedPage() throws IOException {
    String id = processed(owner.api(), "<script>alert('shared')</script>");
    String token = link(owner.api(), id, Map.of()).get("token").asString();

    String page = anonymous.get("/s/" + token, "Accept", HTML).body();

    assertThat(page)
        .contains("&lt;script&gt;alert(&#39;shared&#39;)&lt;/script&gt;")
        .doesNotContain("<script>alert");
  }

  @Test
  void theSharedRecordingAnswersRangeRequests() throws IOException {
    String id = processed(owner.api(), "Range");
    String token = link(owner.api(), id, Map.of()).get("token").asString();

    Response part = anonymous.get("/s/" + token + "/media", "Range", "bytes=0-3");

    assertThat(part.status()).isEqualTo(206);
    assertThat(part.header("Content-Range")).startsWith("bytes 0-3/");
    assertThat(part.body()).isEqualTo("not ");
    assertThat(part.header("Referrer-Policy")).isEqualTo("no-referrer");
  }

  @Test
  void aRecordingRemovedByRetentionIsSaidSoOnTheSharedPage() throws IOException {
    String id = processed(owner.api(), "Retained");
    String token = link(owner.api(), id, Map.of()).get("token").asString();
    jdbc.sql("UPDATE meeting SET media_deleted_at = :t WHERE id = :id")
        .param("t", clock.instant().atOffset(ZoneOffset.UTC))
        .param("id", id)
        .update();

    Response page = anonymous.get("/s/" + token, "Accept", HTML);

    assertThat(page.body())
        .contains("Recording removed by the retention policy on", SPOKEN)
        .doesNotContain("<audio");
    assertThat(anonymous.get("/s/" + token + "/media").status()).isEqualTo(410);
  }

  @Test
  void deletingTheMeetingDeletesItsLinks() throws IOException {
    String id = processed(owner.api(), "Deleted");
    String token = link(owner.api(), id, Map.of()).get("token").asString();

    assertThat(owner.api().delete("/api/meetings/" + id).status()).isEqualTo(204);

    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM share_link WHERE meeting_id = :id")
                .param("id", id)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(anonymous.get("/s/" + token, "Accept", HTML).status()).isEqualTo(404);
  }

  /** Makes a link; the answer's JSON, or the problem's when it is refused. */
  static JsonNode link(ApiClient api, String meetingId, Map<String, ?> options) {
    Response created = api.post("/api/meetings/" + meetingId + "/share-links", options);
    if (created.status() == 201) {
      assertThat(created.header("Location"))
          .isEqualTo(
              "/api/meetings/" + meetingId + "/share-links/" + created.json().get("id").asString());
    }
    return created.json();
  }

  /** A meeting with minutes, a transcript and a (fake) recording, as a finished job leaves it. */
  String processed(ApiClient api, String title) throws IOException {
    Path file = Files.createTempFile(DATA, "recording", ".wav");
    Files.writeString(file, "not really audio " + UUID.randomUUID(), StandardCharsets.UTF_8);
    String id = api.uploadOne(file, title);
    Segment said =
        new Segment(
            "g1",
            "S1",
            0,
            3_000,
            "the " + SPOKEN + " lease",
            List.of(
                new Word("the", 0, 400, 0.9),
                new Word(SPOKEN, 400, 1_600, 0.9),
                new Word("lease", 1_600, 2_400, 0.9)));
    Meeting meeting =
        new Meeting(
            Meeting.SCHEMA,
            id,
            title,
            LocalDate.of(2025, 3, 14),
            60_000,
            "en",
            new Source(List.of()),
            List.of(new Speaker("S1", "Ana", 3_000)),
            List.of(said),
            new Minutes(
                Minutes.GENERAL,
                List.of(
                    new Sentence(
                        "s1", "S1", 0, 3_000, "The " + SPOKEN + " lease.", false, List.of("g1"))),
                List.of(new SummaryPoint("The budget needs another look", 0, List.of("g1"))),
                List.of(),
                List.of("budget"),
                List.of(),
                List.of(),
                List.of()));
    meetings.saveProcessed(id, meeting);
    meetings.progress(id, MeetingStatus.DONE, null, 1.0);
    publisher.publishEvent(new MeetingChanged(id, MeetingChanged.Change.PROCESSED));
    String items = "/api/meetings/" + id;
    assertThat(api.post(items + "/action-items", Map.of("text", "Redo the numbers")).status())
        .isEqualTo(201);
    assertThat(api.post(items + "/decisions", Map.of("text", "Book the room")).status())
        .isEqualTo(201);
    return id;
  }

  private static String encode(@Nullable String value) {
    return java.net.URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
  }
}
