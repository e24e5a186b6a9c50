package dev.verbatim.minutes.export;

import dev.verbatim.core.ActionItem;
import dev.verbatim.core.Meeting;
import dev.verbatim.core.Minutes;
import dev.verbatim.core.Segment;
import dev.verbatim.core.Sentence;
import dev.verbatim.core.Speaker;
import dev.verbatim.core.SpeakerIdentification;
import dev.verbatim.core.Word;
import dev.verbatim.minutes.template.MinutesTemplate;
import dev.verbatim.minutes.template.MinutesTemplate.Section;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A meeting as every document format shows it: display names, timestamps, the transcript lines and
 * the wording of empty sections, decided once so that the formats agree.
 *
 * <p>All text it hands out has passed {@link #oneLine}: no line breaks and no control characters,
 * but otherwise as hostile as it came. Each format escapes it for its own syntax.
 */
final class MinutesView {

  static final String NONE = "—";

  private static final long HOUR_MS = 3_600_000;
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);

  private final Meeting meeting;
  private final MinutesTemplate template;
  private final Map<String, String> names = new HashMap<>();
  private final boolean hours;
  private final @Nullable String meetingLink;

  MinutesView(Meeting meeting, MinutesTemplate template, @Nullable String meetingLink) {
    this.meeting = meeting;
    this.template = template;
    this.meetingLink = meetingLink;
    for (Speaker speaker : meeting.speakers()) {
      String name = speaker.name() == null ? "" : oneLine(speaker.name());
      names.put(speaker.id(), name.isEmpty() ? oneLine(speaker.id()) : name);
    }
    this.hours = meeting.durationMs() >= HOUR_MS;
  }

  /** A line of the transcript: a sentence when the minutes have them, else a segment. */
  record Line(String speakerId, long startMs, long endMs, String text, List<Word> words) {}

  Meeting meeting() {
    return meeting;
  }

  Minutes minutes() {
    return meeting.minutes();
  }

  MinutesTemplate template() {
    return template;
  }

  String title() {
    String title = oneLine(meeting.title());
    return title.isEmpty() ? "Untitled meeting" : title;
  }

  /** For example "Monday 2 March 2026 · 42 min · Stand-up". */
  String subtitle() {
    return DATE.format(meeting.date())
        + " · "
        + duration(meeting.durationMs())
        + " · "
        + oneLine(template.title());
  }

  /** The speaker's name when known, else their id. */
  String speaker(String speakerId) {
    String name = names.get(speakerId);
    return name != null ? name : oneLine(speakerId);
  }

  /** The owner as a reader knows them: a speaker id becomes that speaker's name. */
  String owner(ActionItem item) {
    String owner = item.owner();
    return owner == null || owner.isBlank() ? NONE : speaker(owner);
  }

  String due(ActionItem item) {
    return item.due() == null ? NONE : item.due().toString();
  }

  /** "Open", "In progress", "Done" or "Dismissed": where a task system or a person left it. */
  static String status(ActionItem item) {
    return switch (item.status()) {
      case OPEN -> "Open";
      case IN_PROGRESS -> "In progress";
      case DONE -> "Done";
      case DISMISSED -> "Dismissed";
    };
  }

  /** The meeting page playing from {@code ms}, when the document is to carry links; else null. */
  @Nullable String link(long ms) {
    return meetingLink == null
        ? null
        : meetingLink + String.format(Locale.ROOT, "?t=%.1f", Math.max(0, ms) / 1000.0);
  }

  /** {@code mm:ss}, or {@code h:mm:ss} in a meeting of an hour or more. */
  String time(long ms) {
    long seconds = Math.max(0, ms) / 1000;
    if (hours) {
      return String.format(
          Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
  }

  String range(long startMs, long endMs) {
    return time(startMs) + "–" + time(endMs);
  }

  /** For example "1 h 4 min", "12 min 5 s" or "40 s". */
  static String duration(long ms) {
    long seconds = Math.max(0, ms) / 1000;
    if (seconds >= 3600) {
      return seconds / 3600 + " h " + seconds / 60 % 60 + " min";
    }
    if (seconds >= 60) {
      return seconds / 60 + " min " + seconds % 60 + " s";
    }
    return seconds + " s";
  }

  /**
   * For example "S2 is taken to be Priya: she answered …", or for a name only suggested, "S2 may be
   * Priya (not applied): …".
   */
  String identification(SpeakerIdentification identification) {
    return oneLine(identification.speakerId())
        + (identification.applied() ? " is taken to be " : " may be ")
        + oneLine(identification.name())
        + (identification.applied() ? "" : " (suggested, not applied)")
        + ": "
        + oneLine(identification.evidence());
  }

  /**
   * The transcript in time order, from the minutes' sentences when there are any (they read
   * better), else from the raw segments.
   */
  List<Line> transcript() {
    List<Line> lines = new ArrayList<>();
    List<Sentence> sentences = minutes().sentences();
    if (!sentences.isEmpty()) {
      Map<String, Segment> segments = new HashMap<>();
      for (Segment segment : meeting.segments()) {
        segments.put(segment.id(), segment);
      }
      for (Sentence sentence : sentences) {
        lines.add(
            new Line(
                sentence.speakerId(),
                sentence.startMs(),
                sentence.endMs(),
                oneLine(sentence.text()),
                words(sentence, segments)));
      }
    } else {
      for (Segment segment : meeting.segments()) {
        lines.add(
            new Line(
                segment.speakerId(),
                segment.startMs(),
                segment.endMs(),
                oneLine(segment.text()),
                segment.words()));
      }
    }
    lines.removeIf(line -> line.text().isEmpty());
    // Stable: lines that start together keep the order the transcript gave them.
    lines.sort(Comparator.comparingLong(Line::startMs));
    return lines;
  }

  /** The recognised words that fall within a sentence, for timing subtitle cues. */
  private static List<Word> words(Sentence sentence, Map<String, Segment> segments) {
    List<Word> words = new ArrayList<>();
    for (String segmentId : sentence.segmentIds()) {
      Segment segment = segments.get(segmentId);
      if (segment == null) {
        continue;
      }
      for (Word word : segment.words()) {
        long middle = (word.startMs() + word.endMs()) / 2;
        if (middle >= sentence.startMs() && middle <= sentence.endMs()) {
          words.add(word);
        }
      }
    }
    return words;
  }

  boolean isEmpty(Section section) {
    Minutes minutes = minutes();
    return switch (section) {
      case PARTICIPANTS -> meeting.speakers().isEmpty() && minutes.identifiedSpeakers().isEmpty();
      case SUMMARY -> minutes.summary().isEmpty();
      case ACTION_ITEMS -> minutes.actionItems().isEmpty();
      case DECISIONS -> minutes.decisions().isEmpty();
      case CHAPTERS -> minutes.chapters().isEmpty();
      case KEYWORDS -> minutes.keywords().stream().allMatch(k -> oneLine(k).isEmpty());
      case TRANSCRIPT -> minutes.sentences().isEmpty() && meeting.segments().isEmpty();
    };
  }

  static String heading(Section section) {
    return switch (section) {
      case PARTICIPANTS -> "Participants";
      case SUMMARY -> "Summary";
      case ACTION_ITEMS -> "Action items";
      case DECISIONS -> "Decisions";
      case CHAPTERS -> "Chapters";
      case KEYWORDS -> "Keywords";
      case TRANSCRIPT -> "Transcript";
    };
  }

  /** What a section says when it has nothing to show, so that no heading stands alone. */
  static String emptyText(Section section) {
    return switch (section) {
      case PARTICIPANTS -> "No participants were recorded.";
      case SUMMARY -> "No summary was written.";
      case ACTION_ITEMS -> "No action items were found.";
      case DECISIONS -> "No decisions were found.";
      case CHAPTERS -> "No chapters were found.";
      case KEYWORDS -> "No keywords were found.";
      case TRANSCRIPT -> "Nothing was transcribed.";
    };
  }

  /** The keywords as one line, for example "budget, hiring, Q3". */
  String keywords() {
    List<String> keywords = new ArrayList<>();
    for (String keyword : minutes().keywords()) {
      String clean = oneLine(keyword);
      if (!clean.isEmpty()) {
        keywords.add(clean);
      }
    }
    return String.join(", ", keywords);
  }

  /**
   * Text fit for one line of any format: line breaks and tabs become spaces, runs of spaces one,
   * and other control characters go, since no format shows them and some (XML) forbid them.
   */
  static String oneLine(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = out.length() > 0;
        continue;
      }
      // Bidi controls would let a name reverse the rest of its line (U+202E) in every document.
      if (Character.isISOControl(c) || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069) {
        continue;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.appendCodePoint(c);
    }
    return out.toString();
  }
}
