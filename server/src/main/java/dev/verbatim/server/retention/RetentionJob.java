package dev.verbatim.server.retention;

import dev.verbatim.server.VerbatimProperties;
import dev.verbatim.server.audit.AuditAction;
import dev.verbatim.server.audit.AuditActor;
import dev.verbatim.server.audit.AuditTarget;
import dev.verbatim.server.audit.AuditTrail;
import dev.verbatim.server.meeting.MeetingRemoval;
import dev.verbatim.server.meeting.MeetingStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies the retention policy: deletes meetings older than {@code meeting-days}, then the
 * recordings of those older than {@code media-days}. Age counts from the upload (the meeting's
 * creation), not from the date the meeting took place, which people may set to anything. A meeting
 * with a queued or running job is left for a later run.
 */
@Component
public class RetentionJob {

  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

  private final MeetingStore meetings;
  private final MeetingRemoval removal;
  private final AuditTrail audit;
  private final VerbatimProperties.Retention policy;
  private final Clock clock;

  RetentionJob(
      MeetingStore meetings,
      MeetingRemoval removal,
      AuditTrail audit,
      VerbatimProperties properties,
      Clock clock) {
    this.meetings = meetings;
    this.removal = removal;
    this.audit = audit;
    this.policy = properties.retention();
    this.clock = clock;
  }

  /** What one run deleted. */
  public record Outcome(int meetingsDeleted, int recordingsDeleted) {}

  /** One run, as the schedule starts it. */
  public Outcome run() {
    return run(clock);
  }

  /** One run as of {@code clock}'s now. */
  public Outcome run(Clock clock) {
    Instant now = clock.instant();
    int deleted = 0;
    int removed = 0;
    if (policy.meetingDays() > 0) {
      Instant cutoff = now.minus(Duration.ofDays(policy.meetingDays()));
      for (String id : meetings.uploadedBefore(cutoff, false)) {
        removal.delete(id);
        audit.record(
            AuditActor.SYSTEM,
            AuditAction.RETENTION_MEETING_DELETE,
            AuditTarget.meeting(id),
            "uploaded over " + policy.meetingDays() + " days ago");
        deleted++;
      }
    }
    if (policy.mediaDays() > 0) {
      Instant cutoff = now.minus(Duration.ofDays(policy.mediaDays()));
      for (String id : meetings.uploadedBefore(cutoff, true)) {
        try {
          if (removal.removeMedia(id, now)) {
            audit.record(
                AuditActor.SYSTEM,
                AuditAction.RETENTION_MEDIA_DELETE,
                AuditTarget.meeting(id),
                "uploaded over " + policy.mediaDays() + " days ago");
            removed++;
          }
        } catch (IOException e) {
          // Marked as removed already, so no one plays it; what is left on disk needs a hand.
          log.error("Retention: the recordings of meeting {} could not all be deleted", id, e);
          audit.record(
              AuditActor.SYSTEM,
              AuditAction.RETENTION_MEDIA_DELETE,
              AuditTarget.meeting(id),
              "files could not all be deleted: " + e.getMessage());
          removed++;
        }
      }
    }
    if (deleted > 0 || removed > 0) {
      log.info("Retention: {} meeting(s) deleted, recordings of {} removed", deleted, removed);
    }
    return new Outcome(deleted, removed);
  }
}
