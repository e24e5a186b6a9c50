package dev.verbatim.server.jitsi;

import dev.verbatim.core.Meeting;
import dev.verbatim.core.Word;
import dev.verbatim.server.job.TranscriptFinisher;
import dev.verbatim.server.meeting.MeetingNotFoundException;
import dev.verbatim.transcribe.Track;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the meeting of a conference that ended, as a job does for an upload: the speech of each
 * participant becomes their track, the pipeline assembles the transcript and writes the minutes
 * (with the glossary's corrections), and the meeting is stored, indexed and announced as done.
 */
class ConferenceFinisher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ConferenceFinisher.class);

  private final JitsiStore store;
  private final TranscriptFinisher finisher;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "jitsi-finisher");
            thread.setDaemon(true);
            return thread;
          });

  ConferenceFinisher(JitsiStore store, TranscriptFinisher finisher) {
    this.store = store;
    this.finisher = finisher;
  }

  /** Finalises the meeting on the finisher's thread: minutes take a while. */
  void finishLater(String meetingId) {
    worker.execute(() -> finish(meetingId));
  }

  void finish(String meetingId) {
    try {
      JitsiStore.Conference conference =
          store
              .conference(meetingId)
              .orElseThrow(() -> new MeetingNotFoundException("Conference " + meetingId));
      List<JitsiStore.Utterance> said = store.utterances(meetingId);
      long origin = conference.startedAt().toEpochMilli();
      for (JitsiStore.Utterance u : said) {
        origin = Math.min(origin, u.startAt());
      }
      long end =
          conference.endedAt() != null
              ? conference.endedAt().toEpochMilli()
              : Instant.now().toEpochMilli();
      for (JitsiStore.Utterance u : said) {
        end = Math.max(end, u.endAt());
      }
      List<Track> tracks = tracks(store.participants(meetingId), said, origin);
      Meeting meeting = finisher.finish(meetingId, end - origin, tracks);
      log.info(
          "Meeting {} finalised: {} speakers, {} segments",
          meetingId,
          meeting.speakers().size(),
          meeting.segments().size());
    } catch (MeetingNotFoundException e) {
      log.info("Meeting {} was deleted before its conference was finalised", meetingId);
    } catch (RuntimeException e) {
      log.error("Could not finalise the live meeting {}", meetingId, e);
      finisher.failed(meetingId, "Finalising the live meeting failed: " + e.getMessage());
    }
  }

  /**
   * One track per participant, in the order they appeared, each speaking from the conference's
   * start; speech of a stream nobody was named for becomes a speaker of its own.
   */
  static List<Track> tracks(
      List<JigasiEvent.Participant> participants, List<JitsiStore.Utterance> said, long origin) {
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, List<Word>> words = new LinkedHashMap<>();
    for (JitsiStore.Utterance u : said) {
      String key = key(u);
      if (key != null) {
        words.computeIfAbsent(key, k -> new ArrayList<>());
      }
    }
    for (JigasiEvent.Participant p : participants) {
      names.put("p:" + p.id(), p.displayName());
      words.computeIfAbsent("p:" + p.id(), k -> new ArrayList<>());
    }
    for (JitsiStore.Utterance u : said) {
      String key = key(u);
      if (key == null) {
        continue;
      }
      for (Word w : u.words()) {
        words
            .get(key)
            .add(new Word(w.text(), w.startMs() - origin, w.endMs() - origin, w.confidence()));
      }
    }
    List<Track> tracks = new ArrayList<>();
    int n = 0;
    for (Map.Entry<String, List<Word>> e : words.entrySet()) {
      tracks.add(new Track("S" + ++n, names.get(e.getKey()), e.getValue()));
    }
    return tracks;
  }

  private static @Nullable String key(JitsiStore.Utterance u) {
    if (u.participantId() != null) {
      return "p:" + u.participantId();
    }
    return u.streamId() != null ? "s:" + u.streamId() : null;
  }

  /** Lets a meeting being finalised finish; the rest are finalised after the next start. */
  @Override
  public void close() {
    worker.shutdown();
    try {
      if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
