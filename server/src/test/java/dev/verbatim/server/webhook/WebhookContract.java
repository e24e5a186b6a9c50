package dev.verbatim.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.ActionItem;
import dev.verbatim.core.ActionItemStatus;
import dev.verbatim.core.Meeting;
import dev.verbatim.core.Minutes;
import dev.verbatim.core.Segment;
import dev.verbatim.core.Source;
import dev.verbatim.core.Speaker;
import dev.verbatim.server.ApiClient;
import dev.verbatim.server.ApiClient.Response;
import dev.verbatim.server.Members;
import dev.verbatim.server.MovableClock;
import dev.verbatim.server.VerbatimApplication;
import dev.verbatim.server.WebSession;
import dev.verbatim.server.actionitem.ActionItemResource;
import dev.verbatim.server.meeting.ActionItemStore;
import dev.verbatim.server.meeting.MeetingLinks;
import dev.verbatim.server.meeting.MeetingStatus;
import dev.verbatim.server.meeting.MeetingStore;
import dev.verbatim.server.meeting.TrackedActionItem;
import dev.verbatim.server.pipeline.TrackLayout;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks end to end, to a real HTTP receiver that checks each signature: what is sent for which
 * change, the outbox's transactions, retries while the receiver is down and the catch-up after,
 * giving up after a day and replaying, and who may manage subscriptions. The dispatcher does not
 * run on its schedule here: tests run it, on a clock they move, so nothing waits for a retry. Run
 * on H2 and PostgreSQL; each subclass gives its own data directory (the search index locks its
 * own).
 */
@SpringBootTest(
    classes = VerbatimApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"verbatim.jobs.enabled=false", "verbatim.webhooks.dispatch=false"})
@Import(MovableClock.Time.class)
@ExtendWith(OutputCaptureExtension.class)
abstract class WebhookContract {

  static final String SECRET = "a-receivers-secret-of-some-length";

  @LocalServerPort int port;
  @Autowired MovableClock clock;
  @Autowired WebhookDispatcher dispatcher;
  @Autowired WebhookStore store;
  @Autowired WebhookProperties properties;
  @Autowired MeetingStore meetings;
  @Autowired ActionItemStore actionItems;
  @Autowired MeetingLinks links;
  @Autowired TransactionTemplate transactions;
  @Autowired JsonMapper json;

  ApiClient admin;
  final List<Receiver> receivers = new ArrayList<>();

  @BeforeEach
  void admin() {
    admin = new ApiClient(port);
    clock.advance(Duration.ofDays(2));
  }

  @AfterEach
  void unsubscribe() {
    // Tests share the server: each one's subscriptions hear only its own changes.
    for (JsonNode s : admin.get("/api/webhooks").json()) {
      assertThat(admin.delete("/api/webhooks/" + s.get("id").asString()).status()).isEqualTo(204);
    }
    receivers.forEach(Receiver::close);
  }

