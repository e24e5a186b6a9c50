package dev.verbatim.server.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Loads a running Verbatim server: distinct recordings uploaded all at once while API clients read
 * meetings, then waits for every job and reports throughput, latencies, errors and lost jobs. Exits
 * 0 only when nothing failed and nothing was lost. {@code scripts/load-test.sh} makes the
 * recordings, builds it and starts a server; it is not a JUnit test, so CI does not run it.
 */
public final class LoadTest {

  static final String UPLOAD = "POST /api/meetings";

  private final LoadOptions options;
  private final LoadClient client;
  private final Latencies uploads = new Latencies();

  LoadTest(LoadOptions options) {
    this.options = options;
    this.client = new LoadClient(options.url(), options.token());
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    LoadOptions options;
    try {
      options = LoadOptions.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(LoadOptions.USAGE);
      System.exit(2);
      return;
    }
    LoadReport report = new LoadTest(options).run();
    report.print(System.out);
    System.exit(report.passed() ? 0 : 1);
  }

  LoadReport run() throws IOException, InterruptedException {
    List<Path> recordings = recordings();
    JobWatch watch = new JobWatch(client);
    long meetingsBefore = watch.total();
    Readers readers = new Readers(client, options.readers());
    long start = System.nanoTime();
    readers.start();
    List<String> accepted = uploadAll(recordings);
    JobWatch.Outcome jobs = watch.await(new LinkedHashSet<>(accepted), start, options.jobLimit());
    long readUntil = start + options.duration().toNanos();
    Thread.sleep(Math.max(0, (readUntil - System.nanoTime()) / 1_000_000));
    Readers.Result reads = readers.stop();
    long unexpected = watch.total() - meetingsBefore - accepted.size();
    List<String> errors = new ArrayList<>(uploads.firstErrors());
    errors.addAll(readers.firstErrors());
    errors.addAll(jobs.failures());
    errors.addAll(jobs.pollErrors());
    return new LoadReport(
        options,
        accepted.size(),
        uploads.summary(UPLOAD),
        jobs,
        repeated(accepted),
        Math.max(unexpected, 0),
        reads,
        errors);
  }

  /** The first {@code uploads} recordings of the folder, by name. */
  private List<Path> recordings() throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(options.recordings())) {
      files = listing.filter(Files::isRegularFile).sorted().limit(options.uploads()).toList();
    }
    if (files.size() < options.uploads()) {
      throw new IllegalArgumentException(
          options.recordings()
              + " holds "
              + files.size()
              + " recordings, not "
              + options.uploads());
    }
    return files;
  }

  /** Uploads every recording at the same moment, each from its own thread; returns the ids. */
  private List<String> uploadAll(List<Path> recordings) throws InterruptedException {
    ExecutorService threads = Executors.newFixedThreadPool(recordings.size());
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Optional<String>>> pending = new ArrayList<>();
    for (Path recording : recordings) {
      pending.add(
          threads.submit(
              () -> {
                go.await();
                return upload(recording);
              }));
    }
    go.countDown();
    List<String> ids = new ArrayList<>();
    try {
      for (Future<Optional<String>> upload : pending) {
        upload.get().ifPresent(ids::add);
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("An upload thread broke", e.getCause());
    } finally {
      threads.shutdown();
    }
    return ids;
  }

  /** The new meeting's id, when the server accepted the recording as a new meeting (202). */
  private Optional<String> upload(Path recording) {
    String title = "Load " + recording.getFileName();
    return uploads
        .measure(UPLOAD, () -> client.upload(recording, title), status -> status == 202)
        .map(reply -> reply.json().path("id").asString());
  }

  /** Ids two uploads were both given. */
  private static int repeated(List<String> ids) {
    Set<String> seen = new HashSet<>();
    return (int) ids.stream().filter(id -> !seen.add(id)).count();
  }
}
