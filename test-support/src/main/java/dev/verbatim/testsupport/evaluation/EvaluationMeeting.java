package dev.verbatim.testsupport.evaluation;

import dev.verbatim.core.Meeting;
import dev.verbatim.core.Minutes;
import dev.verbatim.core.Segment;
import dev.verbatim.core.Source;
import dev.verbatim.core.Speaker;
import dev.verbatim.core.Word;
import dev.verbatim.testsupport.Line;
import dev.verbatim.testsupport.SpokenLine;
import dev.verbatim.testsupport.Voice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One meeting of the evaluation set: a script flite can speak, and the action items and decisions
 * in it. The file format is described in {@code eval/minutes/README.md}.
 *
 * @param name the file's base name, such as {@code 01-project-sync}
 * @param speakers every participant's name with their voice, in the order the header lists them
 * @param lines what is said, in order; annotations refer to these by index
 */
public record EvaluationMeeting(
    String name,
    String title,
    LocalDate date,
    Map<String, Voice> speakers,
    List<Line> lines,
    List<ExpectedAction> actions,
    List<ExpectedDecision> decisions) {

  /** How long the clean-text transcript takes to say one word, about flite's pace. */
  public static final long MS_PER_WORD = 350;

  static final long DEFAULT_PAUSE_MS = 800;

  private static final String EXTENSION = ".meeting";
  private static final Pattern HEADER = Pattern.compile("([a-z]+)\\s*:\\s*(.*)");
  private static final Pattern SPEAKER = Pattern.compile("([a-z][a-z0-9]*)\\s*=\\s*([a-z]+)");
  private static final Pattern LINE = Pattern.compile("([a-z][a-z0-9]*)\\s*:\\s*(.*)");
  private static final Pattern ANNOTATION = Pattern.compile("!\\s*([a-z]+)([^|]*)\\|(.*)");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*");

  public EvaluationMeeting {
    speakers = Collections.unmodifiableMap(new LinkedHashMap<>(speakers));
    lines = List.copyOf(lines);
    actions = List.copyOf(actions);
    decisions = List.copyOf(decisions);
  }

  /**
   * Reads a {@code .meeting} file.
   *
   * @throws IllegalArgumentException naming the file and line when the file is malformed
   */
  public static EvaluationMeeting read(Path file) {
    List<String> text;
    try {
      text = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read evaluation meeting " + file, e);
    }
    return new Parser(file, text).parse();
  }

  /** True when nothing in this meeting is an action item, so anything found is a false positive. */
  public boolean hasNoActionItems() {
    return actions.isEmpty();
  }

  /**
   * The lines laid out in time as the clean-text transcript says them: {@value #MS_PER_WORD} ms a
   * word, then the line's pause.
   */
  public List<SpokenLine> syntheticTimeline() {
    List<SpokenLine> spoken = new ArrayList<>();
    long cursor = 0;
    for (Line line : lines) {
      long end = cursor + spokenWords(line.text()).size() * MS_PER_WORD;
      spoken.add(new SpokenLine(line, cursor, end));
      cursor = end + line.pauseAfterMs();
    }
    return spoken;
  }

  /**
   * The meeting as a perfect recogniser of perfectly separated tracks would transcribe it: one
   * segment per line, lowercase words without punctuation timed by {@link #syntheticTimeline()},
   * and speakers {@code S1, S2, ...} in header order carrying their names.
   */
  public Meeting cleanTranscript() {
    Map<String, String> ids = new LinkedHashMap<>();
    for (String speaker : speakers.keySet()) {
      ids.put(speaker, "S" + (ids.size() + 1));
    }
    Map<String, Long> talk = new LinkedHashMap<>();
    List<Segment> segments = new ArrayList<>();
    List<SpokenLine> timeline = syntheticTimeline();
    for (SpokenLine spoken : timeline) {
      List<Word> words = new ArrayList<>();
      long at = spoken.startMs();
      for (String word : spokenWords(spoken.line().text())) {
        words.add(new Word(word, at, at + MS_PER_WORD, 1.0));
        at += MS_PER_WORD;
      }
      String speakerId = ids.get(spoken.line().speaker());
      segments.add(
          new Segment(
              "seg-" + (segments.size() + 1),
              speakerId,
              spoken.startMs(),
              spoken.endMs(),
              String.join(" ", words.stream().map(Word::text).toList()),
              words));
      talk.merge(speakerId, spoken.endMs() - spoken.startMs(), Long::sum);
    }
    List<Speaker> people = new ArrayList<>();
    ids.forEach((name, id) -> people.add(new Speaker(id, name, talk.getOrDefault(id, 0L))));
    long duration = timeline.isEmpty() ? 0 : timeline.get(timeline.size() - 1).endMs();
    return new Meeting(
        Meeting.SCHEMA,
        "eval-" + name,
        title,
        date,
        duration,
        "en",
        new Source(List.of()),
        people,
        segments,
        Minutes.empty());
  }

  /**
   * The words of {@code text} as Vosk writes them: lowercase, without punctuation, apostrophes kept
   * inside words ("i'll").
   */
  public static List<String> spokenWords(String text) {
    return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+"))
        .map(w -> w.replaceAll("^'+|'+$", ""))
        .filter(w -> !w.isEmpty())
        .toList();
  }

  /** Reads one file; every error names the file and the line it is on. */
  private static final class Parser {

    private final Path file;
    private final List<String> text;
    private @Nullable String title;
    private @Nullable LocalDate date;
    private final Map<String, Voice> speakers = new LinkedHashMap<>();
    private long pauseMs = DEFAULT_PAUSE_MS;
    private final List<Line> lines = new ArrayList<>();
    private final List<ExpectedAction> actions = new ArrayList<>();
    private final List<ExpectedDecision> decisions = new ArrayList<>();

    Parser(Path file, List<String> text) {
      this.file = file;
      this.text = text;
    }

    EvaluationMeeting parse() {
      int number = 0;
      boolean body = false;
      for (String raw : text) {
        number++;
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (!body) {
          if (line.equals("---")) {
            checkHeader(number);
            body = true;
          } else {
            header(line, number);
          }
        } else if (line.startsWith("!")) {
          annotation(line, number);
        } else {
          spoken(line, number);
        }
      }
      if (!body) {
        throw error(number, "no '---' line between the header and the script");
      }
      if (lines.isEmpty()) {
        throw error(number, "the script has no lines");
      }
      String fileName = file.getFileName().toString();
      String name =
          fileName.endsWith(EXTENSION)
              ? fileName.substring(0, fileName.length() - EXTENSION.length())
              : fileName;
      return new EvaluationMeeting(
          name, requireHeader(title), requireHeader(date), speakers, lines, actions, decisions);
    }

    private void header(String line, int number) {
      Matcher m = HEADER.matcher(line);
      if (!m.matches()) {
        throw error(number, "expected a header line 'key: value' or '---', got '" + line + "'");
      }
      String value = m.group(2).strip();
      switch (m.group(1)) {
        case "title" -> {
          if (value.isEmpty()) {
            throw error(number, "the title is empty");
          }
          title = value;
        }
        case "date" -> date = date(value, number);
        case "pause" -> pauseMs = pause(value, number);
        case "speakers" -> {
          for (String entry : value.split(",")) {
            Matcher s = SPEAKER.matcher(entry.strip());
            if (!s.matches()) {
              throw error(number, "expected 'name=voice' in speakers, got '" + entry.strip() + "'");
            }
            speakers.put(s.group(1), voice(s.group(2), number));
          }
        }
        default ->
            throw error(
                number,
                "unknown header '" + m.group(1) + "'; expected title, date, speakers or pause");
      }
    }

    private void checkHeader(int number) {
      if (title == null || date == null || speakers.isEmpty()) {
        throw error(number, "the header needs title, date and speakers before '---'");
      }
    }

    private void spoken(String line, int number) {
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw error(number, "expected 'speaker: text' or an '!' annotation, got '" + line + "'");
      }
      Voice voice = speakers.get(m.group(1));
      if (voice == null) {
        throw error(
            number,
            "speaker '" + m.group(1) + "' is not in the header's speakers " + speakers.keySet());
      }
      String said = m.group(2).strip();
      if (spokenWords(said).isEmpty()) {
        throw error(number, "the line has no words");
      }
      lines.add(new Line(m.group(1), voice, said, pauseMs));
    }

    private void annotation(String line, int number) {
      if (lines.isEmpty()) {
        throw error(number, "an annotation must follow the line it annotates");
      }
      Matcher m = ANNOTATION.matcher(line);
      if (!m.matches()) {
        throw error(number, "expected '! action owner=... due=... | text' or '! decision | text'");
      }
      String reference = m.group(3).strip();
      if (reference.isEmpty()) {
        throw error(number, "the annotation has no reference text after '|'");
      }
      Map<String, String> fields = fields(m.group(2), number);
      int index = lines.size() - 1;
      switch (m.group(1)) {
        case "action" -> {
          if (!fields.keySet().equals(Set.of("owner", "due"))) {
            throw error(number, "an action needs exactly owner= and due=, got " + fields.keySet());
          }
          String owner = fields.get("owner");
          if (!NAME.matcher(owner).matches()) {
            throw error(number, "owner must be a lowercase name or 'none', got '" + owner + "'");
          }
          String due = fields.get("due");
          actions.add(
              new ExpectedAction(
                  index,
                  owner.equals("none") ? null : owner,
                  due.equals("none") ? null : date(due, number),
                  reference));
        }
        case "decision" -> {
          if (!fields.isEmpty()) {
            throw error(number, "a decision takes no fields, got " + fields.keySet());
          }
          decisions.add(new ExpectedDecision(index, reference));
        }
        default ->
            throw error(
                number, "unknown annotation '" + m.group(1) + "'; expected action or decision");
      }
    }

    private Map<String, String> fields(String text, int number) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (String token : text.strip().split("\\s+")) {
        if (token.isEmpty()) {
          continue;
        }
        int eq = token.indexOf('=');
        if (eq <= 0 || eq == token.length() - 1) {
          throw error(number, "expected 'key=value', got '" + token + "'");
        }
        if (fields.put(token.substring(0, eq), token.substring(eq + 1)) != null) {
          throw error(number, "'" + token.substring(0, eq) + "' is given twice");
        }
      }
      return fields;
    }

    private LocalDate date(String value, int number) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw error(number, "expected a date as yyyy-mm-dd, got '" + value + "'", e);
      }
    }

    private long pause(String value, int number) {
      try {
        long ms = Long.parseLong(value);
        if (ms < 0) {
          throw error(number, "the pause must not be negative: " + ms);
        }
        return ms;
      } catch (NumberFormatException e) {
        throw error(number, "expected the pause in milliseconds, got '" + value + "'", e);
      }
    }

    private Voice voice(String name, int number) {
      for (Voice voice : Voice.values()) {
        if (voice.name().equalsIgnoreCase(name)) {
          return voice;
        }
      }
      throw error(
          number,
          "unknown voice '"
              + name
              + "'; expected one of "
              + Arrays.stream(Voice.values()).map(v -> v.name().toLowerCase(Locale.ROOT)).toList());
    }

    private <T> T requireHeader(@Nullable T value) {
      if (value == null) {
        throw new IllegalStateException("checkHeader() ran before the body");
      }
      return value;
    }

    private IllegalArgumentException error(int number, String problem) {
      return new IllegalArgumentException(file + ":" + number + ": " + problem);
    }

    private IllegalArgumentException error(int number, String problem, Exception cause) {
      return new IllegalArgumentException(file + ":" + number + ": " + problem, cause);
    }
  }
}
