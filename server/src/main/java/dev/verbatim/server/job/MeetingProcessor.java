package dev.verbatim.server.job;

import dev.verbatim.core.Meeting;
import dev.verbatim.core.Progress;
import dev.verbatim.core.Segment;
import dev.verbatim.ingest.MediaReader;
import dev.verbatim.ingest.MediaRejectedException;
import dev.verbatim.ingest.transcript.ImportedTranscript;
import dev.verbatim.server.VerbatimProperties;
import dev.verbatim.server.events.MeetingEvent;
import dev.verbatim.server.events.MeetingEvents;
import dev.verbatim.server.meeting.MediaFile;
import dev.verbatim.server.meeting.MeetingChanged;
import dev.verbatim.server.meeting.MeetingHeader;
import dev.verbatim.server.meeting.MeetingNotFoundException;
import dev.verbatim.server.meeting.MeetingStatus;
import dev.verbatim.server.meeting.MeetingStore;
import dev.verbatim.server.pipeline.MeetingPipeline;
import dev.verbatim.server.pipeline.MeetingRequest;
import dev.verbatim.server.pipeline.TrackLayout;
import dev.verbatim.server.storage.MediaStorage;
import dev.verbatim.transcribe.SpeechModelMissingException;
import dev.verbatim.transcribe.UnknownLanguageException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one job: the meeting's recordings through decode, transcribe, corrections and minutes;
 * stores the result in the same transaction that completes the job; then lets the index follow.
 */
@Component
class MeetingProcessor {

  private static final Logger log = LoggerFactory.getLogger(MeetingProcessor.class);

  /** Progress reports closer together than this are not stored (a 2-hour job reports often). */
  private static final double PROGRESS_STEP = 0.01;

  private final JobStore jobs;
  private final MeetingStore meetings;
  private final MediaStorage storage;
  private final MediaReader media;
  private final MeetingPipeline pipeline;
  private final List<TranscriptCorrector> correctors;
  private final MeetingEvents events;
  private final ApplicationEventPublisher publisher;
  private final TransactionTemplate transactions;
  private final VerbatimProperties.Jobs settings;
  private final MeterRegistry metrics;
  private final TranscriptFinisher finisher;
  private final JsonMapper json;

  MeetingProcessor(
      JobStore jobs,
      MeetingStore meetings,
      MediaStorage storage,
      MediaReader media,
      MeetingPipeline pipeline,
      List<TranscriptCorrector> correctors,
      MeetingEvents events,
      ApplicationEventPublisher publisher,
      TransactionTemplate transactions,
      VerbatimProperties properties,
      MeterRegistry metrics,
      TranscriptFinisher finisher,
      JsonMapper json) {
    this.jobs = jobs;
    this.meetings = meetings;
    this.storage = storage;
    this.media = media;
    this.pipeline = pipeline;
    this.correctors = correctors;
    this.events = events;
    this.publisher = publisher;
    this.transactions = transactions;
    this.settings = properties.jobs();
    this.metrics = metrics;
    this.finisher = finisher;
    this.json = json;
    Gauge.builder("verbatim.jobs.queued", jobs, JobStore::queued)
        .description("Jobs waiting for a worker")
        .register(metrics);
  }

  void process(Job job, String worker, JobRunner.Control control) {
    Timer.Sample sample = Timer.start(metrics);
    String outcome = "error";
    try {
      outcome = run(job, worker, control);
    } finally {
      sample.stop(
          Timer.builder("verbatim.jobs")
              .description("Processing jobs, by outcome")
              .tag("outcome", outcome)
              .register(metrics));
    }
  }

