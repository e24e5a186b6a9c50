package dev.verbatim.server.job;

import dev.verbatim.core.Meeting;
import dev.verbatim.core.Segment;
import dev.verbatim.server.events.MeetingEvent;
import dev.verbatim.server.events.MeetingEvents;
import dev.verbatim.server.meeting.MeetingChanged;
import dev.verbatim.server.meeting.MeetingHeader;
import dev.verbatim.server.meeting.MeetingStore;
import dev.verbatim.server.pipeline.MeetingPipeline;
import dev.verbatim.transcribe.Track;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a meeting of speech recognised elsewhere, or before (a live conference, an imported
 * transcript), as a job does after recognition: the pipeline assembles the transcript from one
 * track per speaker, the glossary corrects it, the minutes are written, and the meeting is stored,
 * indexed and announced as done.
 */
@Component
public class TranscriptFinisher {

  private final MeetingStore meetings;
  private final MeetingPipeline pipeline;
  private final List<TranscriptCorrector> correctors;
  private final MeetingEvents events;
  private final ApplicationEventPublisher publisher;
  private final TransactionTemplate transactions;

  TranscriptFinisher(
      MeetingStore meetings,
      MeetingPipeline pipeline,
      List<TranscriptCorrector> correctors,
      MeetingEvents events,
      ApplicationEventPublisher publisher,
      TransactionTemplate transactions) {
    this.meetings = meetings;
    this.pipeline = pipeline;
    this.correctors = correctors;
    this.events = events;
    this.publisher = publisher;
    this.transactions = transactions;
  }

  /** Stores the meeting made of {@code tracks} under the meeting's own title, date and template. */
  public Meeting finish(String meetingId, long durationMs, List<Track> tracks) {
    MeetingHeader header = meetings.header(meetingId);
    List<TranscriptCorrector.Applied> applied = new ArrayList<>();
    Meeting meeting =
        pipeline.fromTracks(
            meetingId,
            header.title(),
            header.date(),
            durationMs,
            header.language(),
            tracks,
            header.template(),
            segments -> {
              List<Segment> corrected = segments;
              for (TranscriptCorrector corrector : correctors) {
                TranscriptCorrector.Applied result = corrector.correct(meetingId, corrected);
                applied.add(result);
                corrected = result.segments();
              }
              return corrected;
            });
    transactions.executeWithoutResult(
        status -> {
          meetings.saveProcessed(meetingId, meeting);
          applied.forEach(a -> a.store().run());
        });
    publisher.publishEvent(new MeetingChanged(meetingId, MeetingChanged.Change.PROCESSED));
    events.publish(MeetingEvent.done(meetingId));
    return meeting;
  }

  /** Marks the meeting failed, for its page and the event streams, with why. */
  public void failed(String meetingId, String reason) {
    meetings.failed(meetingId, reason);
    events.publish(MeetingEvent.failed(meetingId, reason));
  }
}