  @Test
  void anEditedActionItemReachesTheReceiverSignedAsTheApiShowsIt() throws IOException {
    Receiver receiver = receiver("unknown until made");
    Response created =
        admin.post(
            "/api/webhooks",
            Map.of("url", receiver.url(), "events", List.of("action_item.updated")));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String secret = created.json().get("secret").asString();
    assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
    receiver.secret(secret);
    String id = created.json().get("id").asString();
    assertThat(created.header("Location")).endsWith("/api/webhooks/" + id);
    assertThat(admin.get("/api/webhooks/" + id).json().has("secret")).isFalse();
    assertThat(admin.get("/api/webhooks").body()).doesNotContain(secret);
    String meeting = meeting("Roadmap", "Send the draft", "Book the room");

    Response patched =
        admin.patch(
            "/api/meetings/" + meeting + "/action-items/a1",
            Map.of("status", "done", "owner", "Bea"));
    assertThat(patched.status()).as(patched.body()).isEqualTo(200);

    // In the outbox with the change, before anything is sent.
    List<JsonNode> queued = deliveries(id);
    assertThat(queued).hasSize(1);
    assertThat(queued.get(0).get("status").asString()).isEqualTo("pending");
    assertThat(receiver.received()).isEmpty();

    assertThat(dispatcher.dispatch()).isEqualTo(1);

    assertThat(receiver.received()).hasSize(1);
    Receiver.Received got = receiver.received().get(0);
    assertThat(got.signatureValid()).isTrue();
    assertThat(got.signature()).startsWith("t=" + clock.instant().getEpochSecond() + ",v1=");
    assertThat(got.event()).isEqualTo("action_item.updated");
    assertThat(got.userAgent()).startsWith("Verbatim-Webhooks/");
    assertThat(got.contentType()).isEqualTo("application/json");
    JsonNode body = json.readTree(got.body());
    assertThat(got.idempotencyKey()).isEqualTo(body.get("id").asString()).startsWith("evt_");
    assertThat(body.get("type").asString()).isEqualTo("action_item.updated");
    assertThat(Instant.parse(body.get("createdAt").asString())).isEqualTo(clock.instant());
    TrackedActionItem item = actionItems.find(meeting, "a1").orElseThrow();
    assertThat(body.get("data")).isEqualTo(json.valueToTree(ActionItemResource.of(item, links)));
    assertThat(body.get("data").get("status").asString()).isEqualTo("done");
    assertThat(body.get("data").get("owner").asString()).isEqualTo("Bea");
    assertThat(body.get("data").get("link").asString())
        .isEqualTo("http://localhost:" + port + "/meetings/" + meeting + "?t=0.0");

    JsonNode log = deliveries(id).get(0);
    assertThat(log.get("status").asString()).isEqualTo("delivered");
    assertThat(log.get("attempts").asInt()).isEqualTo(1);
    assertThat(log.get("lastStatus").asInt()).isEqualTo(200);
    assertThat(log.get("eventId").asString()).isEqualTo(got.idempotencyKey());
    assertThat(dispatcher.dispatch()).isZero();
    assertThat(receiver.received()).hasSize(1);
  }

  @Test
  void aProcessedMeetingSendsItsNewActionItemsThenMeetingCompleted() throws IOException {
    Receiver receiver = receiver(SECRET);
    subscribe(receiver, List.of());

    String meeting = meeting("Planning", "Write the plan", "Call the vendor");
    dispatcher.dispatch();

    List<Receiver.Received> got = receiver.accepted();
    assertThat(got)
        .extracting(Receiver.Received::event)
        .containsExactly("action_item.created", "action_item.created", "meeting.completed");
    assertThat(got).allMatch(Receiver.Received::signatureValid);
    assertThat(json.readTree(got.get(0).body()).get("data").get("text").asString())
        .isEqualTo("Write the plan");
    JsonNode completed = json.readTree(got.get(2).body()).get("data");
    assertThat(completed.get("id").asString()).isEqualTo(meeting);
    assertThat(completed.get("title").asString()).isEqualTo("Planning");
    assertThat(completed.get("link").asString()).endsWith("/meetings/" + meeting);
    assertThat(completed.get("actionItems")).hasSize(2);
    assertThat(completed.get("actionItems").get(1))
        .isEqualTo(
            json.valueToTree(
                ActionItemResource.of(actionItems.find(meeting, "a2").orElseThrow(), links)));
    assertThat(got.stream().map(Receiver.Received::idempotencyKey).distinct()).hasSize(3);
  }

  @Test
  void aChangeRolledBackQueuesNothingAndSendsNothing() throws IOException {
    Receiver receiver = receiver(SECRET);
    String meeting = meeting("Rollback", "Keep me open");
    String id = subscribe(receiver, List.of("action_item.updated"));

    transactions.executeWithoutResult(
        status -> {
          TrackedActionItem item = actionItems.find(meeting, "a1").orElseThrow();
          assertThat(actionItems.update(withOwner(item, "Someone"), item.version()))
              .isInstanceOf(ActionItemStore.Update.Done.class);
          status.setRollbackOnly();
        });

    assertThat(actionItems.find(meeting, "a1").orElseThrow().owner()).isEqualTo("Ana");
    assertThat(deliveries(id)).isEmpty();
    assertThat(dispatcher.dispatch()).isZero();
    assertThat(receiver.received()).isEmpty();

    // The same change committed is queued and sent.
    TrackedActionItem item = actionItems.find(meeting, "a1").orElseThrow();
    actionItems.update(withOwner(item, "Someone"), item.version());
    assertThat(dispatcher.dispatch()).isEqualTo(1);
    assertThat(receiver.accepted()).hasSize(1);
  }