  /** Runs the job and returns how it ended: done, failed, retry or stopped. */
  private String run(Job job, String worker, JobRunner.Control control) {
    String id = job.meetingId();
    List<MediaStorage.LocalFile> copies = new ArrayList<>();
    try {
      if (job.attempts() > settings.maxAttempts()) {
        // Each earlier attempt ended with its worker gone (killed, out of memory): stop trying.
        fail(job, worker, "Processing stopped after " + settings.maxAttempts() + " attempts.");
        return "failed";
      }
      log.info("Processing meeting {} (attempt {})", id, job.attempts());
      MeetingHeader header = meetings.header(id);
      Reporter reporter = new Reporter(job, worker, control);
      Optional<String> imported = meetings.imported(id);
      if (imported.isPresent()) {
        // The words came from another tool: only the minutes are written, from its transcript.
        reporter.report("minutes", 0);
        ImportedTranscript transcript = json.readValue(imported.get(), ImportedTranscript.class);
        finisher.finish(
            id,
            transcript.durationMs(),
            TranscriptFinisher.tracks(transcript),
            () -> {
              if (!jobs.complete(job.id(), worker)) {
                throw new JobStoppedException(JobStoppedException.Reason.LEASE_LOST);
              }
            });
        log.info("Meeting {} made from its imported transcript", id);
        return "done";
      }
      reporter.report("decode", 0);
      List<Path> files = new ArrayList<>();
      for (MediaFile file : meetings.media(id)) {
        MediaStorage.LocalFile local = storage.localFile(file.storageKey());
        copies.add(local);
        files.add(local.path());
      }
      MeetingRequest request =
          new MeetingRequest(
              files,
              header.title(),
              header.date(),
              header.language(),
              header.layout(),
              null,
              header.template(),
              meetings.roster(id));
      List<TranscriptCorrector.Applied> applied = new ArrayList<>();
      Meeting meeting =
          pipeline.process(
              request,
              reporter,
              segments -> {
                List<Segment> corrected = segments;
                for (TranscriptCorrector corrector : correctors) {
                  TranscriptCorrector.Applied result = corrector.correct(id, corrected);
                  applied.add(result);
                  corrected = result.segments();
                }
                return corrected;
              });
      control.checkpoint();
      Optional<String> playback = mixForPlayback(id, header, files);
      control.checkpoint();
      reporter.report("index", 0);
      transactions.executeWithoutResult(
          status -> {
            meetings.saveProcessed(id, meeting.withId(header.id()));
            meetings.playbackKey(id, playback.orElse(null));
            applied.forEach(a -> a.store().run());
            if (!jobs.complete(job.id(), worker)) {
              // Cancelled or taken over meanwhile: this result must not be stored.
              throw new JobStoppedException(JobStoppedException.Reason.LEASE_LOST);
            }
          });
      publisher.publishEvent(new MeetingChanged(id, MeetingChanged.Change.PROCESSED));
      events.publish(MeetingEvent.done(id));
      log.info("Meeting {} processed", id);
      return "done";
    } catch (JobStoppedException e) {
      stopped(job, worker, e.reason());
      return "stopped";
    } catch (MeetingNotFoundException e) {
      // Deleted while queued; the cascade removed the job row as well.
      log.info("Meeting {} was deleted before its job ran", id);
      return "stopped";
    } catch (MediaRejectedException | UnknownLanguageException | IllegalArgumentException e) {
      fail(job, worker, e.getMessage());
      return "failed";
    } catch (SpeechModelMissingException e) {
      fail(job, worker, "The speech model is missing on the server: " + e.getMessage());
      return "failed";
    } catch (IOException | RuntimeException e) {
      return retryOrFail(job, worker, e);
    } finally {
      release(id, copies);
    }
  }

  /** Deletes the copies object storage made for decoding; stored files on local disk stay. */
  private static void release(String id, List<MediaStorage.LocalFile> copies) {
    for (MediaStorage.LocalFile copy : copies) {
      try {
        copy.close();
      } catch (IOException e) {
        // The job's outcome stands; the copy is only disk space, named here to remove by hand.
        log.warn("Could not delete {}, a copy of meeting {}'s media", copy.path(), id, e);
      }
    }
  }

