package dev.verbatim.server.search;

import static dev.verbatim.server.StoredMeetings.action;
import static dev.verbatim.server.StoredMeetings.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.server.ApiClient;
import dev.verbatim.server.ApiClient.Response;
import dev.verbatim.server.Members;
import dev.verbatim.server.StoredMeetings;
import dev.verbatim.server.TestData;
import dev.verbatim.server.VerbatimApplication;
import dev.verbatim.server.meeting.MeetingStore;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The search API over a real database and index: who finds what, the shape of hits and facets,
 * action items by owner and due date, completions, and refused parameters. Jobs do not run: each
 * meeting gets its transcript the way a finished job stores it.
 */
@SpringBootTest(
    classes = VerbatimApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "verbatim.jobs.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiTests {

  static final Path DATA = TestData.directory("verbatim-search");
  static final LocalDate TODAY = LocalDate.now();

  @DynamicPropertySource
  static void data(DynamicPropertyRegistry registry) {
    registry.add("verbatim.data", DATA::toString);
  }

  @LocalServerPort int port;
  @Autowired MeetingStore meetings;
  @Autowired ApplicationEventPublisher publisher;

  StoredMeetings stored;
  ApiClient admin;
  ApiClient ana;
  ApiClient bo;
  String anasMeeting;
  String bosMeeting;

  @BeforeAll
  void twoMembersWithAMeetingEach() throws IOException {
    stored = new StoredMeetings(meetings, publisher, DATA);
    admin = new ApiClient(port);
    ana = member("Ana");
    bo = member("Bo");
    anasMeeting =
        stored.processed(
            ana,
            "Zeppelin budget review",
            List.of(
                line("Ana", 0, "the zeppelin budget needs another look"),
                line("Lin", 12_400, "i will redo the zeppelin numbers by friday")),
            List.of(action("Redo the zeppelin numbers", "Lin", TODAY.with(DayOfWeek.FRIDAY))));
    bosMeeting =
        stored.processed(
            bo,
            "Zeppelin hangar",
            List.of(line("Bo", 0, "the zeppelin hangar lease ends in june")),
            List.of(action("Renew the zeppelin hangar lease", "Lin", TODAY.plusWeeks(3))));
  }

  @Test
  void membersFindOnlyTheMeetingsTheyMaySee() {
    assertThat(meetingsFound(ana, "zeppelin")).containsExactly(anasMeeting);
    assertThat(meetingsFound(bo, "zeppelin")).containsExactly(bosMeeting);
    assertThat(meetingsFound(admin, "zeppelin")).contains(anasMeeting, bosMeeting);
  }

  @Test
  void sharingAMeetingMakesItSearchableForThatPersonAtOnce() {
    String carol = memberId("Carol");
    ApiClient carolApi = clientOf(carol);
    assertThat(meetingsFound(carolApi, "hangar")).isEmpty();

    Response shared =
        bo.put("/api/meetings/" + bosMeeting + "/shares/" + carol, Map.of("permission", "view"));
    assertThat(shared.status()).as(shared.body()).isEqualTo(200);
    assertThat(meetingsFound(carolApi, "hangar")).containsExactly(bosMeeting);

    assertThat(bo.delete("/api/meetings/" + bosMeeting + "/shares/" + carol).status())
        .isEqualTo(204);
    assertThat(meetingsFound(carolApi, "hangar")).isEmpty();
  }

  @Test
  void aHitSaysWhereAndWhenAndLinksToThatSecond() {
    JsonNode page = ana.get("/api/search?q=" + encode("numbers friday")).json();

    assertThat(page.get("total").asLong()).isEqualTo(1);
    JsonNode hit = page.get("hits").get(0);
    assertThat(hit.get("type").asString()).isEqualTo("segment");
    assertThat(hit.get("meetingId").asString()).isEqualTo(anasMeeting);
    assertThat(hit.get("meetingTitle").asString()).isEqualTo("Zeppelin budget review");
    assertThat(hit.get("date").asString()).isEqualTo("2025-03-14");
    assertThat(hit.get("segmentId").asString()).isEqualTo("g2");
    assertThat(hit.get("startMs").asLong()).isEqualTo(12_400);
    assertThat(hit.get("speaker").asString()).isEqualTo("Lin");
    assertThat(hit.get("snippet").asString())
        .isEqualTo("i will redo the zeppelin <mark>numbers</mark> by <mark>friday</mark>");
    assertThat(hit.get("score").asDouble()).isPositive();
    assertThat(hit.get("url").asString())
        .isEqualTo("/meetings/" + anasMeeting + "?t=12.4&q=numbers+friday#segment-g2");
  }

  @Test
  void facetsCountHitsBySpeakerMeetingMonthAndOwner() {
    JsonNode facets =
        admin.get("/api/search?q=zeppelin&meeting=" + anasMeeting).json().get("facets");

    assertThat(values(facets.get("speakers"))).contains("Ana", "Lin");
    assertThat(facets.get("meetings").get(0).get("label").asString())
        .isEqualTo("Zeppelin budget review");
    assertThat(values(facets.get("months"))).containsExactly("2025-03");
    assertThat(values(facets.get("owners"))).containsExactly("Lin");
  }

  @Test
  void filtersNarrowByTypeSpeakerAndDate() {
    assertThat(types(ana.get("/api/search?q=zeppelin&type=action").json())).containsOnly("action");
    assertThat(
            ana.get("/api/search?q=zeppelin&speaker=lin&type=segment").json().get("total").asLong())
        .isEqualTo(1);
    assertThat(ana.get("/api/search?q=zeppelin&from=2025-04-01").json().get("total").asLong())
        .isZero();
    assertThat(
            ana.get("/api/search?q=" + encode("zeppelin before:2025-03-15"))
                .json()
                .get("total")
                .asLong())
        .isPositive();
  }

  @Test
  void openActionItemsForAnOwnerDueThisWeek() {
    JsonNode page =
        admin.get("/api/action-items/search?owner=lin&status=open&due=this-week").json();

    List<String> texts = new ArrayList<>();
    page.get("hits").forEach(hit -> texts.add(hit.get("snippet").asString()));
    assertThat(texts).containsExactly("Redo the zeppelin numbers");
    JsonNode item = page.get("hits").get(0);
    assertThat(item.get("actionItemId").asString()).isEqualTo("a1");
    assertThat(item.get("status").asString()).isEqualTo("open");
    assertThat(item.get("due").asString()).isEqualTo(TODAY.with(DayOfWeek.FRIDAY).toString());
    // Both of Lin's items, soonest first, when no period is given.
    JsonNode all = admin.get("/api/action-items/search?owner=Lin").json();
    assertThat(all.get("total").asLong()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void suggestionsCompleteNamesAndKeywordsFromVisibleMeetingsOnly() {
    JsonNode anas = ana.get("/api/search/suggestions?q=li").json();
    assertThat(anas.get(0).get("text").asString()).isEqualTo("Lin");
    assertThat(anas.get(0).get("kind").asString()).isEqualTo("speaker");
    assertThat(bo.get("/api/search/suggestions?q=an").json()).isEmpty();
  }

  @Test
  void deletedMeetingsAreNeverFound() throws IOException {
    String doomed =
        stored.processed(ana, "Doomed", List.of(line("Ana", 0, "the xylophone order")), List.of());
    assertThat(meetingsFound(ana, "xylophone")).containsExactly(doomed);

    assertThat(ana.delete("/api/meetings/" + doomed).status()).isEqualTo(204);

    assertThat(meetingsFound(ana, "xylophone")).isEmpty();
    assertThat(meetingsFound(admin, "xylophone")).isEmpty();
  }

  @Test
  void badParametersAreRefusedWithTheReason() {
    for (String query :
        List.of(
            "q=x&type=minutes",
            "q=x&from=yesterday",
            "q=x&size=1000",
            "q=x&page=-1",
            "q=x&sort=best",
            "q=x&status=finished",
            "q=x&from=2025-05-01&to=2025-04-01")) {
      Response response = ana.get("/api/search?" + query);
      assertThat(response.status()).as(query).isEqualTo(400);
      assertThat(response.header("Content-Type")).as(query).startsWith("application/problem+json");
      assertThat(response.json().get("detail").asString()).as(query).isNotBlank();
    }
    assertThat(ana.get("/api/action-items/search?due=someday").status()).isEqualTo(400);
  }

  @Test
  void hostileQueriesAreSearchedNotExecuted() {
    for (String query :
        List.of(
            "\"unclosed",
            "AND OR",
            "<script>alert(1)</script>",
            "'; DROP TABLE meeting; --",
            "title:")) {
      Response response = ana.get("/api/search?q=" + encode(query));
      assertThat(response.status()).as(query).isEqualTo(200);
    }
    assertThat(meetingsFound(ana, "zeppelin")).containsExactly(anasMeeting);
  }

  // ---- helpers ----

  private List<String> meetingsFound(ApiClient api, String query) {
    Response response = api.get("/api/search?q=" + encode(query));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    response
        .json()
        .get("hits")
        .forEach(
            hit -> {
              String id = hit.get("meetingId").asString();
              if (!ids.contains(id)) {
                ids.add(id);
              }
            });
    return ids;
  }

  private static List<String> values(JsonNode counts) {
    List<String> values = new ArrayList<>();
    counts.forEach(count -> values.add(count.get("value").asString()));
    return values;
  }

  private static List<String> types(JsonNode page) {
    List<String> types = new ArrayList<>();
    page.get("hits").forEach(hit -> types.add(hit.get("type").asString()));
    return types;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private final Map<String, ApiClient> clients = new HashMap<>();

  private ApiClient member(String name) {
    return clientOf(memberId(name));
  }

  private ApiClient clientOf(String userId) {
    return clients.get(userId);
  }

  /** A new member with an API token of every scope; returns their user id. */
  private String memberId(String name) {
    Members.Member member = Members.create(admin, port, name);
    clients.put(member.id(), member.api());
    return member.id();
  }
}