  @Test
  void aReceiverThatIsDownIsRetriedWithBackoffAndGetsEverythingOnceInOrderWhenBack(
      CapturedOutput output) throws IOException {
    Receiver receiver = receiver(SECRET);
    String meeting = meeting("Outage", "Fix the outage");
    String nowhere = "http://127.0.0.1:" + closedPort() + "/hook";
    String id = subscribe(nowhere, List.of("action_item.updated"));
    for (String owner : List.of("Bea", "Cid", "Dee")) {
      Response patched =
          admin.patch("/api/meetings/" + meeting + "/action-items/a1", Map.of("owner", owner));
      assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    }

    // Nobody listens: the oldest is tried, the others wait behind it.
    assertThat(dispatcher.dispatch()).isZero();
    List<JsonNode> log = oldestFirst(deliveries(id));
    assertThat(log).extracting(d -> d.get("attempts").asInt()).containsExactly(1, 0, 0);
    JsonNode head = log.get(0);
    assertThat(head.get("status").asString()).isEqualTo("pending");
    assertThat(head.get("lastError").asString()).contains("ConnectException");
    assertThat(head.get("lastStatus").isNull()).isTrue();
    Duration wait =
        Duration.between(clock.instant(), Instant.parse(head.get("nextAttemptAt").asString()));
    assertThat(wait).isBetween(Duration.ofSeconds(24), Duration.ofSeconds(36));
    assertThat(output)
        .contains("Webhook delivery " + head.get("id").asLong())
        .contains("to subscription " + id + " at 127.0.0.1 failed");

    // Not before its time; then again, with a longer wait after.
    assertThat(dispatcher.dispatch()).isZero();
    assertThat(oldestFirst(deliveries(id)).get(0).get("attempts").asInt()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(40));
    dispatcher.dispatch();
    head = oldestFirst(deliveries(id)).get(0);
    assertThat(head.get("attempts").asInt()).isEqualTo(2);
    wait = Duration.between(clock.instant(), Instant.parse(head.get("nextAttemptAt").asString()));
    assertThat(wait).isBetween(Duration.ofSeconds(48), Duration.ofSeconds(72));

    // The receiver is up but in trouble.
    receiver.answer(503);
    assertThat(admin.patch("/api/webhooks/" + id, Map.of("url", receiver.url())).status())
        .isEqualTo(200);
    clock.advance(Duration.ofMinutes(2));
    assertThat(dispatcher.dispatch()).isZero();
    assertThat(receiver.received()).hasSize(1);
    head = oldestFirst(deliveries(id)).get(0);
    assertThat(head.get("lastStatus").asInt()).isEqualTo(503);
    assertThat(head.get("lastError").asString()).isEqualTo("HTTP 503");

    // Back: everything, in order, each once.
    receiver.answer(200);
    clock.advance(Duration.ofMinutes(5));
    assertThat(dispatcher.dispatch()).isEqualTo(3);
    List<Receiver.Received> accepted = receiver.accepted();
    assertThat(accepted).hasSize(3);
    assertThat(accepted)
        .extracting(r -> json.readTree(r.body()).get("data").get("owner").asString())
        .containsExactly("Bea", "Cid", "Dee");
    assertThat(accepted.stream().map(Receiver.Received::idempotencyKey).distinct()).hasSize(3);
    // The attempt answered 503 carried the same key as the one that got through.
    assertThat(receiver.received().get(0).idempotencyKey())
        .isEqualTo(accepted.get(0).idempotencyKey());
    assertThat(deliveries(id)).allMatch(d -> d.get("status").asString().equals("delivered"));
    clock.advance(Duration.ofHours(2));
    assertThat(dispatcher.dispatch()).isZero();
    assertThat(receiver.accepted()).hasSize(3);
  }

