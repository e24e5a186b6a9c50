package dev.verbatim.minutes.export;

import dev.verbatim.core.ActionItem;
import dev.verbatim.core.ActionItemStatus;
import dev.verbatim.core.Chapter;
import dev.verbatim.core.Decision;
import dev.verbatim.core.Meeting;
import dev.verbatim.core.Minutes;
import dev.verbatim.core.Segment;
import dev.verbatim.core.Sentence;
import dev.verbatim.core.Source;
import dev.verbatim.core.Speaker;
import dev.verbatim.core.SpeakerIdentification;
import dev.verbatim.core.SummaryPoint;
import dev.verbatim.core.Word;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Meetings made by hand, small enough to know every line of every document. */
final class TestMeetings {

  static final LocalDate DATE = LocalDate.of(2026, 3, 2);

  private TestMeetings() {}

  /** Three speakers (one unnamed, identified as Priya), two action items, one decision. */
  static Meeting small() {
    return small("Ana Smith", "Bo Chen", "We ship on Friday.");
  }

  static Meeting small(String firstName, String thirdName, String firstSentence) {
    List<Segment> segments =
        List.of(
            segment("seg-1", "S1", 1200, "we ship on friday"),
            segment("seg-2", "S2", 4000, "i will send the numbers by friday"),
            segment("seg-3", "S3", 7000, "agreed let us go with the blue design"));
    Minutes minutes =
        new Minutes(
            "standup",
            List.of(
                sentence("s1", segments.get(0), firstSentence),
                sentence("s2", segments.get(1), "I will send the numbers by Friday."),
                sentence("s3", segments.get(2), "Agreed, let us go with the blue design.")),
            List.of(
                new SummaryPoint("The team ships on Friday.", 1200, List.of("seg-1")),
                new SummaryPoint("Priya sends the numbers.", 4000, List.of("seg-2"))),
            List.of(
                new Chapter("Launch date", 0, 6000, List.of("seg-1", "seg-2")),
                new Chapter("Design", 7000, 9800, List.of("seg-3"))),
            List.of("friday", "numbers", "blue design"),
            List.of(
                new Decision(
                    "d1",
                    "Go with the blue design",
                    7000,
                    List.of("seg-3"),
                    0.8,
                    "agreed let us go with the blue design")),
            List.of(
                new ActionItem(
                    "a1",
                    "Send the numbers to finance",
                    "Priya",
                    LocalDate.of(2026, 3, 6),
                    ActionItemStatus.OPEN,
                    4000,
                    List.of("seg-2"),
                    0.9,
                    "i will send the numbers by friday"),
                new ActionItem(
                    "a2",
                    "Book the launch room",
                    null,
                    null,
                    ActionItemStatus.OPEN,
                    8000,
                    List.of("seg-3"),
                    0.6,
                    "book the room")),
            List.of(
                new SpeakerIdentification(
                    "S2",
                    "Priya",
                    "seg-2",
                    "asked \"Priya, can you send them?\" and S2 answered")));
    return new Meeting(
        Meeting.SCHEMA,
        "m-1",
        "Launch stand-up",
        DATE,
        90_000,
        "en",
        new Source(List.of()),
        List.of(
            new Speaker("S1", firstName, 2_200),
            new Speaker("S2", null, 2_800),
            new Speaker("S3", thirdName, 2_800)),
        segments,
        minutes);
  }

  /** The small meeting before any minutes were written: only segments. */
  static Meeting withoutMinutes() {
    return small().withMinutes(Minutes.empty());
  }

  /** A meeting in which nobody said anything. */
  static Meeting silent() {
    return new Meeting(
        Meeting.SCHEMA,
        "m-0",
        "Silence",
        DATE,
        10_000,
        "en",
        new Source(List.of()),
        List.of(),
        List.of(),
        Minutes.empty());
  }

  /** Over an hour of talk, sentence after sentence, two speakers taking turns. */
  static Meeting longMeeting(int sentences) {
    List<Segment> segments = new ArrayList<>();
    List<Sentence> lines = new ArrayList<>();
    for (int i = 0; i < sentences; i++) {
      String speaker = i % 2 == 0 ? "S1" : "S2";
      Segment segment =
          segment(
              "seg-" + i,
              speaker,
              i * 2_000L,
              "this is sentence number " + i + " of a very long meeting about budgets");
      segments.add(segment);
      lines.add(
          sentence(
              "s" + i,
              segment,
              "This is sentence number " + i + " of a very long meeting about budgets."));
    }
    Minutes minutes =
        new Minutes(
            Minutes.GENERAL,
            lines,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    return new Meeting(
        Meeting.SCHEMA,
        "m-long",
        "Budget marathon",
        DATE,
        sentences * 2_000L,
        "en",
        new Source(List.of()),
        List.of(new Speaker("S1", "Ana", sentences * 900L), new Speaker("S2", null, 900)),
        segments,
        minutes);
  }

  /** A segment whose words last 300 ms each with 100 ms between them. */
  static Segment segment(String id, String speakerId, long startMs, String text) {
    List<Word> words = new ArrayList<>();
    long t = startMs;
    for (String word : text.split(" ")) {
      words.add(new Word(word, t, t + 300, 0.9));
      t += 400;
    }
    return new Segment(id, speakerId, startMs, t - 100, text, words);
  }

  static Sentence sentence(String id, Segment segment, String text) {
    return new Sentence(
        id,
        segment.speakerId(),
        segment.startMs(),
        segment.endMs(),
        text,
        text.endsWith("?"),
        List.of(segment.id()));
  }

  static Meeting withMinutes(Meeting meeting, Minutes minutes) {
    return meeting.withMinutes(minutes);
  }
}
