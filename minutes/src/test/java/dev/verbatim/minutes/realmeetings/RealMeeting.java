package dev.verbatim.minutes.realmeetings;

import dev.verbatim.core.Meeting;
import dev.verbatim.core.Minutes;
import dev.verbatim.core.Segment;
import dev.verbatim.core.Source;
import dev.verbatim.core.Speaker;
import dev.verbatim.core.Word;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real AMI meeting (QMSum's turns) as Verbatim would hold it: one segment per turn, its id {@code
 * t<turn>} so that scores can point back at the turn, speakers named by their role, a third of a
 * second a word. Non-speech tags ({@code {vocalsound}}, {@code {disfmarker}}) are dropped: neither
 * an import nor a recogniser has them.
 */
record RealMeeting(String id, List<String> speakers, List<String> turns) {

  /** A Monday. */
  static final LocalDate DATE = LocalDate.of(2026, 3, 2);

  /** How a transcript reaches the minutes. */
  enum Form {
    /** Imported captions: the corpus's capitals and punctuation, no pauses inside a turn. */
    IMPORTED,
    /** As Vosk gives it: lowercase words, no punctuation, a pause where the punctuation was. */
    RECOGNISED
  }

  private static final Pattern TAG = Pattern.compile("\\{[^}]*}");
  private static final long WORD_MS = 330;
  private static final long TURN_GAP_MS = 300;

  static RealMeeting read(Path file) throws IOException {
    JsonNode root = JsonMapper.builder().build().readTree(file.toFile());
    List<String> speakers = new ArrayList<>();
    List<String> turns = new ArrayList<>();
    for (JsonNode turn : root.get("meeting_transcripts")) {
      speakers.add(turn.get("speaker").asString());
      turns.add(clean(turn.get("content").asString()));
    }
    String name = file.getFileName().toString();
    return new RealMeeting(name.substring(0, name.indexOf('.')), speakers, turns);
  }

  /** Tags out, and punctuation back on the word before it: "project ." reads "project.". */
  static String clean(String content) {
    return TAG.matcher(content)
        .replaceAll(" ")
        .replaceAll("\\s+([.,?!;:])", "$1")
        .replaceAll("\\s+", " ")
        .strip();
  }

  /** The turn a segment of {@link #meeting} came from. */
  static int turnOf(String segmentId) {
    return Integer.parseInt(segmentId.substring(1));
  }

  Meeting meeting(Form form) {
    Map<String, String> ids = new LinkedHashMap<>();
    List<Segment> segments = new ArrayList<>();
    long cursor = 0;
    for (int t = 0; t < turns.size(); t++) {
      List<Word> words = new ArrayList<>();
      for (String token : turns.get(t).split(" ")) {
        String text = form == Form.IMPORTED ? token : token.toLowerCase(Locale.ROOT);
        String bare = text.replaceAll("[^\\p{L}\\p{N}']", " ").strip();
        if (bare.isEmpty()) {
          continue;
        }
        if (form == Form.RECOGNISED) {
          // "kick-off" is two words to a recogniser.
          for (String part : bare.split("\\s+")) {
            words.add(new Word(part, cursor, cursor + WORD_MS - 30, 1.0));
            cursor += WORD_MS;
          }
          cursor += token.matches(".*[.?!]$") ? 600 : token.endsWith(",") ? 250 : 0;
        } else {
          words.add(new Word(text, cursor, cursor + WORD_MS - 30, 1.0));
          cursor += WORD_MS;
        }
      }
      if (words.isEmpty()) {
        continue;
      }
      String speakerId = ids.computeIfAbsent(speakers.get(t), k -> "S" + (ids.size() + 1));
      segments.add(
          new Segment(
              "t" + t,
              speakerId,
              words.get(0).startMs(),
              words.get(words.size() - 1).endMs(),
              String.join(" ", words.stream().map(Word::text).toList()),
              words));
      cursor += TURN_GAP_MS;
    }
    List<Speaker> roster = new ArrayList<>();
    ids.forEach((role, id) -> roster.add(new Speaker(id, role, 0)));
    return new Meeting(
        Meeting.SCHEMA,
        "m-" + id,
        id,
        DATE,
        cursor,
        "en",
        new Source(List.of()),
        roster,
        segments,
        Minutes.empty());
  }
}
