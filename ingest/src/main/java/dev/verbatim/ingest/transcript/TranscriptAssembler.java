package dev.verbatim.ingest.transcript;

import dev.verbatim.core.Segment;
import dev.verbatim.core.Speaker;
import dev.verbatim.core.Word;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns lines of a transcript written elsewhere (who, when, what) into speakers and segments.
 * Captions split speech into short cues; a speaker's cues that follow each other closely become one
 * segment, as Verbatim's own transcripts have them. Each word gets a share of its line's time in
 * proportion to its length, so the player can follow along.
 */
public final class TranscriptAssembler {

  /** Cues of one speaker closer than this join one segment. */
  static final long JOIN_GAP_MS = 1_000;

  /** ...unless the segment would grow longer than this. */
  static final long MAX_SEGMENT_MS = 30_000;

  /** The most lines a transcript may have: a ten-hour meeting has about 20,000. */
  static final int MAX_LINES = 200_000;

  private final Map<String, String> speakerIds = new LinkedHashMap<>();
  private final Map<String, Long> talkTime = new LinkedHashMap<>();
  private final List<Segment> segments = new ArrayList<>();
  private @Nullable Pending pending;
  private int lines;

  /** A line of the transcript; a null or blank speaker is one unnamed speaker. */
  public void add(@Nullable String speaker, long startMs, long endMs, String text) {
    if (++lines > MAX_LINES) {
      throw new TranscriptRejectedException(
          "The transcript has more than " + MAX_LINES + " lines; split it.");
    }
    String clean = clean(text);
    if (clean.isEmpty()) {
      return;
    }
    String name = speaker == null ? "" : clean(speaker);
    if (name.length() > 200) {
      name = name.substring(0, 200).strip();
    }
    String id = speakerIds.computeIfAbsent(name, n -> "S" + (speakerIds.size() + 1));
    long end = Math.max(endMs, startMs);
    talkTime.merge(id, end - startMs, Long::sum);
    if (pending != null
        && pending.speakerId.equals(id)
        && startMs - pending.endMs <= JOIN_GAP_MS
        && startMs >= pending.startMs
        && end - pending.startMs <= MAX_SEGMENT_MS) {
      pending.add(startMs, end, clean);
      return;
    }
    flush();
    pending = new Pending(id, startMs);
    pending.add(startMs, end, clean);
  }

  /**
   * @throws TranscriptRejectedException if no line had any text
   */
  public ImportedTranscript build() {
    flush();
    if (segments.isEmpty()) {
      throw new TranscriptRejectedException("The transcript has no lines with any text.");
    }
    List<Speaker> speakers = new ArrayList<>();
    speakerIds.forEach(
        (name, id) ->
            speakers.add(new Speaker(id, name.isEmpty() ? null : name, talkTime.get(id))));
    long duration = segments.stream().mapToLong(Segment::endMs).max().orElse(0);
    return new ImportedTranscript(speakers, segments, duration);
  }

  private void flush() {
    if (pending != null) {
      segments.add(pending.segment("g" + (segments.size() + 1)));
      pending = null;
    }
  }

  /** Text as one line: control characters out, runs of white space as one space. */
  static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c) || isDirectionMark(c)) {
        space = out.length() > 0;
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(c);
    }
    return out.toString();
  }

  /** Bidirectional overrides and marks: invisible, and able to make a name read backwards. */
  private static boolean isDirectionMark(char c) {
    return (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200E'
        || c == '\u200F';
  }

  /** A segment being gathered from consecutive lines of one speaker. */
  private static final class Pending {
    final String speakerId;
    final long startMs;
    long endMs;
    final StringBuilder text = new StringBuilder();
    final List<Word> words = new ArrayList<>();

    Pending(String speakerId, long startMs) {
      this.speakerId = speakerId;
      this.startMs = startMs;
      this.endMs = startMs;
    }

    void add(long start, long end, String line) {
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append(line);
      String[] tokens = line.split(" ");
      long letters = 0;
      for (String token : tokens) {
        letters += token.length() + 1;
      }
      long span = end - start;
      long at = start;
      long used = 0;
      for (String token : tokens) {
        used += token.length() + 1;
        long wordEnd = start + span * used / letters;
        words.add(new Word(token, at, wordEnd, 1.0));
        at = wordEnd;
      }
      endMs = Math.max(endMs, end);
    }

    Segment segment(String id) {
      return new Segment(id, speakerId, startMs, endMs, text.toString(), words);
    }
  }
}
