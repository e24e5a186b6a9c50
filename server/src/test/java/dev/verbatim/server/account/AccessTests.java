package dev.verbatim.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.server.ApiClient;
import dev.verbatim.server.ApiClient.Response;
import dev.verbatim.server.Members;
import dev.verbatim.server.Members.Member;
import dev.verbatim.server.TestData;
import dev.verbatim.server.VerbatimApplication;
import dev.verbatim.server.WebSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
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
 * Who may see and do what: owners, shares, organisation visibility, admins, API tokens and their
 * scopes, sign-in, and CSRF. Jobs do not run here: the meetings stay queued, which is all access
 * needs.
 */
@SpringBootTest(
    classes = VerbatimApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "verbatim.jobs.enabled=false",
      // On, so that the sweep sees its routes; loopback is not allowed, to show the gate shut.
      "verbatim.jitsi.enabled=true",
      "verbatim.jitsi.allowed-networks=10.0.0.0/8",
      "verbatim.jitsi.secret=" + AccessTests.JITSI_SECRET
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessTests {

  static final Path DATA = TestData.directory("verbatim-access");
  static final String JITSI_SECRET = "jigasi-secret-0123456789";
  static final String PASSWORD = Members.PASSWORD;

  @DynamicPropertySource
  static void data(DynamicPropertyRegistry registry) {
    registry.add("verbatim.data", DATA::toString);
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;

  @Autowired
  @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
  org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

  ApiClient admin;

  @BeforeAll
  void admin() {
    admin = new ApiClient(port);
  }

  Member member(String name) {
    return Members.create(admin, port, name);
  }

  static String token(WebSession session, String name, List<String> scopes) {
    return Members.token(session, name, scopes);
  }

  /** A meeting of the client's account, from a few bytes that no other test uploads. */
  static String meeting(ApiClient api, String title) throws IOException {
    Path file = Files.createTempFile(DATA, "recording", ".wav");
    Files.writeString(file, "not really audio " + UUID.randomUUID(), StandardCharsets.UTF_8);
    Response created = api.upload(List.of(file), Map.of("title", title));
    assertThat(created.status()).as(created.body()).isEqualTo(202);
    return created.json().get("id").asString();
  }

  @Test
  void theFirstAdminComesFromThePropertiesWithAHashedPasswordAndToken() {
    JsonNode me = admin.get("/api/me").json();

    assertThat(me.get("email").asString()).isEqualTo(ApiClient.adminEmail());
    assertThat(me.get("role").asString()).isEqualTo("admin");
    assertThat(me.get("scopes"))
        .extracting(JsonNode::asString)
        .containsExactlyInAnyOrder("action-items:write", "meetings:read", "meetings:write");
    String hash =
        jdbc.sql("SELECT password_hash FROM app_user WHERE email = :e")
            .param("e", ApiClient.adminEmail())
            .query(String.class)
            .single();
    assertThat(hash).startsWith("{bcrypt}").doesNotContain(ApiClient.adminPassword());
    assertThat(
            jdbc.sql("SELECT name FROM api_token WHERE token_hash = :h")
                .param("h", Accounts.sha256(ApiClient.adminToken()))
                .query(String.class)
                .single())
        .isEqualTo("bootstrap");
    WebSession.signedIn(port, ApiClient.adminEmail(), ApiClient.adminPassword());
  }

  @Test
  void aRestartMakesNoSecondAdminAndNoSecondToken() {
    long tokens = jdbc.sql("SELECT COUNT(*) FROM api_token").query(Long.class).single();

    new AdminBootstrap(
            accounts,
            new AdminProperties(
                ApiClient.adminEmail(), ApiClient.adminPassword(), ApiClient.adminToken()))
        .afterSingletonsInstantiated();
    new AdminBootstrap(
            accounts, new AdminProperties("second@example.com", "another password", "vbt_other"))
        .afterSingletonsInstantiated();

    assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token").query(Long.class).single())
        .isEqualTo(tokens);
    assertThat(accounts.findByEmail("second@example.com")).isEmpty();
    assertThat(admin.withToken("vbt_other").get("/api/me").status()).isEqualTo(401);
  }

  @Test
  void ownerSharesAndOrganisationVisibilityDecideWhoMayViewEditAndDelete() throws IOException {
    Member owner = member("owner");
    Member viewer = member("viewer");
    Member editor = member("editor");
    Member stranger = member("stranger");
    String id = meeting(owner.api(), "Board meeting");
    String path = "/api/meetings/" + id;
    assertThat(
            owner
                .api()
                .put(path + "/shares/" + viewer.email(), Map.of("permission", "view"))
                .status())
        .isEqualTo(200);
    assertThat(
            owner.api().put(path + "/shares/" + editor.id(), Map.of("permission", "edit")).status())
        .isEqualTo(200);

    // Viewing
    assertThat(owner.api().get(path).json().get("access").get("permission").asString())
        .isEqualTo("manage");
    assertThat(viewer.api().get(path).json().get("access").get("permission").asString())
        .isEqualTo("view");
    assertThat(editor.api().get(path).status()).isEqualTo(200);
    assertThat(admin.get(path).status()).isEqualTo(200);
    Response hidden = stranger.api().get(path);
    assertThat(hidden.status()).isEqualTo(404);
    assertThat(hidden.body())
        .isEqualTo(
            stranger
                .api()
                .get("/api/meetings/m-0000000000000000")
                .body()
                .replace("m-0000000000000000", id));
    assertThat(stranger.api().get(path + "/media").status()).isEqualTo(404);
    assertThat(stranger.api().get(path + "/export/md").status()).isEqualTo(404);
    assertThat(stranger.session().get("/meetings/" + id).status()).isEqualTo(404);

    // Editing
    assertThat(viewer.api().patch(path, Map.of("title", "Mine now")).status()).isEqualTo(403);
    assertThat(editor.api().patch(path, Map.of("title", "Board meeting, corrected")).status())
        .isEqualTo(200);
    assertThat(stranger.api().patch(path, Map.of("title", "x")).status()).isEqualTo(404);
    assertThat(
            editor.api().post(path + "/action-items", Map.of("text", "Send the minutes")).status())
        .isEqualTo(201);
    assertThat(viewer.api().post(path + "/action-items", Map.of("text", "x")).status())
        .isEqualTo(403);

    // Managing: sharing, visibility, reprocessing and deleting are the owner's and admins'
    assertThat(editor.api().get(path + "/shares").status()).isEqualTo(403);
    assertThat(editor.api().patch(path, Map.of("orgVisible", true)).status()).isEqualTo(403);
    assertThat(editor.api().post(path + "/reprocess", Map.of()).status()).isEqualTo(403);
    assertThat(editor.api().delete(path).status()).isEqualTo(403);
    assertThat(viewer.api().delete(path).status()).isEqualTo(403);
    assertThat(stranger.api().delete(path).status()).isEqualTo(404);
    assertThat(owner.api().get(path + "/shares").json())
        .extracting(s -> s.get("email").asString() + "=" + s.get("permission").asString())
        .containsExactlyInAnyOrder(viewer.email() + "=view", editor.email() + "=edit");

    // Everyone in the organisation may view, and no more
    assertThat(owner.api().patch(path, Map.of("orgVisible", true)).status()).isEqualTo(200);
    assertThat(stranger.api().get(path).status()).isEqualTo(200);
    assertThat(stranger.api().patch(path, Map.of("title", "x")).status()).isEqualTo(403);

    // A share taken back is gone at once
    assertThat(owner.api().patch(path, Map.of("orgVisible", false)).status()).isEqualTo(200);
    assertThat(owner.api().delete(path + "/shares/" + viewer.id()).status()).isEqualTo(204);
    assertThat(viewer.api().get(path).status()).isEqualTo(404);

    assertThat(owner.api().delete(path).status()).isEqualTo(204);
    assertThat(editor.api().get(path).status()).isEqualTo(404);
  }

  @Test
  void theListHoldsOwnSharedAndOrganisationMeetingsOnly() throws IOException {
    Member ana = member("ana");
    Member bob = member("bob");
    String anas = meeting(ana.api(), "Ana's");
    String shared = meeting(ana.api(), "Shared with Bob");
    String everyone = meeting(ana.api(), "Town hall");
    String bobs = meeting(bob.api(), "Bob's");
    ana.api().put("/api/meetings/" + shared + "/shares/" + bob.id(), Map.of("permission", "view"));
    ana.api().patch("/api/meetings/" + everyone, Map.of("orgVisible", true));

    JsonNode page = bob.api().get("/api/meetings?size=100").json();

    assertThat(ids(page.get("items"))).containsExactlyInAnyOrder(bobs, shared, everyone);
    assertThat(page.get("total").asLong()).isEqualTo(3);
    assertThat(ids(ana.api().get("/api/meetings?size=100").json().get("items")))
        .containsExactlyInAnyOrder(anas, shared, everyone);
    assertThat(ids(admin.get("/api/meetings?size=100").json().get("items")))
        .contains(anas, shared, everyone, bobs);
    String listPage = bob.session().get("/").body();
    assertThat(listPage)
        .contains("Bob&#39;s", "Shared with Bob", "Town hall")
        .doesNotContain("Ana&#39;s");
  }

  @Test
  void theEventStreamOfAllMeetingsCarriesOnlyVisibleOnes() throws Exception {
    Member ana = member("ana");
    Member bob = member("bob");
    String anas = meeting(ana.api(), "Ana's");
    String bobs = meeting(bob.api(), "Bob's");
    java.net.http.HttpResponse<java.util.stream.Stream<String>> stream =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(ana.api().base() + "/api/events"))
                    .header("Accept", "text/event-stream")
                    .header("Authorization", ana.api().authorization())
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines());
    assertThat(stream.statusCode()).isEqualTo(200);

    // Bob's edit is announced before Ana's: had Ana's stream carried it, it would come first.
    assertThat(bob.api().patch("/api/meetings/" + bobs, Map.of("title", "Bob's, edited")).status())
        .isEqualTo(200);
    assertThat(ana.api().patch("/api/meetings/" + anas, Map.of("title", "Ana's, edited")).status())
        .isEqualTo(200);

    List<String> data = new ArrayList<>();
    try (java.util.stream.Stream<String> lines = stream.body()) {
      java.util.Iterator<String> it = lines.iterator();
      while (it.hasNext()) {
        String line = it.next();
        if (line.startsWith("data:")) {
          data.add(line);
          if (line.contains(anas)) {
            break;
          }
        }
      }
    }
    assertThat(data).isNotEmpty().noneMatch(d -> d.contains(bobs));
  }

  @Test
  void meetingsFromBeforeAccountsAreTheAdminsAlone() {
    Member ana = member("ana");
    String id = "m-legacy" + UUID.randomUUID().toString().substring(0, 8);
    jdbc.sql(
            """
            INSERT INTO meeting (id, title, meeting_date, language, layout, status, content_key,
                                 created_at, updated_at)
            VALUES (:id, 'Before accounts', DATE '2026-01-05', 'en', 'MIXED', 'failed', :id,
                    CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
            """)
        .param("id", id)
        .update();

    assertThat(admin.get("/api/meetings/" + id).status()).isNotEqualTo(404);
    assertThat(ids(admin.get("/api/meetings?size=100").json().get("items"))).contains(id);
    assertThat(ana.api().get("/api/meetings/" + id).status()).isEqualTo(404);
    assertThat(ids(ana.api().get("/api/meetings?size=100").json().get("items"))).doesNotContain(id);
  }

  @Test
  void theSameRecordingFromSomeoneElseMakesTheirOwnMeeting() throws IOException {
    Member ana = member("ana");
    Member bob = member("bob");
    Path file = Files.createTempFile(DATA, "same", ".wav");
    Files.writeString(file, "the same bytes " + UUID.randomUUID(), StandardCharsets.UTF_8);

    Response first = ana.api().upload(List.of(file), Map.of());
    Response again = ana.api().upload(List.of(file), Map.of());
    Response other = bob.api().upload(List.of(file), Map.of());

    assertThat(first.status()).isEqualTo(202);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
    assertThat(other.status()).isEqualTo(202);
    assertThat(other.json().get("duplicate").asBoolean()).isFalse();
    assertThat(other.json().get("id").asString()).isNotEqualTo(first.json().get("id").asString());
  }

  @Test
  void aResumableUploadBelongsToWhoeverStartedIt() {
    Member ana = member("ana");
    Member bob = member("bob");
    Response created = ana.api().createUpload(100, Map.of("filename", "a.wav"));
    assertThat(created.status()).isEqualTo(201);
    String upload = java.net.URI.create(created.header("Location")).getPath();

    assertThat(ana.api().headUpload(upload).status()).isBetween(200, 299);
    assertThat(bob.api().headUpload(upload).status()).isEqualTo(404);
  }

  @Test
  void tokensAreShownOnceStoredHashedScopedAndRevocable() {
    Member ana = member("ana");
    String readOnly = token(ana.session(), "Reporting", List.of("meetings:read"));
    ApiClient reader = admin.withToken(readOnly);

    assertThat(reader.get("/api/meetings").status()).isEqualTo(200);
    Response refused =
        reader.post("/api/tokens", Map.of("name", "more", "scopes", List.of("meetings:write")));
    assertThat(refused.status()).isEqualTo(403);
    Response write = reader.upload(List.of(), Map.of("title", "x"));
    assertThat(write.status()).isEqualTo(403);
    assertThat(write.header("Content-Type")).startsWith("application/problem+json");

    JsonNode listed = ana.api().get("/api/tokens").json();
    JsonNode reporting =
        StreamSupport.stream(listed.spliterator(), false)
            .filter(t -> t.get("name").asString().equals("Reporting"))
            .findFirst()
            .orElseThrow();
    assertThat(listed.toString()).doesNotContain(readOnly);
    assertThat(reporting.get("scopes"))
        .extracting(JsonNode::asString)
        .containsExactly("meetings:read");
    assertThat(reporting.get("lastUsedAt").isNull()).isFalse();
    Map<String, Object> row =
        jdbc.sql("SELECT * FROM api_token WHERE id = :id")
            .param("id", reporting.get("id").asString())
            .query()
            .singleRow();
    assertThat(row.values()).noneMatch(v -> String.valueOf(v).contains(readOnly));
    assertThat(row.get("token_hash")).isEqualTo(Accounts.sha256(readOnly));

    assertThat(ana.api().delete("/api/tokens/" + reporting.get("id").asString()).status())
        .isEqualTo(204);
    Response revoked = reader.get("/api/meetings");
    assertThat(revoked.status()).isEqualTo(401);
    assertThat(revoked.header("Content-Type")).startsWith("application/problem+json");
    assertThat(admin.withToken("vbt_made-up").get("/api/me").status()).isEqualTo(401);
    assertThat(member("bob").api().delete("/api/tokens/" + reporting.get("id").asString()).status())
        .isEqualTo(404);
  }

  @Test
  void anActionItemsTokenChangesActionItemsAndNothingElse() throws IOException {
    Member ana = member("ana");
    String id = meeting(ana.api(), "Tasks");
    ApiClient tasks =
        admin.withToken(
            token(ana.session(), "Tasks", List.of("meetings:read", "action-items:write")));

    assertThat(
            tasks
                .post("/api/meetings/" + id + "/action-items", Map.of("text", "Call Bob"))
                .status())
        .isEqualTo(201);
    assertThat(tasks.patch("/api/meetings/" + id, Map.of("title", "x")).status()).isEqualTo(403);
  }

  @Test
  void aDisabledMemberIsSignedOutAndTheirTokensStop() {
    Member ana = member("ana");
    assertThat(ana.session().get("/api/me").status()).isEqualTo(200);

    assertThat(admin.patch("/api/users/" + ana.id(), Map.of("disabled", true)).status())
        .isEqualTo(200);

    assertThat(ana.session().get("/api/me").status()).isEqualTo(401);
    assertThat(ana.api().get("/api/me").status()).isEqualTo(401);
    assertThat(new WebSession(port).signIn(ana.email(), PASSWORD).header("Location"))
        .endsWith("/login?error");
    assertThat(ana.api().get("/api/users").status()).isEqualTo(401);
    assertThat(member("bob").api().get("/api/users").status()).isEqualTo(403);
  }

  @Test
  void aMemberChangesTheirPasswordKnowingTheCurrentOne() {
    Member ana = member("ana");
    String changed = "a new and longer one";

    Response wrong =
        ana.session()
            .send("PUT", "/api/me/password", Map.of("current", "guess", "password", changed));
    Response byToken =
        ana.api().put("/api/me/password", Map.of("current", PASSWORD, "password", changed));
    Response right =
        ana.session()
            .send("PUT", "/api/me/password", Map.of("current", PASSWORD, "password", changed));

    assertThat(wrong.status()).isEqualTo(400);
    assertThat(byToken.status()).isEqualTo(403);
    assertThat(right.status()).isEqualTo(204);
    assertThat(new WebSession(port).signIn(ana.email(), PASSWORD).header("Location"))
        .endsWith("/login?error");
    WebSession.signedIn(port, ana.email(), changed);
  }

  @Test
  void theLastAdminCannotBeDisabledOrDemoted() {
    String adminId = admin.get("/api/me").json().get("id").asString();

    Response refused = admin.patch("/api/users/" + adminId, Map.of("role", "member"));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("detail").asString()).contains("last admin");
  }

  @Test
  void aFailedSignInSaysTheSameForAWrongPasswordAndAnUnknownEmail() {
    Member ana = member("ana");
    WebSession wrongPassword = new WebSession(port);
    WebSession unknown = new WebSession(port);

    Response wrong = wrongPassword.signIn(ana.email(), "not the password");
    Response nobody = unknown.signIn("nobody@example.com", "not the password");

    assertThat(wrong.status()).isEqualTo(302);
    assertThat(wrong.header("Location")).endsWith("/login?error");
    assertThat(nobody.header("Location")).isEqualTo(wrong.header("Location"));
    String page = wrongPassword.get("/login?error").body();
    assertThat(page).contains("Wrong email or password");
    assertThat(withoutCsrf(unknown.get("/login?error").body())).isEqualTo(withoutCsrf(page));
    assertThat(wrongPassword.get("/api/me").status()).isEqualTo(401);
  }

  @Test
  void sessionRequestsThatChangeThingsNeedTheCsrfTokenAndBearerRequestsDoNot() {
    Member ana = member("ana");
    Map<String, Object> token = Map.of("name", "csrf", "scopes", List.of("meetings:read"));

    Response without = ana.session().send("POST", "/api/tokens", token, false);
    Response with = ana.session().send("POST", "/api/tokens", token, true);

    assertThat(without.status()).isEqualTo(403);
    assertThat(without.json().get("detail").asString()).contains("CSRF");
    assertThat(with.status()).isEqualTo(201);
    assertThat(ana.api().post("/api/tokens", token).status()).isEqualTo(201);
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteAndTheCsrfCookieReadable() {
    Member ana = member("ana");
    WebSession session = new WebSession(port);
    String csrf = setCookie(session.get("/login"), "XSRF-TOKEN");

    String sessionCookie = setCookie(session.signIn(ana.email(), PASSWORD), "JSESSIONID");

    assertThat(sessionCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
    assertThat(csrf).doesNotContain("HttpOnly").containsIgnoringCase("SameSite=Lax");
  }

  private static String setCookie(Response response, String name) {
    return response.raw().headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No " + name + " cookie set"));
  }

  private static String withoutCsrf(String page) {
    return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
  }

  @Test
  void pagesSendStrangersToTheSignInPageAndTheApiAnswers401() {
    WebSession stranger = new WebSession(port);

    Response page = stranger.get("/");
    Response api = new ApiClient(port, null).get("/api/meetings");

    assertThat(page.status()).isEqualTo(302);
    assertThat(page.header("Location")).endsWith("/login");
    assertThat(stranger.get("/login").body()).contains("Sign in");
    assertThat(api.status()).isEqualTo(401);
    assertThat(api.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(api.json().get("status").asInt()).isEqualTo(401);
    ApiClient anonymous = new ApiClient(port, null);
    assertThat(anonymous.get("/api/health").status()).isEqualTo(200);
    assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    assertThat(anonymous.get("/api/openapi.json").status()).isEqualTo(200);
    assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
    assertThat(anonymous.get("/css/verbatim.css").status()).isEqualTo(200);
  }

  /**
   * Routes anyone may call: signing in, the error page, health checks, the API description, and
   * Jigasi's events, which carry no credentials: the jitsi package admits them by network or by the
   * secret in the path instead ({@link #jigasiComesInOnlyFromAllowedNetworksOrWithTheSecret}).
   */
  static final Set<String> OPEN =
      Set.of(
          "/login",
          "/error",
          "/api/health",
          "/api/openapi.json",
          "/api/openapi.json/{group}",
          "/api/jigasi/events",
          "/api/jigasi/{secret}/events");

  @Test
  void jigasiComesInOnlyFromAllowedNetworksOrWithTheSecret() {
    ApiClient jigasi = new ApiClient(port, null);
    String start = "{\"room_name\":\"gate@conference.example.com\",\"event\":\"START\"}";

    assertThat(jigasi.post("/api/jigasi/events", start).status()).isEqualTo(403);
    assertThat(jigasi.post("/api/jigasi/not-the-secret-at-all/events", start).status())
        .isEqualTo(404);
    assertThat(jigasi.post("/api/jigasi/" + JITSI_SECRET + "/events", start).status())
        .isEqualTo(200);
    assertThat(websocket("/asr/vosk")).isEqualTo("refused");
    assertThat(websocket("/asr/vosk/some-room")).isEqualTo("refused");
    assertThat(websocket("/asr/vosk/" + JITSI_SECRET + "/some-room")).isEqualTo("open");
    assertThat(websocket("/asr/vosk/" + JITSI_SECRET)).isEqualTo("open");
  }

  private String websocket(String path) {
    try {
      java.net.http.WebSocket socket =
          java.net.http.HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(
                  java.net.URI.create("ws://localhost:" + port + path),
                  new java.net.http.WebSocket.Listener() {})
              .join();
      socket.abort();
      return "open";
    } catch (java.util.concurrent.CompletionException e) {
      return "refused";
    }
  }

  /**
   * A share link's routes: open to anyone, since the token in the path is the permission, to one
   * meeting and read-only. A made-up token opens nothing, for strangers and members alike.
   */
  static final Set<String> SHARE_LINKS =
      Set.of("/s/{token}", "/s/{token}/media", "/s/{token}/export/{format}");

  /**
   * @param accept what the route produces (an event stream, say), so that content negotiation finds
   *     it
   */
  record Route(String method, String pattern, String accept) {
    /** A callable path: the meeting's id where a route wants one, "x" for anything else. */
    String path(String meetingId) {
      String path = pattern;
      if (path.startsWith("/api/meetings/{") || path.startsWith("/meetings/{")) {
        path = path.replaceFirst("\\{[^}]*}", meetingId);
      }
      return path.replaceAll("\\{[^}]*}", "x");
    }

    boolean ofAMeeting() {
      return pattern.startsWith("/api/meetings/{") || pattern.startsWith("/meetings/{");
    }
  }

  /** Every route the application maps, as Spring's handler mapping has them. */
  List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    mappings
        .getHandlerMethods()
        .keySet()
        .forEach(
            info -> {
              Set<org.springframework.web.bind.annotation.RequestMethod> methods =
                  info.getMethodsCondition().getMethods();
              List<String> verbs =
                  methods.isEmpty()
                      ? List.of("GET", "POST")
                      : methods.stream().map(Enum::name).toList();
              String accept =
                  info.getProducesCondition().getProducibleMediaTypes().stream()
                      .findFirst()
                      .map(Object::toString)
                      .orElse("application/json");
              for (String pattern : info.getPatternValues()) {
                verbs.forEach(v -> routes.add(new Route(v, pattern, accept)));
              }
            });
    return routes;
  }

  @Test
  void everyRouteRefusesStrangersAndMembersWithoutAccess() throws IOException {
    String meetingId = meeting(admin, "The admin's own");
    ApiClient anonymous = new ApiClient(port, null);
    Member outsider = member("outsider");
    List<Route> routes = routes();
    assertThat(routes)
        .as("the sweep sees the application's routes")
        .extracting(r -> r.method() + " " + r.pattern())
        .contains(
            "GET /api/meetings/{id}/export/{format}",
            "GET /api/meetings/{id}/events",
            "DELETE /api/meetings/{id}",
            "GET /meetings/{id}",
            "PATCH /api/uploads/{id}",
            "GET /api/users",
            "GET /users",
            "GET /api/audit",
            "GET /api/audit.csv",
            "GET /admin/audit",
            "POST /api/webhooks/deliveries/{deliveryId}/replay",
            "GET /admin/webhooks",
            "POST /api/meetings/{id}/share-links",
            "DELETE /api/meetings/{id}/share-links/{linkId}",
            "GET /s/{token}",
            "GET /s/{token}/media");

    for (Route route : routes) {
      String path = route.path(meetingId);
      Response stranger = call(anonymous, route, path);
      if (SHARE_LINKS.contains(route.pattern())) {
        assertThat(stranger.status())
            .as("%s %s, a made-up share link", route.method(), path)
            .isEqualTo(404);
        assertThat(call(outsider.api(), route, path).status())
            .as("%s %s by a member, a made-up share link", route.method(), path)
            .isEqualTo(404);
      } else if (OPEN.contains(route.pattern())) {
        // Open to read; a POST to the error page, say, still needs what any POST needs.
        if (route.method().equals("GET")) {
          assertThat(stranger.status()).as("GET %s is open", path).isNotIn(302, 401);
        }
      } else if (path.startsWith("/api/")) {
        assertThat(stranger.status())
            .as("%s %s without credentials", route.method(), path)
            .isEqualTo(401);
      } else {
        assertThat(stranger.status())
            .as("%s %s without credentials", route.method(), path)
            .isEqualTo(302);
        assertThat(stranger.header("Location")).endsWith("/login");
      }
      if (route.ofAMeeting()
          || route.pattern().startsWith("/api/users")
          || route.pattern().equals("/users")
          || route.pattern().startsWith("/api/audit")
          || route.pattern().startsWith("/api/webhooks")
          || route.pattern().startsWith("/admin/")) {
        Response member = call(outsider.api(), route, path);
        assertThat(member.status())
            .as("%s %s by a member without access: %s", route.method(), path, member.body())
            .isIn(403, 404);
      }
    }
    assertThat(outsider.api().get("/actuator/prometheus").status()).isEqualTo(403);
    assertThat(admin.get("/api/meetings/" + meetingId).status()).isEqualTo(200);
  }

  private static Response call(ApiClient api, Route route, String path) {
    String method = route.method();
    java.net.http.HttpRequest.BodyPublisher body =
        method.equals("GET") || method.equals("HEAD") || method.equals("DELETE")
            ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString("{}");
    return api.send(
        method, path, body, "Content-Type", "application/json", "Accept", route.accept());
  }

  private static Set<String> ids(JsonNode items) {
    List<String> ids = new ArrayList<>();
    items.forEach(i -> ids.add(i.get("id").asString()));
    return Set.copyOf(ids);
  }
}