  @Test
  void aDeliveryFailingForADayIsMarkedFailedAndAReplayDeliversItWithTheSameKey()
      throws IOException {
    Receiver receiver = receiver(SECRET);
    receiver.answer(503);
    String meeting = meeting("A long day", "Survive the day");
    String id = subscribe(receiver, List.of("action_item.deleted"));
    assertThat(admin.delete("/api/meetings/" + meeting + "/action-items/a1").status())
        .isEqualTo(204);
    Instant queued = clock.instant();

    JsonNode delivery = deliveries(id).get(0);
    for (int i = 0; i < 100 && delivery.get("status").asString().equals("pending"); i++) {
      dispatcher.dispatch();
      clock.advance(Duration.ofMinutes(75));
      delivery = deliveries(id).get(0);
    }

    assertThat(delivery.get("status").asString()).isEqualTo("failed");
    assertThat(delivery.get("nextAttemptAt").isNull()).isTrue();
    assertThat(delivery.get("lastStatus").asInt()).isEqualTo(503);
    Instant lastAttempt = Instant.parse(delivery.get("lastAttemptAt").asString());
    assertThat(lastAttempt)
        .isBetween(queued.plus(Duration.ofHours(22)), queued.plus(Duration.ofHours(24)));
    // 30 s doubling to the hour, then hourly: about 30 attempts in a day.
    assertThat(delivery.get("attempts").asInt()).isBetween(20, 40);
    assertThat(receiver.received()).hasSize(delivery.get("attempts").asInt());
    assertThat(dispatcher.dispatch()).isZero();

    receiver.answer(200);
    Response replay =
        admin.post("/api/webhooks/deliveries/" + delivery.get("id").asLong() + "/replay", Map.of());
    assertThat(replay.status()).as(replay.body()).isEqualTo(202);
    assertThat(replay.json().get("status").asString()).isEqualTo("pending");
    assertThat(dispatcher.dispatch()).isEqualTo(1);

    List<Receiver.Received> accepted = receiver.accepted();
    assertThat(accepted).hasSize(1);
    assertThat(accepted.get(0).event()).isEqualTo("action_item.deleted");
    assertThat(accepted.get(0).idempotencyKey()).isEqualTo(delivery.get("eventId").asString());
    assertThat(receiver.received())
        .extracting(Receiver.Received::idempotencyKey)
        .containsOnly(accepted.get(0).idempotencyKey());
    assertThat(deliveries(id).get(0).get("status").asString()).isEqualTo("delivered");
    assertThat(admin.post("/api/webhooks/deliveries/999999999/replay", Map.of()).status())
        .isEqualTo(404);
  }

  @Test
  void aReceiverHoldingAnotherSecretRefusesTheSignature() throws IOException {
    Receiver receiver = receiver("not-the-secret-verbatim-signs-with");
    String id = subscribe(receiver, List.of("action_item.created"));

    meeting("Wrong secret", "Check the signature");
    assertThat(dispatcher.dispatch()).isZero();

    Receiver.Received got = receiver.received().get(0);
    assertThat(got.signatureValid()).isFalse();
    assertThat(got.answered()).isEqualTo(401);
    assertThat(deliveries(id).get(0).get("lastStatus").asInt()).isEqualTo(401);
    // The same request checked with the right secret passes: the check is real.
    receiver.secret(SECRET);
    assertThat(receiver.verify(got.signature(), got.body())).isTrue();
    assertThat(receiver.verify(got.signature(), got.body().replace("Check", "Chock"))).isFalse();
    assertThat(receiver.verify(got.signature(), got.body() + " ")).isFalse();
  }

