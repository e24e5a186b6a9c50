package dev.verbatim.server.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.server.ApiClient;
import dev.verbatim.server.Members;
import dev.verbatim.server.ServerProcess;
import dev.verbatim.testsupport.Media;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two web processes on one PostgreSQL, each with its own index: whatever changes through one is
 * found the same through the other within a few seconds. Only the first runs jobs.
 */
@Tag("slow")
class SearchAcrossNodesTests {

  private static final Path HOME = Path.of(System.getProperty("verbatim.home", ".."));

  /** How long the other process may take before the test calls it lost; not a measure. */
  private static final Duration NEVER = Duration.ofMinutes(1);

  private final Map<String, Duration> lags = new LinkedHashMap<>();

  @Test
  void everyChangeMadeThroughOneProcessIsFoundTheSameThroughTheOther(@TempDir Path dir)
      throws Exception {
    // The sample's first twenty seconds: the budget review, and Friday's numbers.
    Path recording =
        Media.convert(
            HOME.resolve("samples/meeting.mp4"),
            dir.resolve("short.wav"),
            "-t",
            "20",
            "-ar",
            "16000",
            "-ac",
            "1");
    Path data = dir.resolve("data");
    Path log = Path.of("target", "search-across-nodes.log");
    Files.deleteIfExists(log);
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      String[] database = {
        "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
        "spring.datasource.username=postgres",
        "spring.datasource.password="
      };
      // One data directory, as containers on one volume share it, and an index each.
      try (ServerProcess a =
              ServerProcess.start(
                  data,
                  log,
                  with(database, "verbatim.search.index-dir=" + data.resolve("index-a")));
          ServerProcess b =
              ServerProcess.start(
                  data,
                  log,
                  with(
                      database,
                      "verbatim.search.index-dir=" + data.resolve("index-b"),
                      "verbatim.jobs.enabled=false"))) {
        changeThroughAFindTheSameThroughB(a.api, b.api, recording);
      }
    }
    Files.writeString(
        Path.of("target", "search-across-nodes-lag.txt"),
        lags.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue().toMillis() + " ms")
            .reduce("", (all, line) -> all + line + "\n"));
  }

  private void changeThroughAFindTheSameThroughB(ApiClient a, ApiClient b, Path recording) {
    String id = a.uploadOne(recording, "Quarterly review");
    JsonNode meeting = a.awaitFinished(id);
    assertThat(meeting.get("status").asString()).as(meeting.toString()).isEqualTo("done");
    // The job's process indexes the meeting just after the status says done.
    Instant done = Instant.now();
    while (found(a, "budget").isEmpty() && Instant.now().isBefore(done.plus(NEVER))) {
      ApiClient.sleep(50);
    }
    assertThat(found(a, "budget")).isNotEmpty();
    sameThroughBoth("processed", a, b, "budget");

    assertThat(a.patch("/api/meetings/" + id, Map.of("title", "Zeppelin review")).status())
        .isEqualTo(200);
    assertThat(found(a, "zeppelin")).isNotEmpty();
    sameThroughBoth("renamed", a, b, "zeppelin");

    String segment = meeting.get("segments").get(0).get("id").asString();
    assertThat(
            a.put(
                    "/api/meetings/" + id + "/segments/" + segment,
                    Map.of("text", "the quokka budget review"))
                .status())
        .isEqualTo(200);
    assertThat(found(a, "quokka")).isNotEmpty();
    sameThroughBoth("segment edited", a, b, "quokka");

    Members.Member mia = Members.create(a, port(a), "Mia");
    ApiClient miaOnA = mia.api();
    ApiClient miaOnB = b.withToken(token(mia.api()));
    assertThat(found(miaOnB, "quokka")).isEmpty();
    assertThat(a.put("/api/meetings/" + id + "/shares/" + mia.id(), Map.of("permission", "view")))
        .extracting(ApiClient.Response::status)
        .isEqualTo(200);
    assertThat(found(miaOnA, "quokka")).isNotEmpty();
    sameThroughBoth("shared", miaOnA, miaOnB, "quokka");

    assertThat(a.delete("/api/meetings/" + id + "/shares/" + mia.id()).status()).isEqualTo(204);
    assertThat(found(miaOnA, "quokka")).isEmpty();
    sameThroughBoth("unshared", miaOnA, miaOnB, "quokka");

    assertThat(a.delete("/api/meetings/" + id).status()).isEqualTo(204);
    assertThat(found(a, "budget")).isEmpty();
    sameThroughBoth("deleted", a, b, "budget");
  }

  /**
   * Waits until {@code b} answers {@code query} as {@code a} does, and notes how long that took
   * after the change.
   */
  private void sameThroughBoth(String change, ApiClient a, ApiClient b, String query) {
    Instant changed = Instant.now();
    List<String> expected = found(a, query);
    List<String> actual = found(b, query);
    while (!actual.equals(expected) && Instant.now().isBefore(changed.plus(NEVER))) {
      ApiClient.sleep(50);
      actual = found(b, query);
    }
    lags.put(change, Duration.between(changed, Instant.now()));
    assertThat(actual)
        .as("%s: the other process's hits for \"%s\"", change, query)
        .isEqualTo(expected);
  }

  /** The hits, each as meeting, kind and place, in order. */
  private static List<String> found(ApiClient api, String query) {
    ApiClient.Response response =
        api.get("/api/search?size=50&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<String> hits = new ArrayList<>();
    for (JsonNode hit : response.json().get("hits")) {
      hits.add(
          String.join(
              "/",
              hit.get("meetingId").asString(),
              hit.get("type").asString(),
              Objects.toString(text(hit, "segmentId")),
              Objects.toString(text(hit, "actionItemId")),
              hit.get("meetingTitle").asString()));
    }
    return hits;
  }

  private static String text(JsonNode hit, String field) {
    JsonNode value = hit.get(field);
    return value == null || value.isNull() ? "-" : value.asString();
  }

  private static String[] with(String[] settings, String... more) {
    List<String> all = new ArrayList<>(List.of(settings));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private static int port(ApiClient api) {
    return URI.create(api.base()).getPort();
  }

  private static String token(ApiClient api) {
    return Objects.requireNonNull(api.authorization()).substring("Bearer ".length());
  }
}
