package dev.verbatim.minutes;

import dev.verbatim.core.Meeting;
import dev.verbatim.core.Minutes;
import dev.verbatim.core.Segment;
import dev.verbatim.core.Source;
import dev.verbatim.core.Speaker;
import dev.verbatim.core.Word;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Meetings written as lines of {@code speaker: text}, shaped the way Vosk hands them over:
 * lowercase words without punctuation, 300 ms each, a second of silence between lines.
 */
final class Transcripts {

  /** Wednesday. */
  static final LocalDate DATE = LocalDate.of(2026, 3, 4);

  private Transcripts() {}

  /** Speakers are named after the line prefixes. */
  static Meeting named(String... lines) {
    return meeting(true, lines);
  }

  /** Speakers are S1, S2, … in order of first appearance; the prefixes only tell them apart. */
  static Meeting unnamed(String... lines) {
    return meeting(false, lines);
  }

  private static Meeting meeting(boolean named, String... lines) {
    Map<String, String> ids = new LinkedHashMap<>();
    List<Segment> segments = new ArrayList<>();
    long cursor = 1000;
    for (String line : lines) {
      int colon = line.indexOf(':');
      String who = line.substring(0, colon).trim();
      String id = ids.computeIfAbsent(who, k -> named ? k : "S" + (ids.size() + 1));
      List<Word> words = new ArrayList<>();
      for (String token : line.substring(colon + 1).toLowerCase(Locale.ROOT).split("[^a-z0-9']+")) {
        if (!token.isEmpty()) {
          words.add(new Word(token, cursor, cursor + 280, 0.95));
          cursor += 300;
        }
      }
      segments.add(
          new Segment(
              "seg-" + (segments.size() + 1),
              id,
              words.get(0).startMs(),
              words.get(words.size() - 1).endMs(),
              String.join(" ", words.stream().map(Word::text).toList()),
              words));
      cursor += 1000;
    }
    List<Speaker> speakers = new ArrayList<>();
    ids.forEach((who, id) -> speakers.add(new Speaker(id, named ? capitalise(who) : null, 0)));
    return new Meeting(
        Meeting.SCHEMA,
        "m-test",
        "Test meeting",
        DATE,
        cursor,
        "en",
        new Source(List.of()),
        speakers,
        segments,
        Minutes.empty());
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
