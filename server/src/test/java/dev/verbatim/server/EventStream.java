package dev.verbatim.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a browser hears on a Server-Sent Events stream of the API, read as it arrives. */
public final class EventStream implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Queue<JsonNode> heard = new ConcurrentLinkedQueue<>();
  private final InputStream stream;

  private EventStream(InputStream stream) {
    this.stream = stream;
    Thread reader = new Thread(this::read, "sse-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Opens {@code path} (such as {@code /api/events}) as {@code api}'s caller. */
  public static EventStream open(ApiClient api, String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(api.base() + path)).header("Accept", "text/event-stream");
    if (api.authorization() != null) {
      request.header("Authorization", api.authorization());
    }
    try {
      HttpResponse<InputStream> response =
          HttpClient.newHttpClient()
              .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      assertThat(response.statusCode()).isEqualTo(200);
      return new EventStream(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("data:")) {
          heard.add(JSON.readTree(line.substring("data:".length())));
        }
      }
    } catch (IOException e) {
      // The stream ends when the test closes it or the server stops.
    }
  }

  /** Every event heard so far: {@code meetingId}, {@code type}, {@code stage}, {@code progress}. */
  public List<JsonNode> heard() {
    return List.copyOf(heard);
  }

  /** Events of one type for one meeting. */
  public List<JsonNode> of(String meetingId, String type) {
    return heard.stream()
        .filter(e -> e.get("meetingId").asString().equals(meetingId))
        .filter(e -> e.get("type").asString().equals(type))
        .toList();
  }

  /** Waits, as a browser would, until an event that {@code wanted} describes has arrived. */
  public JsonNode await(Predicate<JsonNode> wanted, Duration limit) {
    Instant end = Instant.now().plus(limit);
    while (Instant.now().isBefore(end)) {
      for (JsonNode event : heard) {
        if (wanted.test(event)) {
          return event;
        }
      }
      ApiClient.sleep(100);
    }
    throw new AssertionError("No such event; heard: " + heard);
  }

  @Override
  public void close() {
    try {
      stream.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