  @Test
  void twoDispatchersAtOnceSendEachDeliveryOnce() throws Exception {
    List<Receiver> three = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Receiver receiver = receiver(SECRET);
      subscribe(receiver, List.of());
      three.add(receiver);
    }
    meeting("Busy", "One", "Two", "Three", "Four");
    meeting("Busier", "Five", "Six");
    WebhookDispatcher other = new WebhookDispatcher(store, properties, clock);

    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> runs =
          List.of(dispatcher::dispatch, other::dispatch, dispatcher::dispatch, other::dispatch);
      int delivered = 0;
      for (Future<Integer> run : pool.invokeAll(runs)) {
        delivered += run.get();
      }
      assertThat(delivered).isEqualTo(3 * 8);
    } finally {
      pool.shutdown();
    }
    for (Receiver receiver : three) {
      List<Receiver.Received> got = receiver.received();
      assertThat(got).hasSize(8).allMatch(Receiver.Received::accepted);
      assertThat(got.stream().map(Receiver.Received::idempotencyKey).distinct()).hasSize(8);
      assertThat(got)
          .extracting(Receiver.Received::event)
          .containsExactly(
              "action_item.created",
              "action_item.created",
              "action_item.created",
              "action_item.created",
              "meeting.completed",
              "action_item.created",
              "action_item.created",
              "meeting.completed");
    }
  }

  @Test
  void onlyAdminsManageWebhooks() throws IOException {
    Receiver receiver = receiver(SECRET);
    String id = subscribe(receiver, List.of());
    Members.Member member = Members.create(admin, port, "Mel");
    ApiClient anonymous = new ApiClient(port, null);

    assertThat(member.api().get("/api/webhooks").status()).isEqualTo(403);
    assertThat(member.api().get("/api/webhooks/" + id + "/deliveries").status()).isEqualTo(403);
    assertThat(
            member.api().post("/api/webhooks", Map.of("url", "https://evil.example.com")).status())
        .isEqualTo(403);
    assertThat(member.api().patch("/api/webhooks/" + id, Map.of("active", false)).status())
        .isEqualTo(403);
    assertThat(member.api().delete("/api/webhooks/" + id).status()).isEqualTo(403);
    assertThat(member.api().post("/api/webhooks/deliveries/1/replay", Map.of()).status())
        .isEqualTo(403);
    assertThat(member.session().get("/admin/webhooks").status()).isEqualTo(403);
    assertThat(anonymous.get("/api/webhooks").status()).isEqualTo(401);
    assertThat(admin.get("/api/webhooks").json()).hasSize(1);
    assertThat(admin.get("/api/audit?action=webhook.create").body()).contains(id);
  }

  @Test
  void hostileOrBrokenSubscriptionsAreRefusedWithAProblem() {
    Map<String, Object> bad = new HashMap<>();
    bad.put("file:///etc/passwd", "https://");
    bad.put("javascript:alert(1)", "https://");
    bad.put("ftp://files.example.com/x", "\"ftp:\" is not sent to");
    bad.put("gopher://127.0.0.1:6379/_FLUSHALL", "\"gopher:\" is not sent to");
    bad.put("//no-scheme.example.com/hook", "no scheme");
    bad.put("http:///hook", "host");
    bad.put("https://user:password@tasks.example.com/hook", "user name or password");
    bad.put("https://tasks.example.com/hook with space", "not a URL");
    bad.forEach(
        (url, why) -> {
          Response refused = admin.post("/api/webhooks", Map.of("url", url));
          assertThat(refused.status()).as(url).isEqualTo(400);
          assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
          assertThat(refused.json().get("detail").asString()).as(url).contains((String) why);
        });
    Response noUrl = admin.post("/api/webhooks", Map.of("events", List.of("meeting.completed")));
    assertThat(noUrl.status()).isEqualTo(400);
    Response unknownEvent =
        admin.post(
            "/api/webhooks",
            Map.of("url", "https://tasks.example.com/hook", "events", List.of("meeting.exploded")));
    assertThat(unknownEvent.status()).isEqualTo(400);
    assertThat(unknownEvent.json().get("detail").asString())
        .contains("meeting.exploded")
        .contains("action_item.updated");
    Response shortSecret =
        admin.post(
            "/api/webhooks", Map.of("url", "https://tasks.example.com/hook", "secret", "short"));
    assertThat(shortSecret.status()).isEqualTo(400);
    Response noEvents =
        admin.post(
            "/api/webhooks", Map.of("url", "https://tasks.example.com/hook", "events", List.of()));
    assertThat(noEvents.status()).isEqualTo(400);
    assertThat(admin.get("/api/webhooks").json()).isEmpty();
    assertThat(admin.patch("/api/webhooks/wh-none", Map.of("active", false)).status())
        .isEqualTo(404);
  }

  @Test
  void aNewSecretSignsFromThenOnAndAPausedSubscriptionHearsNothing() throws IOException {
    Receiver receiver = receiver(SECRET);
    String id = subscribe(receiver, List.of("action_item.created"));
    Response rotated = admin.patch("/api/webhooks/" + id, Map.of("rotateSecret", true));
    assertThat(rotated.status()).isEqualTo(200);
    String secret = rotated.json().get("secret").asString();
    assertThat(secret).startsWith("whsec_");
    receiver.secret(secret);
    meeting("Rotated", "Sign anew");
    assertThat(dispatcher.dispatch()).isEqualTo(1);
    assertThat(receiver.accepted()).hasSize(1);

    Response paused = admin.patch("/api/webhooks/" + id, Map.of("active", false));
    assertThat(paused.json().get("active").asBoolean()).isFalse();
    assertThat(paused.json().has("secret")).isFalse();
    meeting("Paused", "Hear nothing");
    assertThat(dispatcher.dispatch()).isZero();
    assertThat(deliveries(id)).hasSize(1);
  }

  @Test
  void theAdminPageListsSubscriptionsAndDeliveriesEscapedWithEmptyStates() throws IOException {
    WebSession session =
        WebSession.signedIn(port, ApiClient.adminEmail(), ApiClient.adminPassword());
    Response empty = session.get("/admin/webhooks");
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.body()).contains("No subscriptions yet").contains("Nothing has been sent yet");

    Receiver receiver = receiver(SECRET);
    Response created =
        admin.post(
            "/api/webhooks",
            Map.of(
                "url",
                receiver.url(),
                "secret",
                SECRET,
                "description",
                "<script>alert('hook')</script>"));
    String id = created.json().get("id").asString();
    receiver.answer(503);
    meeting("Shown", "Show me");
    dispatcher.dispatch();

    Response page = session.get("/admin/webhooks?subscription=" + id);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .doesNotContain("<script>alert")
        .contains("&lt;script&gt;alert(&#39;hook&#39;)&lt;/script&gt;")
        .contains(receiver.url())
        .contains("action_item.created")
        .contains("HTTP 503")
        .contains("Replay")
        .doesNotContain(SECRET)
        .doesNotContain("No subscriptions yet");
  }

  // --- helpers ---

  private Receiver receiver(String secret) throws IOException {
    Receiver receiver = new Receiver(secret);
    receivers.add(receiver);
    return receiver;
  }

  /** Subscribes the receiver with its secret; no events named means all of them. */
  private String subscribe(Receiver receiver, List<String> events) {
    return subscribe(receiver.url(), events);
  }

  private String subscribe(String url, List<String> events) {
    Map<String, Object> body = new HashMap<>();
    body.put("url", url);
    body.put("secret", SECRET);
    if (!events.isEmpty()) {
      body.put("events", events);
    }
    Response created = admin.post("/api/webhooks", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("secret").asString()).isEqualTo(SECRET);
    return created.json().get("id").asString();
  }

  private List<JsonNode> deliveries(String subscriptionId) {
    Response log = admin.get("/api/webhooks/" + subscriptionId + "/deliveries");
    assertThat(log.status()).as(log.body()).isEqualTo(200);
    List<JsonNode> list = new ArrayList<>();
    log.json().forEach(list::add);
    return list;
  }

  private static List<JsonNode> oldestFirst(List<JsonNode> newestFirst) {
    return newestFirst.stream()
        .sorted((a, b) -> Long.compare(a.get("id").asLong(), b.get("id").asLong()))
        .collect(Collectors.toList());
  }

  /** A meeting stored as a finished job stores it, in one transaction, with these action items. */
  private String meeting(String title, String... items) {
    String id = "m-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String owner = admin.get("/api/me").json().get("id").asString();
    meetings.insert(
        new MeetingStore.NewMeeting(
            id, owner, title, LocalDate.of(2025, 3, 14), "en", TrackLayout.MIXED, null, "k-" + id),
        List.of());
    List<ActionItem> actions = new ArrayList<>();
    for (int i = 0; i < items.length; i++) {
      actions.add(
          new ActionItem(
              "a" + (i + 1),
              items[i],
              "Ana",
              null,
              ActionItemStatus.OPEN,
              1_000L * i,
              List.of("g1"),
              0.9,
              "we will " + items[i].toLowerCase(java.util.Locale.ROOT)));
    }
    Meeting meeting =
        new Meeting(
            Meeting.SCHEMA,
            id,
            title,
            LocalDate.of(2025, 3, 14),
            60_000,
            "en",
            new Source(List.of()),
            List.of(new Speaker("S1", "Ana", 5_000)),
            List.of(new Segment("g1", "S1", 0, 5_000, "we will do it", List.of())),
            new Minutes(
                Minutes.GENERAL,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                actions,
                List.of()));
    transactions.executeWithoutResult(status -> meetings.saveProcessed(id, meeting));
    meetings.progress(id, MeetingStatus.DONE, null, 1.0);
    return id;
  }

  private static TrackedActionItem withOwner(TrackedActionItem item, String owner) {
    return new TrackedActionItem(
        item.id(),
        item.meetingId(),
        item.itemId(),
        item.meetingTitle(),
        item.meetingDate(),
        item.text(),
        owner,
        item.due(),
        item.status(),
        item.startMs(),
        item.quote(),
        item.confirmed(),
        item.externalId(),
        item.externalUrl(),
        item.version(),
        item.updatedAt());
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
