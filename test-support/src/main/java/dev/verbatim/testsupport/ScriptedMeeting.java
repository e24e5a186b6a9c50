package dev.verbatim.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A meeting spoken by flite from a script, with known truth.
 *
 * <p>{@link #render(Path)} writes one mixed 16 kHz mono WAV of the whole meeting and one track per
 * speaker (silent where others speak), the way per-participant recordings arrive.
 *
 * @param mixed the whole meeting in one file
 * @param tracks one WAV per speaker, named after the speaker
 * @param spoken each line with the time span it occupies
 */
public record ScriptedMeeting(Path mixed, Map<String, Path> tracks, List<SpokenLine> spoken) {

  private static final int RATE = 16_000;

  public ScriptedMeeting {
    tracks = Map.copyOf(tracks);
    spoken = List.copyOf(spoken);
  }

  /** A four-person stand-up of about 20 seconds. */
  public static List<Line> standup() {
    return List.of(
        new Line("ana", Voice.SLT, "Good morning everyone. Let us start with the budget.", 600),
        new Line("bob", Voice.AWB, "The budget review is almost done.", 500),
        new Line("bob", Voice.AWB, "I will send the final numbers on Friday.", 900),
        new Line("carl", Voice.RMS, "The new release goes out next week.", 700),
        new Line("dana", Voice.KAL, "I will update the customer documentation.", 800),
        new Line("ana", Voice.SLT, "Thank you all. See you tomorrow.", 400));
  }

  /** Speaks {@code script} into {@code dir} and returns the recordings with their truth. */
  public static ScriptedMeeting render(List<Line> script, Path dir) {
    try {
      Files.createDirectories(dir);
      List<SpokenLine> spoken = new ArrayList<>();
      List<Path> pieces = new ArrayList<>();
      long cursorMs = 0;
      for (int i = 0; i < script.size(); i++) {
        Line line = script.get(i);
        Path speech = dir.resolve("line-" + i + ".wav");
        speak(line, speech);
        long lengthMs = lengthMs(speech);
        spoken.add(new SpokenLine(line, cursorMs, cursorMs + lengthMs));
        pieces.add(speech);
        cursorMs += lengthMs + line.pauseAfterMs();
      }
      Path mixed = dir.resolve("meeting.wav");
      concatenate(spoken, pieces, null, mixed);
      Map<String, Path> tracks = new LinkedHashMap<>();
      for (String speaker : spoken.stream().map(s -> s.line().speaker()).distinct().toList()) {
        Path track = dir.resolve(speaker + ".wav");
        concatenate(spoken, pieces, speaker, track);
        tracks.put(speaker, track);
      }
      return new ScriptedMeeting(mixed, tracks, spoken);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render a scripted meeting into " + dir, e);
    }
  }

  /** The reference transcript: every line's words, in order. */
  public String referenceText() {
    return String.join(" ", spoken.stream().map(s -> s.line().text()).toList());
  }

  private static void speak(Line line, Path out) {
    Path raw = out.resolveSibling(out.getFileName() + ".flite.wav");
    ExternalTool.run(
        List.of(
            "flite", "-voice", line.voice().fliteName(), "-t", line.text(), "-o", raw.toString()));
    // kal speaks at 8 kHz; bring every voice to one format so the pieces concatenate.
    ExternalTool.run(
        List.of(
            "sox",
            raw.toString(),
            "-r",
            "16000",
            "-c",
            "1",
            "-b",
            "16",
            out.toString(),
            "norm",
            "-3"));
  }

  private static long lengthMs(Path wav) throws IOException {
    long dataBytes = Files.size(wav) - 44;
    return dataBytes / 2 * 1000 / RATE;
  }

  /** Joins the pieces with their pauses; lines of other speakers become silence if one is named. */
  private static void concatenate(
      List<SpokenLine> spoken, List<Path> pieces, String onlySpeaker, Path out) throws IOException {
    List<String> command = new ArrayList<>(List.of("sox"));
    Path dir = out.getParent();
    for (int i = 0; i < spoken.size(); i++) {
      SpokenLine line = spoken.get(i);
      boolean audible = onlySpeaker == null || onlySpeaker.equals(line.line().speaker());
      command.add(audible ? pieces.get(i).toString() : silence(dir, line.endMs() - line.startMs()));
      command.add(silence(dir, line.line().pauseAfterMs()));
    }
    command.add(out.toString());
    ExternalTool.run(command);
  }

  private static String silence(Path dir, long millis) {
    Path file = dir.resolve("silence-" + millis + ".wav");
    if (!Files.exists(file)) {
      ExternalTool.run(
          List.of(
              "sox",
              "-n",
              "-r",
              "16000",
              "-c",
              "1",
              "-b",
              "16",
              file.toString(),
              "trim",
              "0",
              String.format(java.util.Locale.ROOT, "%.3f", millis / 1000.0)));
    }
    return file.toString();
  }
}
