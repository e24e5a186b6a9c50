package dev.verbatim.server.load;

import dev.verbatim.server.load.LoadClient.Reply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;

/** Latencies and errors per kind of request, recorded from many threads at once. */
final class Latencies {

  private static final int KEPT_ERRORS = 20;

  private final Map<String, ConcurrentLinkedQueue<Long>> nanos = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
  private final List<String> order = new ArrayList<>();

  /**
   * One kind of request summed up, in milliseconds.
   *
   * @param count the requests that succeeded, whose latencies the percentiles are of
   * @param errors the requests that failed: an exception or a status the request should not get
   */
  record Summary(
      String request, long count, long errors, double p50, double p95, double p99, double max) {}

  /**
   * Makes the request and records its latency when its status is {@code expected}, else an error.
   * Exceptions count as errors too, so a run goes on whatever the server does.
   */
  Optional<Reply> measure(String name, LoadClient.Request request, IntPredicate expected) {
    long start = System.nanoTime();
    try {
      Reply reply = request.send();
      long elapsed = System.nanoTime() - start;
      if (expected.test(reply.status())) {
        record(name, elapsed);
        return Optional.of(reply);
      }
      error(name, reply.status() + " " + reply.excerpt());
    } catch (IOException e) {
      error(name, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Optional.empty();
  }

  void record(String request, long elapsedNanos) {
    samples(request).add(elapsedNanos);
  }

  void error(String request, String what) {
    samples(request);
    errors.computeIfAbsent(request, r -> new AtomicLong()).incrementAndGet();
    if (firstErrors.size() < KEPT_ERRORS) {
      firstErrors.add(request + ": " + what);
    }
  }

  long errorCount() {
    return errors.values().stream().mapToLong(AtomicLong::get).sum();
  }

  long requestCount() {
    return nanos.values().stream().mapToLong(ConcurrentLinkedQueue::size).sum() + errorCount();
  }

  /** The first errors, to start an investigation from. */
  List<String> firstErrors() {
    return List.copyOf(firstErrors);
  }

  /** A summary per kind of request, in the order they were first seen. */
  List<Summary> summaries() {
    Map<String, Summary> byRequest = new LinkedHashMap<>();
    synchronized (order) {
      for (String request : order) {
        byRequest.put(request, summary(request));
      }
    }
    return List.copyOf(byRequest.values());
  }

  Summary summary(String request) {
    long[] sorted = samples(request).stream().mapToLong(Long::longValue).sorted().toArray();
    AtomicLong failed = errors.get(request);
    return new Summary(
        request,
        sorted.length,
        failed == null ? 0 : failed.get(),
        percentile(sorted, 50),
        percentile(sorted, 95),
        percentile(sorted, 99),
        percentile(sorted, 100));
  }

  /** Nearest rank, in milliseconds; 0 when nothing was measured. */
  static double percentile(long[] sortedNanos, int percent) {
    if (sortedNanos.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sortedNanos.length);
    return sortedNanos[Math.max(rank, 1) - 1] / 1e6;
  }

  private ConcurrentLinkedQueue<Long> samples(String request) {
    return nanos.computeIfAbsent(
        request,
        r -> {
          synchronized (order) {
            order.add(r);
          }
          return new ConcurrentLinkedQueue<>();
        });
  }
}
