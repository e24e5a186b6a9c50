package dev.verbatim.server.job;

import dev.verbatim.server.VerbatimProperties;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A bounded pool of workers that claim jobs from the queue and run them, with a heartbeat that
 * keeps their leases.
 *
 * <p>It is a lifecycle bean so it stops before the speech model and database it uses are closed:
 * running jobs are handed back to the queue, and run again after the restart.
 */
@Component
class JobRunner implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

  private final JobStore jobs;
  private final MeetingProcessor processor;
  private final VerbatimProperties.Jobs settings;
  private final boolean runsJobs;
  private final String worker;
  private final Map<String, Control> running = new ConcurrentHashMap<>();
  private volatile boolean started;
  private @Nullable ExecutorService workers;
  private @Nullable ScheduledExecutorService heartbeat;

  JobRunner(JobStore jobs, MeetingProcessor processor, VerbatimProperties properties) {
    this.jobs = jobs;
    this.processor = processor;
    this.settings = properties.jobs();
    this.runsJobs = settings.enabled() && properties.role().runsJobs();
    // Host and process id name the worker in the job table, for whoever looks at it.
    this.worker =
        ManagementFactory.getRuntimeMXBean().getName()
            + "/"
            + UUID.randomUUID().toString().substring(0, 8);
  }

  @Override
  public void start() {
    if (!runsJobs) {
      return;
    }
    started = true;
    AtomicInteger n = new AtomicInteger();
    workers =
        Executors.newFixedThreadPool(
            settings.concurrency(), r -> new Thread(r, "job-" + n.incrementAndGet()));
    for (int i = 0; i < settings.concurrency(); i++) {
      workers.execute(this::work);
    }
    heartbeat = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "job-heartbeat"));
    long every = Math.max(100, settings.lease().toMillis() / 3);
    heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    log.info("Job workers started: {} at once, worker {}", settings.concurrency(), worker);
  }

  @Override
  public void stop() {
    if (!started) {
      return;
    }
    started = false;
    running.values().forEach(c -> c.stop(JobStoppedException.Reason.SHUTDOWN));
    if (workers != null) {
      workers.shutdown();
      try {
        if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
          log.warn("Jobs did not stop within 30 s; their leases will expire and they run again");
          workers.shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (heartbeat != null) {
      heartbeat.shutdownNow();
    }
  }

  @Override
  public boolean isRunning() {
    return started;
  }

  /** How this process names itself in the job table. */
  String worker() {
    return worker;
  }

  /** Stops the meeting's job if it runs here; the database already says it is cancelled. */
  void cancel(String meetingId) {
    running.values().stream()
        .filter(c -> c.job.meetingId().equals(meetingId))
        .forEach(c -> c.stop(JobStoppedException.Reason.CANCELLED));
  }

  private void work() {
    while (started) {
      try {
        Optional<Job> job = jobs.claim(worker, settings.lease());
        if (job.isPresent()) {
          run(job.get());
        } else {
          Thread.sleep(settings.poll().toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // The database may be briefly away; the loop must outlive that.
        log.error("The job worker failed; trying again shortly", e);
        try {
          Thread.sleep(settings.poll().toMillis());
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void run(Job job) {
    Control control = new Control(job);
    running.put(job.id(), control);
    MDC.put("meetingId", job.meetingId());
    MDC.put("jobId", job.id());
    try {
      processor.process(job, worker, control);
    } finally {
      running.remove(job.id());
      MDC.remove("meetingId");
      MDC.remove("jobId");
    }
  }

  private void beat() {
    for (Control control : running.values()) {
      try {
        if (!jobs.heartbeat(control.job.id(), worker, settings.lease())) {
          // Cancelled through another process, or taken over after a stall.
          control.stop(JobStoppedException.Reason.LEASE_LOST);
        }
      } catch (RuntimeException e) {
        log.warn("Could not renew the lease of {}", control.job.id(), e);
      }
    }
  }

  /** What a running job checks at each progress report. */
  static final class Control {
    private final Job job;
    private volatile JobStoppedException.@Nullable Reason stop;

    Control(Job job) {
      this.job = job;
    }

    void stop(JobStoppedException.Reason reason) {
      if (stop == null) {
        stop = reason;
      }
    }

    /** Throws if the job must stop. */
    void checkpoint() {
      JobStoppedException.Reason reason = stop;
      if (reason != null) {
        throw new JobStoppedException(reason);
      }
    }
  }
}
