package dev.verbatim.server.job;

import dev.verbatim.core.Meeting;
import dev.verbatim.core.Segment;
import dev.verbatim.core.Speaker;
import dev.verbatim.core.Word;
import dev.verbatim.ingest.transcript.ImportedTranscript;
import dev.verbatim.server.events.MeetingEvent;
import dev.verbatim.server.events.MeetingEvents;
import dev.verbatim.server.meeting.MeetingChanged;
import dev.verbatim.server.meeting.MeetingHeader;
import dev.verbatim.server.meeting.MeetingStore;
import dev.verbatim.server.pipeline.MeetingPipeline;
import dev.verbatim.transcribe.Track;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    return finish(meetingId, durationMs, tracks, () -> {});
  }

  /**
   * As {@link #finish(String, long, List)}, running {@code inTransaction} in the transaction that
   * stores the meeting (a job marks itself complete there); if it throws, nothing is stored.
   */
  Meeting finish(String meetingId, long durationMs, List<Track> tracks, Runnable inTransaction) {
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
          inTransaction.run();
        });
    publisher.publishEvent(new MeetingChanged(meetingId, MeetingChanged.Change.PROCESSED));
    events.publish(MeetingEvent.done(meetingId));
    return meeting;
  }

  /** One track per speaker of an imported transcript, with their words. */
  static List<Track> tracks(ImportedTranscript transcript) {
    Map<String, List<Word>> words = new LinkedHashMap<>();
    for (Speaker speaker : transcript.speakers()) {
      words.put(speaker.id(), new ArrayList<>());
    }
    for (Segment segment : transcript.segments()) {
      words.get(segment.speakerId()).addAll(segment.words());
    }
    List<Track> tracks = new ArrayList<>();
    for (Speaker speaker : transcript.speakers()) {
      tracks.add(new Track(speaker.id(), speaker.name(), words.get(speaker.id())));
    }
    return tracks;
  }

  /** Marks the meeting failed, for its page and the event streams, with why. */
  public void failed(String meetingId, String reason) {
    meetings.failed(meetingId, reason);
    events.publish(MeetingEvent.failed(meetingId, reason));
  }
}
