package dev.verbatim.server.jitsi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.server.ApiClient;
import dev.verbatim.server.TestData;
import dev.verbatim.server.VerbatimApplication;
import dev.verbatim.server.WebSession;
import dev.verbatim.testsupport.Line;
import dev.verbatim.testsupport.ScriptedMeeting;
import dev.verbatim.testsupport.SpokenLine;
import dev.verbatim.testsupport.Voice;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jigasi's side of a Jitsi conference replayed against the server: its exact Vosk byte sequence and
 * quirks, with every reply checked for the shapes Jigasi parses, and a four-person stand-up spoken
 * by flite voices streamed at 48 kHz, one connection per participant, with Jigasi's events naming
 * them, until the meeting is finalised with minutes and can be searched.
 */
@SpringBootTest(
    classes = VerbatimApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "verbatim.jitsi.enabled=true",
      "verbatim.jitsi.silent-connection-timeout=1s",
      "verbatim.jitsi.conference-idle=2s",
      "verbatim.jitsi.end-grace=500ms",
      "verbatim.jobs.enabled=false"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JigasiLiveTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final Path DATA = TestData.directory("verbatim-jitsi");

  @DynamicPropertySource
  static void data(DynamicPropertyRegistry registry) {
    registry.add("verbatim.data", DATA::toString);
  }

  @LocalServerPort int port;

  ApiClient admin;
  ApiClient jigasi;
  ScriptedMeeting standup;
  Map<String, byte[]> tracks = new LinkedHashMap<>();

  @BeforeAll
  void speech() {
    admin = new ApiClient(port);
    jigasi = new ApiClient(port, null);
    standup = ScriptedMeeting.render(ScriptedMeeting.standup(), DATA.resolve("standup"));
    standup.tracks().forEach((speaker, wav) -> tracks.put(speaker, JigasiClient.at48k(wav)));
  }

  /** Checks a reply has a shape Jigasi parses, and returns it. */
  private static JsonNode jigasiParses(String reply) {
    JsonNode node = JSON.readTree(reply);
    assertThat(node.isObject()).as(reply).isTrue();
    assertThat(node.has("alternatives")).as("never alternatives: %s", reply).isFalse();
    assertThat(node.has("partial") ^ node.has("text")).as("partial xor text: %s", reply).isTrue();
    if (node.has("partial")) {
      assertThat(node.get("partial").isString()).isTrue();
    } else {
      assertThat(node.get("text").isString()).as(reply).isTrue();
      for (JsonNode word : node.path("result")) {
        assertThat(word.get("conf").isNumber()).isTrue();
        assertThat(word.get("start").isNumber()).isTrue();
        assertThat(word.get("end").isNumber()).isTrue();
        assertThat(word.get("word").isString()).isTrue();
      }
    }
    return node;
  }

  private static String finals(List<JsonNode> replies) {
    return String.join(
        " ",
        replies.stream()
            .filter(r -> r.has("text"))
            .map(r -> r.get("text").asString())
            .filter(t -> !t.isBlank())
            .toList());
  }

  @Test
  void jigasisByteSequenceGetsOneReplyPerPieceInShapesJigasiParses() {
    // 39 characters: with a client frame's 2-byte header and 4-byte mask, the 45-byte frame
    // of Jigasi's log (alphacep/vosk-api#113).
    assertThat(JigasiClient.CONFIG).hasSize(39);
    try (JigasiClient client = new JigasiClient(port, "/asr/vosk")) {
      client.text(JigasiClient.CONFIG);
      List<JsonNode> replies = new ArrayList<>();
      byte[] ana = tracks.get("ana");
      for (int at = 0; at < ana.length; at += JigasiClient.PIECE) {
        client.binary(ana, at, Math.min(JigasiClient.PIECE, ana.length - at));
        replies.add(jigasiParses(client.reply()));
      }
      client.text(JigasiClient.EOF);
      JsonNode last = jigasiParses(client.reply());

      assertThat(last.has("text")).isTrue();
      assertThat(client.awaitClose(Duration.ofSeconds(30))).isEqualTo(1000);
      replies.add(last);
      assertThat(finals(replies)).contains("good morning").contains("budget").contains("tomorrow");
      assertThat(replies.stream().filter(r -> r.has("result")).findFirst())
          .as("finals carry their words")
          .isPresent();
    }
  }

  @Test
  void audioWithoutConfigIsHeardAs48kHz() {
    try (JigasiClient client = new JigasiClient(port, "/asr/vosk")) {
      List<JsonNode> replies = new ArrayList<>();
      int pieces = client.stream(tracks.get("dana"));
      for (int i = 0; i < pieces; i++) {
        replies.add(jigasiParses(client.reply()));
      }
      client.text(JigasiClient.EOF);
      replies.add(jigasiParses(client.reply()));

      assertThat(finals(replies)).contains("customer documentation");
    }
  }

  @Test
  void aConnectionThatNeverSendsAnythingIsClosed() {
    try (JigasiClient client = new JigasiClient(port, "/asr/vosk")) {
      assertThat(client.awaitClose(Duration.ofSeconds(30))).isEqualTo(1000);
    }
  }

  @Test
  void resetEndsTheUtteranceAndTheStreamGoesOn() {
    try (JigasiClient client = new JigasiClient(port, "/asr/vosk")) {
      client.text(JigasiClient.CONFIG);
      byte[] ana = tracks.get("ana");
      SpokenLine first = standup.spoken().get(0);
      int cut = (int) (first.endMs() * 96);
      cut -= cut % 2;
      for (int at = 0; at < cut; at += JigasiClient.PIECE) {
        client.binary(ana, at, Math.min(JigasiClient.PIECE, cut - at));
        jigasiParses(client.reply());
      }
      client.text(JigasiClient.RESET);
      JsonNode reset = jigasiParses(client.reply());
      client.binary(ana, cut, JigasiClient.PIECE);
      JsonNode after = jigasiParses(client.reply());

      assertThat(reset.has("text")).isTrue();
      assertThat(after.has("partial") || after.has("text")).isTrue();
      assertThat(client.isClosedByServer()).isFalse();
    }
  }

  @Test
  void genericClientsMayTurnWordsOffAndListPhrases() {
    try (JigasiClient client = new JigasiClient(port, "/asr/vosk")) {
      client.text(
          "{\"config\": {\"sample_rate\": 48000, \"words\": false,"
              + " \"phrase_list\": [\"the new release goes out next week\", \"[unk]\"]}}");
      List<JsonNode> replies = new ArrayList<>();
      int pieces = client.stream(tracks.get("carl"));
      for (int i = 0; i < pieces; i++) {
        replies.add(jigasiParses(client.reply()));
      }
      client.text(JigasiClient.EOF);
      replies.add(jigasiParses(client.reply()));

      assertThat(finals(replies)).contains("release goes out next week");
      assertThat(replies).noneMatch(r -> r.has("result"));
    }
  }

  @Test
  void aStreamDroppedWithoutEofStillEndsUpInItsMeeting() {
    String room = "dropped-" + UUID.randomUUID().toString().substring(0, 8);
    byte[] bob = tracks.get("bob");
    SpokenLine friday = standup.spoken().get(2);
    // Up to the end of Bob's last word, with no pause after it: only the close can end it.
    int cut = (int) (friday.endMs() * 96);
    cut -= cut % 2;
    try (JigasiClient client = new JigasiClient(port, "/asr/vosk/" + room)) {
      client.text(JigasiClient.CONFIG);
      for (int at = 0; at < cut; at += JigasiClient.PIECE) {
        client.binary(bob, at, Math.min(JigasiClient.PIECE, cut - at));
        jigasiParses(client.reply());
      }
      client.drop();
      client.awaitClose(Duration.ofSeconds(30));
    }

    String meetingId = meetingOfRoom(room);
    JsonNode meeting = admin.awaitFinished(meetingId);

    assertThat(meeting.get("status").asString()).isEqualTo("done");
    assertThat(text(meeting)).contains("budget review").contains("friday");
  }

  private String meetingOfRoom(String room) {
    for (int i = 0; i < 120; i++) {
      for (JsonNode m : admin.get("/api/meetings?size=100").json().path("items")) {
        if (m.get("title").asString().equals("Jitsi: " + room)) {
          return m.get("id").asString();
        }
      }
      ApiClient.sleep(250);
    }
    throw new AssertionError("No meeting for room " + room);
  }

  private static String text(JsonNode meeting) {
    List<String> texts = new ArrayList<>();
    meeting.get("segments").forEach(s -> texts.add(s.get("text").asString()));
    return String.join(" ", texts);
  }

  @Test
  void aConferenceBecomesAMeetingWithEachParticipantsWordsMinutesAndSearch() throws Exception {
    String room = "standup-" + UUID.randomUUID().toString().substring(0, 8);
    JigasiEvents events = new JigasiEvents(jigasi, "/api/jigasi/events", room);
    Map<String, JigasiEvents.Person> people = new LinkedHashMap<>();
    people.put("ana", new JigasiEvents.Person("a1b2c3d4", "Ana", "user-ana"));
    people.put("bob", new JigasiEvents.Person("b2c3d4e5", "Bob", "user-bob"));
    people.put("carl", new JigasiEvents.Person("c3d4e5f6", "Carl", "user-carl"));
    people.put("dana", new JigasiEvents.Person("d4e5f6a7", "Dana", "user-dana"));

    ApiClient.Response start = events.post("start");
    assertThat(start.status()).isEqualTo(200);
    String meetingId = start.json().get("meetingId").asString();
    assertThat(admin.get("/api/meetings/" + meetingId).json().get("status").asString())
        .isEqualTo("live");
    List<String> live = listen(meetingId);
    people.values().forEach(p -> assertThat(events.post("join", p, "").status()).isEqualTo(200));
    // With people present the conference does not end by idling (conference-idle is 2 s here).
    WebSession browser =
        WebSession.signedIn(port, ApiClient.adminEmail(), ApiClient.adminPassword());
    assertThat(browser.get("/meetings/" + meetingId).body())
        .contains("Live captions")
        .contains("/js/live.js")
        .contains("no recording to play");

    // One connection per participant, no room in the URL: Jigasi's default configuration.
    Map<String, JigasiClient> streams = new LinkedHashMap<>();
    people.keySet().forEach(s -> streams.put(s, new JigasiClient(port, "/asr/vosk")));
    streams.values().forEach(c -> c.text(JigasiClient.CONFIG));
    int longest = tracks.values().stream().mapToInt(t -> t.length).max().orElseThrow();
    for (int at = 0; at < longest; at += JigasiClient.PIECE) {
      for (String speaker : people.keySet()) {
        byte[] pcm = tracks.get(speaker);
        if (at < pcm.length) {
          streams.get(speaker).binary(pcm, at, Math.min(JigasiClient.PIECE, pcm.length - at));
          // As Jigasi does: every final result goes to SEND_JSON_REMOTE_URLS with its speaker.
          repeat(events, people.get(speaker), jigasiParses(streams.get(speaker).reply()));
        }
      }
    }
    for (String speaker : people.keySet()) {
      JigasiClient client = streams.get(speaker);
      client.text(JigasiClient.EOF);
      repeat(events, people.get(speaker), jigasiParses(client.reply()));
      assertThat(client.awaitClose(Duration.ofSeconds(30))).isEqualTo(1000);
      client.close();
    }
    people.values().forEach(p -> events.post("leave", p, ""));
    assertThat(events.post("will-end").status()).isEqualTo(200);
    assertThat(events.post("end").status()).isEqualTo(200);

    JsonNode meeting = admin.awaitFinished(meetingId);
    assertThat(meeting.get("status").asString()).isEqualTo("done");
    Map<String, String> names = new LinkedHashMap<>();
    meeting
        .get("speakers")
        .forEach(s -> names.put(s.get("id").asString(), s.get("name").asString()));
    assertThat(names.values()).containsExactlyInAnyOrder("Ana", "Bob", "Carl", "Dana");
    // Absolute times: the meeting starts at START, a moment before the streams do.
    long lead = saidBy(meeting, names, "morning", "Ana").get("startMs").asLong();
    long shift = lead - standup.spoken().get(0).startMs();
    assertThat(shift).isBetween(-1000L, 60_000L);
    assertSaidAt(saidBy(meeting, names, "documentation", "Dana"), standup.spoken().get(4), shift);
    assertSaidAt(saidBy(meeting, names, "release", "Carl"), standup.spoken().get(3), shift);
    assertSaidAt(saidBy(meeting, names, "friday", "Bob"), standup.spoken().get(2), shift);
    assertThat(meeting.get("minutes").get("summary")).isNotEmpty();

    assertThat(browser.get("/meetings/" + meetingId).body())
        .contains("no recording to play")
        .doesNotContain("id=\"reprocess\"")
        .doesNotContain("/js/live.js");
    assertThat(admin.post("/api/meetings/" + meetingId + "/reprocess", "{}").status())
        .isEqualTo(409);
    JsonNode hits = admin.get("/api/search?q=documentation").json().get("hits");
    assertThat(hits).anyMatch(h -> h.get("meetingId").asString().equals(meetingId));
    assertThat(String.join("\n", live))
        .as("live captions, speaker by speaker")
        .contains("event:caption")
        .contains("\"speaker\":\"Dana\"")
        .contains("\"speaker\":\"Carl\"");
    assertThat(admin.get("/api/meetings/" + meetingId + "/captions").json()).isNotEmpty();
  }

  private static void repeat(JigasiEvents events, JigasiEvents.Person who, JsonNode reply) {
    if (reply.has("text") && !reply.get("text").asString().isBlank()) {
      assertThat(events.post("speech", who, reply.get("text").asString()).status()).isEqualTo(200);
    }
  }

  private static JsonNode saidBy(
      JsonNode meeting, Map<String, String> names, String word, String name) {
    JsonNode segment = null;
    for (JsonNode s : meeting.get("segments")) {
      if (s.get("text").asString().contains(word)) {
        segment = s;
        break;
      }
    }
    assertThat(segment).as("a segment with '%s' in %s", word, text(meeting)).isNotNull();
    assertThat(names.get(segment.get("speakerId").asString())).isEqualTo(name);
    return segment;
  }

  /** The streams are replayed faster than spoken, each on its own timeline from its start. */
  private static void assertSaidAt(JsonNode segment, SpokenLine line, long shift) {
    assertThat(segment.get("startMs").asLong() - shift)
        .as("'%s' starts near where it was said", segment.get("text").asString())
        .isBetween(line.startMs() - 1500, line.endMs());
  }

  /** Collects the meeting's Server-Sent Events as the page's script would hear them. */
  private List<String> listen(String meetingId) {
    List<String> lines = new CopyOnWriteArrayList<>();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/meetings/" + meetingId + "/events"))
            .header("Authorization", "Bearer " + ApiClient.adminToken())
            .header("Accept", "text/event-stream")
            .build();
    HttpClient.newHttpClient()
        .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
        .thenAccept(response -> response.body().forEach(lines::add));
    // Subscribed before anything is said.
    for (int i = 0; i < 40 && lines.isEmpty(); i++) {
      ApiClient.sleep(100);
    }
    return lines;
  }

  @Test
  void eventsOfOtherToolsAndInterimResultsAreTakenQuietly() {
    String room = "quiet-" + UUID.randomUUID().toString().substring(0, 8);
    JigasiEvents events = new JigasiEvents(jigasi, "/api/jigasi/events", room);
    JigasiEvents.Person eve = new JigasiEvents.Person("e5f6a7b8", "Eve", "user-eve");

    assertThat(events.post("speech-interim", eve, "half a thought").status()).isEqualTo(200);
    ApiClient.Response spoken = events.post("speech", eve, "a whole thought from elsewhere");
    assertThat(spoken.status()).isEqualTo(200);
    String meetingId = spoken.json().get("meetingId").asString();
    events.post("end");

    JsonNode meeting = admin.awaitFinished(meetingId);
    assertThat(text(meeting)).isEqualTo("a whole thought from elsewhere");
    assertThat(meeting.get("speakers").get(0).get("name").asString()).isEqualTo("Eve");
  }

  static Line line(String speaker, Voice voice, String text) {
    return new Line(speaker, voice, text, 500);
  }
}
