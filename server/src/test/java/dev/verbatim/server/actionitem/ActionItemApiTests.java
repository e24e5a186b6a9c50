package dev.verbatim.server.actionitem;

import static dev.verbatim.server.StoredMeetings.action;
import static dev.verbatim.server.StoredMeetings.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.ActionItem;
import dev.verbatim.server.ApiClient;
import dev.verbatim.server.ApiClient.Response;
import dev.verbatim.server.Members;
import dev.verbatim.server.StoredMeetings;
import dev.verbatim.server.TestData;
import dev.verbatim.server.VerbatimApplication;
import dev.verbatim.server.meeting.MeetingStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
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
 * The action-items API as a task system uses it: listing with filters and cursors, one item with
 * its ETag, moving it along with If-Match, and the status showing in the meeting and its exports.
 */
@SpringBootTest(
    classes = VerbatimApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "verbatim.jobs.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionItemApiTests {

  static final Path DATA = TestData.directory("verbatim-action-items");
  static final LocalDate FRIDAY = LocalDate.of(2025, 3, 21);

  @DynamicPropertySource
  static void data(DynamicPropertyRegistry registry) {
    registry.add("verbatim.data", DATA::toString);
  }

  @LocalServerPort int port;
  @Autowired MeetingStore meetings;
  @Autowired ApplicationEventPublisher publisher;

  StoredMeetings stored;
  ApiClient admin;
  Members.Member ana;
  Members.Member bo;
  String anasMeeting;
  String bosMeeting;

  @BeforeAll
  void twoMembersWithAMeetingEach() {
    stored = new StoredMeetings(meetings, publisher, DATA);
    admin = new ApiClient(port);
    ana = Members.create(admin, port, "Ana");
    bo = Members.create(admin, port, "Bo");
    anasMeeting =
        stored.processed(
            ana.api(),
            "Budget review",
            List.of(
                line("Ana", 0, "the budget needs another look"),
                line("Lin", 12_400, "i will redo the numbers by friday")),
            List.of(
                action("a1", "Redo the numbers", "Lin", FRIDAY, 12_400),
                action("a2", "Book the room", "Ana", null, 30_000)));
    bosMeeting =
        stored.processed(
            bo.api(),
            "Hangar lease",
            List.of(line("Bo", 0, "the hangar lease ends in june")),
            List.of(action("a1", "Renew the hangar lease", "Lin", FRIDAY.plusWeeks(3), 0)));
  }

  @Test
  void membersListOnlyTheItemsOfMeetingsTheyMaySee() {
    assertThat(meetingsOf(list(ana.api(), ""))).containsOnly(anasMeeting);
    assertThat(meetingsOf(list(bo.api(), ""))).containsOnly(bosMeeting);
    assertThat(meetingsOf(list(admin, ""))).contains(anasMeeting, bosMeeting);
  }

  @Test
  void anItemSaysWhatWhoWhenAndLinksToTheSecondItWasSaid() {
    Response response = ana.api().get("/api/action-items/" + anasMeeting + ".a1");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode item = response.json();
    assertThat(item.get("id").asString()).isEqualTo(anasMeeting + ".a1");
    assertThat(item.get("text").asString()).isEqualTo("Redo the numbers");
    assertThat(item.get("owner").asString()).isEqualTo("Lin");
    assertThat(item.get("due").asString()).isEqualTo("2025-03-21");
    assertThat(item.get("status").asString()).isEqualTo("open");
    assertThat(item.get("quote").asString()).isEqualTo("Redo the numbers");
    assertThat(item.get("meetingTitle").asString()).isEqualTo("Budget review");
    assertThat(item.get("link").asString())
        .isEqualTo(ana.api().base() + "/meetings/" + anasMeeting + "?t=12.4");
    assertThat(response.header("ETag")).isEqualTo("\"" + item.get("version").asInt() + "\"");
  }

  @Test
  void filtersNarrowByOwnerStatusDueDateAndMeeting() {
    assertThat(textsOf(list(admin, "owner=lin&meeting=" + anasMeeting)))
        .containsExactly("Redo the numbers");
    assertThat(textsOf(list(ana.api(), "dueBefore=2025-03-22")))
        .containsExactly("Redo the numbers");
    assertThat(textsOf(list(ana.api(), "dueAfter=2025-03-21"))).isEmpty();
    assertThat(textsOf(list(bo.api(), "dueAfter=2025-03-21")))
        .containsExactly("Renew the hangar lease");
    assertThat(textsOf(list(ana.api(), "status=dismissed,in_progress"))).isEmpty();
    assertThat(list(ana.api(), "status=finished").status()).isEqualTo(400);
    assertThat(list(ana.api(), "dueBefore=friday").status()).isEqualTo(400);
  }

  @Test
  void aCursorVisitsEveryItemOnceAndUpdatedSinceSkipsWhatDidNotChange() {
    Members.Member cy = Members.create(admin, port, "Cy");
    List<ActionItem> seven =
        IntStream.rangeClosed(1, 7)
            .mapToObj(i -> action("a" + i, "Task " + i, "Cy", null, i * 1_000L))
            .toList();
    String meeting =
        stored.processed(cy.api(), "Seven tasks", List.of(line("Cy", 0, "seven things")), seven);
    Instant before = Instant.now();

    List<String> seen = new ArrayList<>();
    String query = "limit=3";
    int pages = 0;
    while (true) {
      Response page = list(cy.api(), query);
      assertThat(page.status()).as(page.body()).isEqualTo(200);
      seen.addAll(textsOf(page));
      pages++;
      JsonNode next = page.json().get("nextCursor");
      if (next == null || next.isNull()) {
        assertThat(page.header("Link")).isEmpty();
        break;
      }
      assertThat(page.header("Link")).contains("rel=\"next\"").contains("cursor=");
      query = "limit=3&cursor=" + next.asString();
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen)
        .containsExactlyInAnyOrder(seven.stream().map(ActionItem::text).toArray(String[]::new));

    assertThat(patch(cy.api(), meeting + ".a4", Map.of("status", "done")).status()).isEqualTo(200);
    assertThat(textsOf(list(cy.api(), "updatedSince=" + before))).containsExactly("Task 4");
    assertThat(list(cy.api(), "cursor=not-a-cursor").status()).isEqualTo(400);
  }

  @Test
  void aTaskSystemMarksAnItemDoneAndTheMeetingAndItsExportsShowIt() {
    String id = anasMeeting + ".a2";
    Response done =
        patch(
            ana.api(),
            id,
            Map.of(
                "status", "done", "externalId", "JIRA-42", "externalUrl", "https://jira/JIRA-42"));

    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.json().get("status").asString()).isEqualTo("done");
    assertThat(done.json().get("externalId").asString()).isEqualTo("JIRA-42");
    assertThat(done.header("ETag")).isEqualTo("\"" + done.json().get("version").asInt() + "\"");

    JsonNode meeting = ana.api().get("/api/meetings/" + anasMeeting).json();
    JsonNode items = meeting.get("minutes").get("actionItems");
    assertThat(items.findValuesAsString("status")).contains("done");
    assertThat(items.findValuesAsString("externalId")).contains("JIRA-42");
    assertThat(items.findValuesAsString("trackingId")).contains(id);
    String page = ana.session().get("/meetings/" + anasMeeting).body();
    assertThat(page).contains("href=\"https://jira/JIRA-42\"").contains(">JIRA-42</a>");
    String markdown = ana.api().get("/api/meetings/" + anasMeeting + "/export/md").body();
    assertThat(markdown).contains("Book the room").containsIgnoringCase("done");
    assertThat(markdown).contains("/meetings/" + anasMeeting + "?t=30.0");
  }

  @Test
  void aChangeNeedsTheCurrentETag() {
    String id = anasMeeting + ".a1";
    Response without = ana.api().patch("/api/action-items/" + id, Map.of("status", "in_progress"));
    assertThat(without.status()).isEqualTo(428);
    assertThat(without.json().get("detail").asString()).contains("If-Match");

    String etag = ana.api().get("/api/action-items/" + id).header("ETag");
    Response first =
        ana.api().patch("/api/action-items/" + id, Map.of("owner", "Ana"), "If-Match", etag);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    Response second =
        ana.api().patch("/api/action-items/" + id, Map.of("owner", "Lin"), "If-Match", etag);

    assertThat(second.status()).isEqualTo(412);
    assertThat(second.json().get("detail").asString()).contains(first.header("ETag"));
    assertThat(ana.api().get("/api/action-items/" + id).json().get("owner").asString())
        .isEqualTo("Ana");
    assertThat(patch(ana.api(), id, Map.of("owner", "Lin")).status()).isEqualTo(200);
  }

  @Test
  void othersCannotReadOrMoveItemsOfMeetingsTheyMayNotEdit() {
    String id = anasMeeting + ".a1";
    assertThat(bo.api().get("/api/action-items/" + id).status()).isEqualTo(404);
    assertThat(
            bo.api()
                .patch("/api/action-items/" + id, Map.of("status", "done"), "If-Match", "\"0\"")
                .status())
        .isEqualTo(404);

    Response shared =
        ana.api()
            .put(
                "/api/meetings/" + anasMeeting + "/shares/" + bo.id(),
                Map.of("permission", "view"));
    assertThat(shared.status()).as(shared.body()).isEqualTo(200);
    assertThat(bo.api().get("/api/action-items/" + id).status()).isEqualTo(200);
    assertThat(
            bo.api()
                .patch("/api/action-items/" + id, Map.of("status", "done"), "If-Match", "\"0\"")
                .status())
        .isEqualTo(403);
    assertThat(new ApiClient(port, null).get("/api/action-items").status()).isEqualTo(401);
    assertThat(ana.api().delete("/api/meetings/" + anasMeeting + "/shares/" + bo.id()).status())
        .isEqualTo(204);
  }

  @Test
  void aPatchOfFieldsThatCannotChangeOrBadValuesIsRefusedClearly() {
    String id = anasMeeting + ".a1";
    Map<String, Object> textChange = Map.of("text", "Something else");
    Map<String, Object> badStatus = Map.of("status", "finished");
    Map<String, Object> scriptLink = Map.of("externalUrl", "javascript:alert(1)");
    Map<String, Object> badDue = Map.of("due", "next week");
    for (Map<String, Object> body : List.of(textChange, badStatus, scriptLink, badDue)) {
      Response refused = patch(ana.api(), id, body);
      assertThat(refused.status()).as(body.toString()).isEqualTo(400);
      assertThat(refused.header("Content-Type")).contains("application/problem+json");
    }
    assertThat(ana.api().get("/api/action-items/" + anasMeeting + ".nothing").status())
        .isEqualTo(404);
    assertThat(ana.api().get("/api/action-items/no-dot").status()).isEqualTo(404);
  }

  @Test
  void reprocessingKeepsWhatATaskSystemDidWithAnItem() {
    Members.Member dee = Members.create(admin, port, "Dee");
    List<ActionItem> found =
        List.of(
            action("a1", "Call the vendor", "Dee", null, 1_000),
            action("a2", "Draft the memo", "Dee", null, 2_000));
    String meeting =
        stored.processed(dee.api(), "Vendors", List.of(line("Dee", 0, "vendors")), found);
    assertThat(
            patch(dee.api(), meeting + ".a1", Map.of("status", "done", "externalId", "T-1"))
                .status())
        .isEqualTo(200);

    stored.store(
        meeting,
        "Vendors",
        List.of(line("Dee", 0, "vendors")),
        List.of(
            action("a1", "Call the vendor", "Dee", null, 1_000),
            action("a2", "Draft the memo again", "Dee", null, 2_000)));

    JsonNode items = list(dee.api(), "meeting=" + meeting).json().get("items");
    Map<String, String> statusByText = new HashMap<>();
    items.forEach(i -> statusByText.put(i.get("text").asString(), i.get("status").asString()));
    assertThat(statusByText)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("Call the vendor", "done", "Draft the memo again", "open"));
    JsonNode kept = dee.api().get("/api/action-items/" + meeting + ".a1").json();
    assertThat(kept.get("externalId").asString()).isEqualTo("T-1");
  }

  private static Response list(ApiClient api, String query) {
    return api.get("/api/action-items" + (query.isEmpty() ? "" : "?" + query));
  }

  /** A PATCH with the item's current ETag, as a well-behaved task system sends it. */
  static Response patch(ApiClient api, String id, Map<String, Object> body) {
    String etag =
        api.get("/api/action-items/" + URLEncoder.encode(id, StandardCharsets.UTF_8))
            .header("ETag");
    return api.patch("/api/action-items/" + id, body, "If-Match", etag);
  }

  private static List<String> meetingsOf(Response page) {
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page.json().get("items").findValuesAsString("meetingId");
  }

  private static List<String> textsOf(Response page) {
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    List<String> texts = new ArrayList<>();
    page.json().get("items").forEach(i -> texts.add(i.get("text").asString()));
    return texts;
  }
}
