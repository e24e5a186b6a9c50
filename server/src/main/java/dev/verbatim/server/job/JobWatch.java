package dev.verbatim.server.job;

import dev.verbatim.server.VerbatimProperties;
import dev.verbatim.server.events.MeetingEvent;
import dev.verbatim.server.events.MeetingEvents;
import dev.verbatim.server.meeting.MeetingChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Tells the browsers of this process about jobs that other processes run: a worker stores each
 * job's stage and progress in the job table anyway, so a process that serves people reads the rows
 * changed since it last looked, every {@code verbatim.jobs.watch}, and publishes them as the
 * worker's own process would have: progress, done and failed events, and {@link MeetingChanged}
 * {@code PROCESSED} for a finished job, so that what follows a processed meeting here (the search
 * index) follows it.
 *
 * <p>Polling the table works on every database, needs no connection of its own, and loses nothing
 * when this process or the database was briefly away: the rows are still there when it looks again.
 */
@Component
class JobWatch implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(JobWatch.class);

  /**
   * Rows changed this long before the newest one seen are read again: another writer's clock may
   * lag, or its transaction commit after a later one. Repeats are recognised and dropped.
   */
  static final Duration OVERLAP = Duration.ofSeconds(10);

  /** More changes than a deployment makes in {@link #OVERLAP}; a guard, not a page size. */
  private static final int LIMIT = 10_000;

  private final JobStore jobs;
  private final JobRunner runner;
  private final MeetingEvents events;
  private final ApplicationEventPublisher publisher;
  private final Duration every;
  private final boolean enabled;

  /** What was last told of each job read within the overlap; only the watch thread uses these. */
  private final Map<String, Told> told = new HashMap<>();

  private Instant newest = Instant.now();
  private volatile @Nullable ScheduledExecutorService timer;

  private record Told(String status, @Nullable String stage, double progress, Instant updatedAt) {}

  JobWatch(
      JobStore jobs,
      JobRunner runner,
      MeetingEvents events,
      ApplicationEventPublisher publisher,
      VerbatimProperties properties) {
    this.jobs = jobs;
    this.runner = runner;
    this.events = events;
    this.publisher = publisher;
    this.every = properties.jobs().watch();
    this.enabled = properties.role().servesUsers() && !every.isNegative() && !every.isZero();
  }

  @Override
  public void start() {
    if (!enabled) {
      return;
    }
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "job-watch");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.scheduleWithFixedDelay(
        this::safePoll, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    timer = scheduler;
  }

  @Override
  public void stop() {
    ScheduledExecutorService scheduler = timer;
    if (scheduler != null) {
      scheduler.shutdownNow();
      timer = null;
    }
  }

  @Override
  public boolean isRunning() {
    return timer != null;
  }

  private void safePoll() {
    try {
      poll();
    } catch (RuntimeException e) {
      // The database may be briefly away; the rows wait for the next look.
      log.warn("Could not read the progress of jobs: {}", e.toString());
    }
  }

  /** Reads the jobs changed since the last look and publishes what is new. */
  void poll() {
    List<JobStore.JobChange> changes = jobs.changedSince(newest.minus(OVERLAP), LIMIT);
    String me = runner.worker();
    for (JobStore.JobChange change : changes) {
      if (change.updatedAt().isAfter(newest)) {
        newest = change.updatedAt();
      }
      if (me.equals(change.worker())) {
        // This process runs it and has published its events already.
        continue;
      }
      Told now = new Told(change.status(), change.stage(), change.progress(), change.updatedAt());
      Told before = told.put(change.id(), now);
      if (before != null && sameNews(before, now)) {
        continue;
      }
      tell(change);
    }
    Instant forget = newest.minus(OVERLAP);
    told.values().removeIf(t -> t.updatedAt().isBefore(forget));
  }

  private static boolean sameNews(Told a, Told b) {
    return a.status().equals(b.status())
        && Objects.equals(a.stage(), b.stage())
        && a.progress() == b.progress();
  }

  private void tell(JobStore.JobChange change) {
    String meeting = change.meetingId();
    switch (change.status()) {
      case "running" ->
          events.publish(
              MeetingEvent.progress(
                  meeting, change.stage() != null ? change.stage() : "queued", change.progress()));
      case "done" -> {
        publisher.publishEvent(new MeetingChanged(meeting, MeetingChanged.Change.PROCESSED));
        events.publish(MeetingEvent.done(meeting));
      }
      case "failed" ->
          events.publish(
              MeetingEvent.failed(meeting, change.error() != null ? change.error() : "Failed."));
      default -> {
        // Queued and cancelled jobs have no news here: the process that queued, retried or
        // cancelled them told its own listeners, and the next claim brings progress.
      }
    }
  }
}
