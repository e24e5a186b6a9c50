package dev.verbatim.server.job;

import dev.verbatim.server.meeting.MeetingStatus;
import dev.verbatim.server.meeting.MeetingStore;
import dev.verbatim.server.meeting.Processing;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Queues meetings for processing, and cancels it. */
@Service
public class JobQueue implements Processing {

  private final JobStore jobs;
  private final MeetingStore meetings;
  private final TransactionTemplate transactions;
  private final JobRunner runner;

  JobQueue(
      JobStore jobs, MeetingStore meetings, TransactionTemplate transactions, JobRunner runner) {
    this.jobs = jobs;
    this.meetings = meetings;
    this.transactions = transactions;
    this.runner = runner;
  }

  /** Queues a job for a meeting just inserted; call inside the transaction that inserted it. */
  public void enqueue(String meetingId) {
    jobs.enqueue(meetingId);
  }

  @Override
  public boolean reprocess(String meetingId) {
    Boolean queued =
        transactions.execute(
            status -> {
              if (jobs.hasActiveJob(meetingId)) {
                return false;
              }
              meetings.progress(meetingId, MeetingStatus.QUEUED, null, 0);
              jobs.enqueue(meetingId);
              return true;
            });
    return Boolean.TRUE.equals(queued);
  }

  @Override
  public boolean cancel(String meetingId) {
    boolean cancelled = jobs.cancel(meetingId) > 0;
    if (cancelled) {
      // A queued job is simply never claimed; a running one stops at its next progress report.
      runner.cancel(meetingId);
      MeetingProcessor.afterCancel(meetings, meetingId);
    }
    return cancelled;
  }
}