  /**
   * Mixes the tracks of a meeting recorded one file per participant into one recording to play.
   * Playing is a convenience: a mix that fails leaves the first track to play, and the job goes on.
   */
  private Optional<String> mixForPlayback(String id, MeetingHeader header, List<Path> files) {
    if (header.layout() != TrackLayout.FILE_PER_SPEAKER || files.size() < 2) {
      return Optional.empty();
    }
    String key = id + "/playback/mix.m4a";
    try {
      Path temp = Files.createTempFile("verbatim-mix", ".m4a");
      try {
        media.mixForPlayback(files, temp);
        storage.adopt(key, temp);
        return Optional.of(key);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException | RuntimeException e) {
      log.warn("Could not mix the tracks of meeting {} for playback", id, e);
      return Optional.empty();
    }
  }

  private void stopped(Job job, String worker, JobStoppedException.Reason reason) {
    switch (reason) {
      case SHUTDOWN -> {
        jobs.release(job.id(), worker);
        meetings.progress(job.meetingId(), MeetingStatus.QUEUED, null, 0);
        log.info("Meeting {} goes back to the queue: the server is stopping", job.meetingId());
      }
      case CANCELLED -> log.info("Meeting {} cancelled", job.meetingId());
      case LEASE_LOST ->
          log.warn("Lost the job of meeting {}; its result is dropped", job.meetingId());
    }
  }

  private String retryOrFail(Job job, String worker, Exception e) {
    if (job.attempts() >= settings.maxAttempts()) {
      log.error("Meeting {} failed after {} attempts", job.meetingId(), job.attempts(), e);
      fail(job, worker, "Processing failed: " + e.getMessage());
      return "failed";
    }
    Duration delay = settings.retryDelay().multipliedBy(1L << Math.min(10, job.attempts() - 1));
    log.warn(
        "Meeting {} failed (attempt {}); retrying in {}",
        job.meetingId(),
        job.attempts(),
        delay,
        e);
    if (jobs.retry(job.id(), worker, String.valueOf(e.getMessage()), delay)) {
      meetings.progress(job.meetingId(), MeetingStatus.QUEUED, "retrying", 0);
      events.publish(MeetingEvent.progress(job.meetingId(), "retrying", 0));
    }
    return "retry";
  }

  private void fail(Job job, String worker, String reason) {
    if (jobs.fail(job.id(), worker, reason)) {
      meetings.failed(job.meetingId(), reason);
      events.publish(MeetingEvent.failed(job.meetingId(), reason));
      log.warn("Meeting {} failed: {}", job.meetingId(), reason);
    }
  }

  /**
   * After a cancel, a meeting processed before keeps its old result and is done again; one never
   * processed is failed, with the reason.
   */
  static void afterCancel(MeetingStore meetings, String meetingId) {
    if (meetings.segments(meetingId).isEmpty()) {
      meetings.failed(meetingId, "Cancelled.");
    } else {
      meetings.progress(meetingId, MeetingStatus.DONE, null, 1);
    }
  }

  /** Turns pipeline progress into the job's, stores it now and then, and checks for a stop. */
  private final class Reporter implements Consumer<Progress> {
    private final Job job;
    private final String worker;
    private final JobRunner.Control control;
    private String lastStage = "";
    private double lastProgress = -1;

    Reporter(Job job, String worker, JobRunner.Control control) {
      this.job = job;
      this.worker = worker;
      this.control = control;
    }

    @Override
    public void accept(Progress p) {
      report(p.stage(), p.fraction());
    }

    void report(String stage, double fraction) {
      control.checkpoint();
      double overall = overall(stage, fraction);
      if (stage.equals(lastStage) && overall - lastProgress < PROGRESS_STEP) {
        return;
      }
      lastStage = stage;
      lastProgress = overall;
      if (!jobs.progress(job.id(), worker, stage, overall)) {
        // Cancelled through another process, or taken over: stop now, not at the next heartbeat.
        boolean cancelled = jobs.status(job.id()).filter("cancelled"::equals).isPresent();
        control.stop(
            cancelled
                ? JobStoppedException.Reason.CANCELLED
                : JobStoppedException.Reason.LEASE_LOST);
        control.checkpoint();
      }
      meetings.progress(job.meetingId(), MeetingStatus.PROCESSING, stage, overall);
      events.publish(MeetingEvent.progress(job.meetingId(), stage, overall));
    }

    /** Recognition is nearly all of the time; the rest share the last few percent. */
    private static double overall(String stage, double fraction) {
      return switch (stage) {
        case "decode" -> 0.01 * fraction;
        case "minutes" -> 0.90 + 0.07 * fraction;
        case "index" -> 0.97 + 0.03 * fraction;
        default -> 0.01 + 0.89 * fraction;
      };
    }
  }
}
