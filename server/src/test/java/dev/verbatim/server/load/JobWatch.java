package dev.verbatim.server.load;

import dev.verbatim.server.load.LoadClient.Reply;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Follows uploaded meetings through the meetings list, as the list page does, until each is done or
 * failed, and notices any listed twice.
 */
final class JobWatch {

  private static final int PAGE = 100;
  private static final long POLL_MILLIS = 500;

  private final LoadClient client;

  /**
   * Where the jobs ended.
   *
   * @param unfinished accepted meetings neither done nor failed when the limit ran out: lost jobs
   * @param listedTwice meetings that appeared more than once in one reading of the list
   * @param makespan from the first upload to the last job finished
   * @param audioMs the length of the recordings of the meetings done
   * @param failures why each failed meeting failed
   * @param pollErrors readings of the list that failed
   */
  record Outcome(
      int done,
      int failed,
      int unfinished,
      int listedTwice,
      Duration makespan,
      long audioMs,
      List<String> failures,
      List<String> pollErrors) {}

  /** One meeting as the list shows it. */
  private record Listed(String id, String status, long durationMs, String error) {}

  JobWatch(LoadClient client) {
    this.client = client;
  }

  /** The number of meetings on the server. */
  long total() throws IOException, InterruptedException {
    return page(0, 1).path("total").asLong();
  }

  /**
   * Polls until every meeting in {@code ids} is done or failed, or {@code limit} has passed since
   * {@code startNanos}.
   */
  Outcome await(Set<String> ids, long startNanos, Duration limit) throws InterruptedException {
    long deadline = startNanos + limit.toNanos();
    Map<String, Long> finishedAt = new HashMap<>();
    Map<String, Listed> last = Map.of();
    Set<String> listedTwice = new HashSet<>();
    List<String> pollErrors = new ArrayList<>();
    while (finishedAt.size() < ids.size() && System.nanoTime() < deadline) {
      try {
        last = listed(ids, listedTwice);
      } catch (IOException e) {
        // A failed reading is an error of the run, not the end of the watch.
        pollErrors.add(e.toString());
      }
      long now = System.nanoTime();
      last.values().stream()
          .filter(m -> m.status().equals("done") || m.status().equals("failed"))
          .forEach(m -> finishedAt.putIfAbsent(m.id(), now));
      if (finishedAt.size() < ids.size()) {
        Thread.sleep(POLL_MILLIS);
      }
    }
    return outcome(ids, last, listedTwice, finishedAt, startNanos, pollErrors);
  }

  private static Outcome outcome(
      Set<String> ids,
      Map<String, Listed> last,
      Set<String> listedTwice,
      Map<String, Long> finishedAt,
      long startNanos,
      List<String> pollErrors) {
    List<Listed> done = withStatus(last, "done");
    List<Listed> failed = withStatus(last, "failed");
    long lastFinish = finishedAt.values().stream().mapToLong(Long::longValue).max().orElse(0);
    return new Outcome(
        done.size(),
        failed.size(),
        ids.size() - done.size() - failed.size(),
        listedTwice.size(),
        Duration.ofNanos(Math.max(lastFinish - startNanos, 0)),
        done.stream().mapToLong(Listed::durationMs).sum(),
        failed.stream().map(m -> m.id() + ": " + m.error()).toList(),
        List.copyOf(pollErrors));
  }

  private static List<Listed> withStatus(Map<String, Listed> meetings, String status) {
    return meetings.values().stream().filter(m -> m.status().equals(status)).toList();
  }

  /** Reads the whole list once and returns the meetings of {@code ids} in it. */
  private Map<String, Listed> listed(Set<String> ids, Set<String> listedTwice)
      throws IOException, InterruptedException {
    Map<String, Listed> found = new HashMap<>();
    long total = Long.MAX_VALUE;
    for (int page = 0; (long) page * PAGE < total && found.size() < ids.size(); page++) {
      JsonNode list = page(page, PAGE);
      total = list.path("total").asLong();
      for (JsonNode item : list.path("items")) {
        Listed meeting = listed(item);
        if (ids.contains(meeting.id()) && found.put(meeting.id(), meeting) != null) {
          listedTwice.add(meeting.id());
        }
      }
    }
    return found;
  }

  private static Listed listed(JsonNode item) {
    return new Listed(
        item.path("id").asString(),
        item.path("status").asString(),
        item.path("durationMs").asLong(),
        item.path("error").asString(""));
  }

  private JsonNode page(int page, int size) throws IOException, InterruptedException {
    String path = "/api/meetings?page=" + page + "&size=" + size;
    Reply reply = client.get(path);
    if (reply.status() != 200) {
      throw new IOException("GET " + path + " answered " + reply.status() + ": " + reply.excerpt());
    }
    try {
      return reply.json();
    } catch (JacksonException e) {
      throw new IOException("GET " + path + " answered with no JSON: " + reply.excerpt(), e);
    }
  }
}
