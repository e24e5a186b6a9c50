package dev.verbatim.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.server.ApiClient;
import dev.verbatim.server.ApiClient.Response;
import dev.verbatim.server.TestData;
import dev.verbatim.server.VerbatimApplication;
import dev.verbatim.server.WebSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The audit trail against the running service: what is recorded, by whom and from where, how admins
 * read it (filters, pages, CSV, the page) and that nobody else can. Jobs do not run here.
 */
@SpringBootTest(
    classes = VerbatimApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "verbatim.jobs.enabled=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTests {

  static final Path DATA = TestData.directory("verbatim-audit");
  static final String PASSWORD = "correct horse battery";

  @DynamicPropertySource
  static void data(DynamicPropertyRegistry registry) {
    registry.add("verbatim.data", DATA::toString);
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  ApiClient admin;
  String adminId;

  @BeforeAll
  void admin() {
    admin = new ApiClient(port);
    adminId = admin.get("/api/me").json().get("id").asString();
  }

  /** A new member's email, signed-in session and id. */
  record Member(String id, String email, WebSession session) {}

  Member member(String name) {
    String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    Response created =
        admin.post("/api/users", Map.of("email", email, "name", name, "password", PASSWORD));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return new Member(
        created.json().get("id").asString(), email, WebSession.signedIn(port, email, PASSWORD));
  }

  String meeting(ApiClient api, String title) throws IOException {
    Path file = Files.createTempFile(DATA, "recording", ".wav");
    Files.writeString(file, "not really audio " + UUID.randomUUID(), StandardCharsets.UTF_8);
    Response created = api.upload(List.of(file), Map.of("title", title));
    assertThat(created.status()).as(created.body()).isEqualTo(202);
    return created.json().get("id").asString();
  }

  /** The records about one target, oldest first, as the API gives them. */
  List<JsonNode> about(String target) {
    Response page = admin.get("/api/audit?size=200&target=" + target);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    page.json().get("items").forEach(items::add);
    Collections.reverse(items);
    return items;
  }

  static List<String> actions(List<JsonNode> records) {
    return records.stream().map(r -> r.get("action").asString()).toList();
  }

  @Test
  void aMeetingsLifeIsRecordedWithWhoWhatAndFromWhere() throws IOException {
    String id = meeting(admin, "Budget");
    Member bob = member("bob");

    assertThat(admin.get("/api/meetings/" + id).status()).isEqualTo(200);
    assertThat(admin.get("/api/meetings/" + id).status()).isEqualTo(200);
    assertThat(
            admin
                .patch("/api/meetings/" + id, Map.of("title", "Budget 2026", "orgVisible", true))
                .status())
        .isEqualTo(200);
    assertThat(
            admin
                .put("/api/meetings/" + id + "/shares/" + bob.email(), Map.of("permission", "edit"))
                .status())
        .isEqualTo(200);
    assertThat(bob.session().get("/meetings/" + id).status()).isEqualTo(200);
    assertThat(admin.delete("/api/meetings/" + id + "/shares/" + bob.id()).status()).isEqualTo(204);
    // Refused requests did nothing, so they are not recorded as done.
    assertThat(admin.patch("/api/meetings/" + id, Map.of("title", "")).status()).isEqualTo(400);
    assertThat(admin.delete("/api/meetings/" + id).status()).isEqualTo(204);

    List<JsonNode> records = about(id);
    assertThat(actions(records))
        .containsExactly(
            "meeting.upload",
            "meeting.view",
            "meeting.edit",
            "share.grant",
            "meeting.view",
            "share.revoke",
            "meeting.delete");
    JsonNode upload = records.get(0);
    assertThat(upload.get("actorId").asString()).isEqualTo(adminId);
    assertThat(upload.get("actor").asString()).isEqualTo(ApiClient.adminEmail());
    assertThat(upload.get("tokenId").isNull()).isFalse();
    assertThat(upload.get("targetType").asString()).isEqualTo("meeting");
    assertThat(upload.get("detail").asString()).isEqualTo("1 file");
    assertThat(upload.get("client").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    assertThat(records.get(1).get("detail").asString()).isEqualTo("api");
    assertThat(records.get(2).get("detail").asString()).isEqualTo("orgVisible=true, title");
    assertThat(records.get(3).get("detail").asString())
        .isEqualTo("user=" + bob.email() + ", permission=edit");
    JsonNode pageView = records.get(4);
    assertThat(pageView.get("actor").asString()).isEqualTo(bob.email());
    assertThat(pageView.get("tokenId").isNull()).isTrue();
    assertThat(pageView.get("detail").asString()).isEqualTo("page");
  }

  @Test
  void editsExportsAndGlossaryChangesSayWhatTheyTouched() throws IOException {
    String id = meeting(admin, "Edits");

    Response item = admin.post("/api/meetings/" + id + "/action-items", Map.of("text", "Call Ana"));
    assertThat(item.status()).as(item.body()).isEqualTo(201);
    String itemId = item.json().get("id").asString();
    assertThat(
            admin
                .patch("/api/meetings/" + id + "/action-items/" + itemId, Map.of("text", "Call"))
                .status())
        .isEqualTo(200);
    assertThat(admin.delete("/api/meetings/" + id + "/action-items/" + itemId).status())
        .isEqualTo(204);
    Response decision = admin.post("/api/meetings/" + id + "/decisions", Map.of("text", "Ship"));
    assertThat(decision.status()).isEqualTo(201);
    assertThat(admin.post("/api/meetings/" + id + "/glossary", Map.of("text", "Verbatim")).status())
        .isEqualTo(201);
    Response term = admin.post("/api/glossary", Map.of("text", "apixaban"));
    assertThat(term.status()).isEqualTo(201);
    String termId = term.json().get("id").asString();
    assertThat(admin.delete("/api/glossary/" + termId).status()).isEqualTo(204);
    assertThat(admin.post("/api/meetings/" + id + "/cancel", Map.of()).status()).isEqualTo(200);

    List<JsonNode> records = about(id);
    assertThat(actions(records))
        .containsExactly(
            "meeting.upload",
            "action-item.add",
            "action-item.edit",
            "action-item.delete",
            "decision.add",
            "glossary.term-add",
            "meeting.cancel");
    assertThat(records.get(2).get("detail").asString()).isEqualTo("itemId=" + itemId);
    assertThat(actions(about(termId))).containsExactly("glossary.term-add", "glossary.term-delete");
    assertThat(about(termId).get(0).get("targetType").asString()).isEqualTo("glossary-term");
  }

  @Test
  void signInFailureAndSignOutAreRecordedWithoutThePassword() {
    Member carl = member("carl");
    String wrong = "not-the-password-" + UUID.randomUUID();

    Response failed = new WebSession(port).signIn(carl.email().toUpperCase(), wrong);
    Response unknown = new WebSession(port).signIn("nobody@example.com", wrong);
    Response out = carl.session().send("POST", "/logout", null);

    assertThat(failed.header("Location")).contains("error");
    assertThat(unknown.header("Location")).contains("error");
    assertThat(out.status()).isEqualTo(302);
    JsonNode mine = admin.get("/api/audit?actor=" + carl.email()).json();
    assertThat(mine.get("items"))
        .extracting(r -> r.get("action").asString())
        .containsExactly("logout", "login.failed", "login");
    JsonNode stranger = admin.get("/api/audit?action=login.failed&actor=nobody@example.com").json();
    assertThat(stranger.get("total").asLong()).isEqualTo(1);
    assertThat(stranger.get("items").get(0).get("actorId").isNull()).isTrue();
    assertThat(stranger.get("items").get(0).get("detail").asString())
        .isEqualTo("BadCredentialsException");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE detail LIKE :p OR actor LIKE :p")
                .param("p", "%" + wrong + "%")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void tokenUseIsRecordedAtMostOnceAMinuteAndTokenAndUserChangesEveryTime() {
    Member dana = member("dana");
    Response created =
        dana.session()
            .send(
                "POST", "/api/tokens", Map.of("name", "sync", "scopes", List.of("meetings:read")));
    assertThat(created.status()).isEqualTo(201);
    String tokenId = created.json().get("id").asString();
    ApiClient token = admin.withToken(created.json().get("token").asString());

    for (int i = 0; i < 5; i++) {
      assertThat(token.get("/api/meetings").status()).isEqualTo(200);
    }
    assertThat(dana.session().send("DELETE", "/api/tokens/" + tokenId, null).status())
        .isEqualTo(204);
    assertThat(
            admin
                .patch("/api/users/" + dana.id(), Map.of("role", "admin", "disabled", true))
                .status())
        .isEqualTo(200);

    assertThat(actions(about(tokenId)))
        .containsExactly("token.create", "token.use", "token.revoke");
    assertThat(about(tokenId).get(1).get("detail").asString()).isEqualTo("sync");
    assertThat(about(tokenId).get(1).get("tokenId").asString()).isEqualTo(tokenId);
    List<JsonNode> user = about(dana.id());
    assertThat(actions(user)).containsExactly("user.create", "user.role", "user.disable");
    assertThat(user.get(1).get("detail").asString()).isEqualTo("member → admin");
    assertThat(user.get(1).get("actor").asString()).isEqualTo(ApiClient.adminEmail());
  }

  @Test
  void filtersCombineAndPagesRunNewestFirst() throws IOException {
    String id = meeting(admin, "Pages");
    for (int i = 0; i < 3; i++) {
      admin.post("/api/meetings/" + id + "/decisions", Map.of("text", "Decision " + i));
    }
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

    JsonNode first =
        admin
            .get(
                "/api/audit?action=decision.add&target="
                    + id
                    + "&actor="
                    + ApiClient.adminEmail().toUpperCase()
                    + "&from="
                    + today
                    + "&to="
                    + today
                    + "&size=2")
            .json();
    JsonNode second =
        admin.get("/api/audit?action=decision.add&target=" + id + "&size=2&page=1").json();
    JsonNode later = admin.get("/api/audit?target=" + id + "&from=" + tomorrow).json();
    JsonNode byId = admin.get("/api/audit?target=" + id + "&actor=" + adminId).json();

    assertThat(first.get("total").asLong()).isEqualTo(3);
    assertThat(first.get("items")).hasSize(2);
    assertThat(second.get("items")).hasSize(1);
    long newest = first.get("items").get(0).get("id").asLong();
    assertThat(first.get("items").get(1).get("id").asLong()).isLessThan(newest);
    assertThat(second.get("items").get(0).get("id").asLong())
        .isLessThan(first.get("items").get(1).get("id").asLong());
    assertThat(later.get("total").asLong()).isZero();
    assertThat(byId.get("total").asLong()).isEqualTo(4);
  }

  @Test
  void badFiltersAreProblemsNotErrors() {
    for (String query :
        List.of(
            "action=meeting.eaten",
            "from=yesterday",
            "to=2026-13-01",
            "from=2026-02-01&to=2026-01-01",
            "size=0",
            "size=500",
            "page=-1",
            "page=x")) {
      Response answer = admin.get("/api/audit?" + query);
      assertThat(answer.status()).as(query).isEqualTo(400);
      assertThat(answer.header("Content-Type")).as(query).contains("problem+json");
      Response csv = admin.get("/api/audit.csv?" + query);
      if (!query.startsWith("size") && !query.startsWith("page")) {
        assertThat(csv.status()).as(query).isEqualTo(400);
      }
    }
  }

  @Test
  void theCsvIsQuotedAndDefusedForSpreadsheets() {
    String formula = "=HYPERLINK(\"http://evil\",\"x\"),@sum";
    new WebSession(port).signIn(formula, "whatever-password");

    Response csv = admin.get("/api/audit.csv?action=login.failed");

    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.header("Content-Disposition")).contains("audit.csv");
    assertThat(csv.body())
        .startsWith(
            "id,time,actor_id,actor,token_id,action,target_type,target_id,detail,client\r\n")
        .contains(",\"'=hyperlink(\"\"http://evil\"\",\"\"x\"\"),@sum\",,login.failed,")
        .doesNotContain("\n=")
        .doesNotContain(",=");
  }

  @Test
  void csvCellsFollowRfc4180() {
    assertThat(Csv.cell("plain")).isEqualTo("plain");
    assertThat(Csv.cell(null)).isEmpty();
    assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(Csv.cell("+1")).isEqualTo("'+1");
    assertThat(Csv.cell("-1")).isEqualTo("'-1");
    assertThat(Csv.cell("@a")).isEqualTo("'@a");
    assertThat(Csv.cell("=1,2")).isEqualTo("\"'=1,2\"");
  }

  @Test
  void onlyAdminsReadTheTrail() {
    Member erin = member("erin");
    ApiClient anonymous = new ApiClient(port, null);

    assertThat(erin.session().get("/api/audit").status()).isEqualTo(403);
    assertThat(erin.session().get("/api/audit.csv").status()).isEqualTo(403);
    assertThat(erin.session().get("/admin/audit").status()).isEqualTo(403);
    assertThat(erin.session().get("/").body()).doesNotContain("/admin/audit");
    assertThat(anonymous.get("/api/audit").status()).isEqualTo(401);
    assertThat(admin.get("/api/audit").status()).isEqualTo(200);
  }

  @Test
  void theAuditPageFiltersEscapesAndSaysWhenNothingMatches() {
    WebSession session =
        WebSession.signedIn(port, ApiClient.adminEmail(), ApiClient.adminPassword());
    new WebSession(port).signIn("<script>alert(1)</script>@example.com", "whatever-password");

    String page = session.get("/admin/audit?action=login.failed").body();
    String none = session.get("/admin/audit?target=no-such-meeting").body();
    String bad = session.get("/admin/audit?from=soon").body();

    assertThat(page)
        .contains("Audit trail")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;@example.com")
        .doesNotContain("<script>alert(1)")
        .contains("href=\"/api/audit.csv?action=login.failed\"");
    assertThat(session.get("/").body()).contains("href=\"/admin/audit\"");
    assertThat(none).contains("No records match these filters.");
    assertThat(bad).contains("is a date (YYYY-MM-DD)");
  }
}
