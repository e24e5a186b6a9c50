package dev.verbatim.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Real read speech with transcripts, from Debian's {@code pocketsphinx-testdata}. */
public final class ReadSpeech {

  public static final Path LIBRIVOX = Path.of("/usr/share/pocketsphinx/test/data/librivox");
  private static final Pattern LINE = Pattern.compile("^(.*)\\s+\\(([^)]+)\\)\\s*$");

  private ReadSpeech() {}

  /** A clip and what is said in it. */
  public record Clip(Path wav, String transcript) {}

  /** Returns the librivox clips in file order with their reference transcripts. */
  public static List<Clip> librivox() {
    try {
      List<Clip> clips = new ArrayList<>();
      for (String line : Files.readAllLines(LIBRIVOX.resolve("transcription"))) {
        Matcher m = LINE.matcher(line.trim());
        if (m.matches()) {
          clips.add(
              new Clip(
                  LIBRIVOX.resolve(m.group(2) + ".wav"),
                  m.group(1).replace("<s>", "").replace("</s>", "").trim().toLowerCase()));
        }
      }
      return clips;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "No librivox clips at " + LIBRIVOX + "; .ci/run installs pocketsphinx-testdata", e);
    }
  }
}
