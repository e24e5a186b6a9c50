package dev.verbatim.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the speech model the build unpacked into {@code models/}. */
public final class SpeechModel {

  public static final String ENGLISH = "vosk-model-small-en-us-0.15";

  private SpeechModel() {}

  /** Returns {@code models/vosk-model-small-en-us-0.15} of this checkout. */
  public static Path english() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("models").resolve(ENGLISH);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "No models/" + ENGLISH + " above " + Path.of("").toAbsolutePath() + "; run the build");
  }
}
