package dev.verbatim.server;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The web service's own settings; each feature module has its own record besides.
 *
 * @param data where the embedded database, media files and search index live by default
 * @param publicUrl the address people reach Verbatim at, for links that leave the request:
 *     webhooks, calendar feeds, exports. Unset, links use the address a request came to, or
 *     localhost.
 * @param upload limits on what may be uploaded
 * @param jobs how processing jobs run
 * @param retention how long meetings and their recordings are kept
 * @param role what this process does: serve people, run jobs, or both
 */
@ConfigurationProperties("verbatim")
public record VerbatimProperties(
    @DefaultValue("data") Path data,
    @Nullable URI publicUrl,
    @DefaultValue Upload upload,
    @DefaultValue Jobs jobs,
    @DefaultValue Retention retention,
    @DefaultValue("all") Role role) {

  /**
   * What one process of a deployment does. One machine runs {@code all}; a larger deployment runs
   * {@code web} processes behind a load balancer and {@code worker} processes that share its
   * PostgreSQL database and its media storage.
   */
  public enum Role {
    /** Serves the web pages and the API, and runs no jobs. */
    WEB,
    /** Runs jobs; serves only its health check and metrics, for its orchestrator. */
    WORKER,
    /** Both, as a single machine runs it. */
    ALL;

    /** Whether this process claims and runs jobs. */
    public boolean runsJobs() {
      return this != WEB;
    }

    /** Whether people and API clients use this process: pages, API, live events, schedules. */
    public boolean servesUsers() {
      return this != WORKER;
    }
  }

  /**
   * @param maxSize the largest recording (each file) accepted, by multipart or resumable upload
   */
  public record Upload(@DefaultValue("4GB") DataSize maxSize) {}

  /**
   * @param enabled whether this process may run jobs (off for one-shot commands; a {@code web}
   *     process never does)
   * @param concurrency jobs run at once; each uses every recognition thread, so 1 suits 2 cores
   * @param maxAttempts attempts for a job that fails for a reason that may pass (I/O, database)
   * @param retryDelay the wait before the second attempt; it doubles for each one after
   * @param lease how long a running job stays claimed without its worker's heartbeat
   * @param poll how often an idle worker looks for queued jobs
   * @param watch how often a process that serves people reads the progress of jobs that other
   *     processes run, for its live events
   */
  public record Jobs(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("1") int concurrency,
      @DefaultValue("3") int maxAttempts,
      @DefaultValue("30s") Duration retryDelay,
      @DefaultValue("60s") Duration lease,
      @DefaultValue("1s") Duration poll,
      @DefaultValue("1s") Duration watch) {

    public Jobs {
      if (concurrency < 1) {
        throw new IllegalArgumentException("verbatim.jobs.concurrency must be 1 or more");
      }
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("verbatim.jobs.max-attempts must be 1 or more");
      }
    }
  }

  /**
   * How long meetings are kept, counted from their upload (the meeting's creation time, not the
   * date it took place). 0 keeps them forever.
   *
   * @param mediaDays after this many days the recordings are deleted; transcript, minutes, exports
   *     and search remain
   * @param meetingDays after this many days the whole meeting is deleted
   * @param schedule when the retention job runs: a cron expression ({@code 0 30 3 * * *}, or a
   *     macro like {@code @daily}) or an interval ({@code 6h})
   */
  public record Retention(
      @DefaultValue("0") int mediaDays,
      @DefaultValue("0") int meetingDays,
      @DefaultValue("@daily") String schedule) {

    public Retention {
      if (mediaDays < 0 || meetingDays < 0) {
        throw new IllegalArgumentException(
            "verbatim.retention.media-days and meeting-days are 0 (keep forever) or more");
      }
    }

    /** Whether anything is ever deleted. */
    public boolean enabled() {
      return mediaDays > 0 || meetingDays > 0;
    }

    /** When the recordings of a meeting uploaded at {@code createdAt} are due to go. */
    public Optional<Instant> mediaDeleteAfter(Instant createdAt) {
      return mediaDays > 0
          ? Optional.of(createdAt.plus(Duration.ofDays(mediaDays)))
          : Optional.empty();
    }

    /** When a meeting uploaded at {@code createdAt} is due to go. */
    public Optional<Instant> meetingDeleteAfter(Instant createdAt) {
      return meetingDays > 0
          ? Optional.of(createdAt.plus(Duration.ofDays(meetingDays)))
          : Optional.empty();
    }
  }
}
