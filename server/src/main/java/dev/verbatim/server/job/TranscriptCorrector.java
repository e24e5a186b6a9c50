package dev.verbatim.server.job;

import dev.verbatim.core.Segment;
import java.util.List;

/**
 * Changes recognised segments before minutes are written from them, such as a glossary that puts
 * "regulatory" where "regular tory" was heard.
 */
public interface TranscriptCorrector {

  /** Corrects one meeting's segments. Nothing is stored until the job completes. */
  Applied correct(String meetingId, List<Segment> segments);

  /**
   * The corrected segments, and what to store about the corrections, run inside the transaction
   * that stores the meeting.
   */
  record Applied(List<Segment> segments, Runnable store) {}
}
