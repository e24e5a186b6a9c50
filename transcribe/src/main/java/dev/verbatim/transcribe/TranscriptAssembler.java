package dev.verbatim.transcribe;

import dev.verbatim.core.Segment;
import dev.verbatim.core.Speaker;
import dev.verbatim.core.Transcript;
import dev.verbatim.core.Word;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Groups each speaker's words into segments and merges all speakers into one timeline.
 *
 * <p>A segment ends at a pause of at least {@code segmentPause} or before it would grow past {@code
 * maxSegment}, so subtitles and search hits stay short.
 */
public final class TranscriptAssembler {

  private static final Comparator<Segment> TIMELINE =
      Comparator.comparingLong(Segment::startMs)
          .thenComparing(Segment::speakerId, SpeakerIds.ORDER)
          .thenComparingLong(Segment::endMs);

  private final long pauseMs;
  private final long maxSegmentMs;

  public TranscriptAssembler(Duration segmentPause, Duration maxSegment) {
    this.pauseMs = segmentPause.toMillis();
    this.maxSegmentMs = maxSegment.toMillis();
    if (pauseMs <= 0 || maxSegmentMs <= 0) {
      throw new IllegalArgumentException(
          "Segment pause and length must be positive: " + segmentPause + ", " + maxSegment);
    }
  }

  /** Returns the speakers in id order and every track's segments in time order. */
  public Transcript assemble(List<Track> tracks) {
    List<Segment> unnumbered = new ArrayList<>();
    Map<String, Track> byId = new TreeMap<>(SpeakerIds.ORDER);
    for (Track track : tracks) {
      byId.putIfAbsent(track.speakerId(), track);
      unnumbered.addAll(split(track));
    }
    unnumbered.sort(TIMELINE);
    List<Segment> segments = new ArrayList<>(unnumbered.size());
    for (Segment s : unnumbered) {
      segments.add(
          new Segment(
              "seg-" + (segments.size() + 1),
              s.speakerId(),
              s.startMs(),
              s.endMs(),
              s.text(),
              s.words()));
    }
    Map<String, Long> talk =
        segments.stream()
            .collect(
                Collectors.groupingBy(
                    Segment::speakerId, Collectors.summingLong(s -> s.endMs() - s.startMs())));
    List<Speaker> speakers = new ArrayList<>();
    for (Track track : byId.values()) {
      String name = track.speakerName();
      if (name == null) {
        name = namedTrack(tracks, track.speakerId());
      }
      speakers.add(new Speaker(track.speakerId(), name, talk.getOrDefault(track.speakerId(), 0L)));
    }
    return new Transcript(speakers, segments);
  }

  private static @Nullable String namedTrack(List<Track> tracks, String speakerId) {
    return tracks.stream()
        .filter(t -> t.speakerId().equals(speakerId) && t.speakerName() != null)
        .map(Track::speakerName)
        .findFirst()
        .orElse(null);
  }

  /** Cuts one track's words, in time order, at pauses and at the length limit. */
  private List<Segment> split(Track track) {
    List<Word> words = new ArrayList<>(track.words());
    words.sort(Comparator.comparingLong(Word::startMs).thenComparingLong(Word::endMs));
    List<Segment> segments = new ArrayList<>();
    List<Word> current = new ArrayList<>();
    for (Word word : words) {
      if (!current.isEmpty()) {
        Word last = current.get(current.size() - 1);
        boolean pause = word.startMs() - last.endMs() >= pauseMs;
        boolean tooLong = word.endMs() - current.get(0).startMs() > maxSegmentMs;
        if (pause || tooLong) {
          segments.add(segment(track.speakerId(), current));
          current = new ArrayList<>();
        }
      }
      current.add(word);
    }
    if (!current.isEmpty()) {
      segments.add(segment(track.speakerId(), current));
    }
    return segments;
  }

  private static Segment segment(String speakerId, List<Word> words) {
    long end = words.stream().mapToLong(Word::endMs).max().orElseThrow();
    String text = words.stream().map(Word::text).collect(Collectors.joining(" "));
    return new Segment("", speakerId, words.get(0).startMs(), end, text, words);
  }
}
