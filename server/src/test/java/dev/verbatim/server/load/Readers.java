package dev.verbatim.server.load;

import dev.verbatim.server.load.LoadClient.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * API clients that read meetings as people with the meetings list open do, with no pause between
 * requests: the list, a meeting, now and then its Markdown export or a stretch of its recording.
 */
final class Readers {

  static final String LIST = "GET /api/meetings?size=20";
  static final String MEETING = "GET /api/meetings/{id}";
  static final String EXPORT = "GET …/export/md";
  static final String MEDIA = "GET …/media (Range)";

  /** The bytes a player asks for at a time when seeking. */
  private static final long RANGE = 64 * 1024;

  private final LoadClient client;
  private final Latencies latencies;
  private final int count;
  private final ExecutorService threads;
  private final AtomicBoolean running = new AtomicBoolean(true);
  // Ids seen in the list; few enough that copying on each new one is cheap.
  private final CopyOnWriteArrayList<String> known = new CopyOnWriteArrayList<>();
  private long startedAt;

  /** What the readers did. */
  record Result(List<Latencies.Summary> requests, long total, long errors, Duration elapsed) {
    double perSecond() {
      return total / Math.max(elapsed.toMillis() / 1000.0, 0.001);
    }
  }

  Readers(LoadClient client, int count) {
    this.client = client;
    this.latencies = new Latencies();
    this.count = count;
    this.threads = Executors.newFixedThreadPool(Math.max(count, 1));
  }

  void start() {
    startedAt = System.nanoTime();
    for (int i = 0; i < count; i++) {
      threads.execute(this::readUntilStopped);
    }
  }

  /** Lets each reader finish the request it is making, then sums them up. */
  Result stop() throws InterruptedException {
    running.set(false);
    threads.shutdown();
    if (!threads.awaitTermination(5, TimeUnit.MINUTES)) {
      throw new IllegalStateException("Readers still busy 5 minutes after being stopped");
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startedAt);
    return new Result(
        latencies.summaries(), latencies.requestCount(), latencies.errorCount(), elapsed);
  }

  List<String> firstErrors() {
    return latencies.firstErrors();
  }

  private void readUntilStopped() {
    while (running.get() && !Thread.currentThread().isInterrupted()) {
      readOnce();
    }
  }

  private void readOnce() {
    latencies
        .measure(LIST, () -> client.get("/api/meetings?size=20"), Readers::success)
        .flatMap(reply -> json(LIST, reply))
        .ifPresent(this::remember);
    if (known.isEmpty()) {
      return;
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String path = "/api/meetings/" + known.get(random.nextInt(known.size()));
    Optional<JsonNode> meeting =
        latencies
            .measure(MEETING, () -> client.get(path), Readers::success)
            .flatMap(r -> json(MEETING, r));
    if (random.nextInt(4) == 0) {
      latencies.measure(EXPORT, () -> client.get(path + "/export/md"), Readers::success);
    }
    if (random.nextInt(4) == 0 && meeting.isPresent()) {
      seek(meeting.get().path("media").path(0));
    }
  }

  /** Asks for 64 KiB of the first recording from a random place, expecting 206. */
  private void seek(JsonNode media) {
    long size = media.path("sizeBytes").asLong();
    if (size <= 0) {
      latencies.error(MEDIA, "the meeting lists no recording: " + media);
      return;
    }
    long first = ThreadLocalRandom.current().nextLong(Math.max(size - RANGE, 1));
    long last = Math.min(first + RANGE, size) - 1;
    String url = media.path("url").asString();
    latencies.measure(MEDIA, () -> client.getRange(url, first, last), status -> status == 206);
  }

  private void remember(JsonNode list) {
    for (JsonNode item : list.path("items")) {
      known.addIfAbsent(item.path("id").asString());
    }
  }

  private Optional<JsonNode> json(String name, Reply reply) {
    try {
      return Optional.of(reply.json());
    } catch (JacksonException e) {
      latencies.error(name, "not JSON: " + reply.excerpt());
      return Optional.empty();
    }
  }

  private static boolean success(int status) {
    return status / 100 == 2;
  }
}
