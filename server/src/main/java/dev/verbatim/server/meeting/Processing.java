package dev.verbatim.server.meeting;

/** Starts and stops the processing of meetings; the job queue implements it. */
public interface Processing {

  /**
   * Queues the meeting to be processed again from its recordings. Returns false if a job for it is
   * already queued or running.
   */
  boolean reprocess(String meetingId);

  /** Cancels the meeting's queued or running job. Returns false if it had none. */
  boolean cancel(String meetingId);
}
