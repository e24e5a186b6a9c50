package dev.verbatim.testsupport.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds and reads an evaluation set: {@code eval/minutes/*.meeting} of this checkout, or the
 * directory named by {@code -Dminutes.evaluation.set} (such as the held-out {@code
 * eval/minutes-holdout}).
 */
public final class EvaluationSet {

  /** The system property naming the set, relative to the repository root. */
  public static final String PROPERTY = "minutes.evaluation.set";

  /** The set the engine is tuned on, and the one read when the property is not set. */
  public static final String DEFAULT = "eval/minutes";

  private EvaluationSet() {}

  /** Returns the set chosen by {@value #PROPERTY}, {@value #DEFAULT} when it is not set. */
  public static Path directory() {
    return directory(System.getProperty(PROPERTY, DEFAULT));
  }

  /**
   * Returns {@code path} resolved against the root of the checkout the tests run in: the nearest
   * directory above the working directory that holds {@value #DEFAULT}, as each module's tests run
   * in the module's own directory.
   */
  public static Path directory(String path) {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve(DEFAULT))) {
        Path set = dir.resolve(path).normalize();
        if (!Files.isDirectory(set)) {
          throw new IllegalStateException(
              "No evaluation set at " + set + " (" + PROPERTY + "=" + path + ")");
        }
        return set;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("No " + DEFAULT + " above " + Path.of("").toAbsolutePath());
  }

  /** Whether {@link #directory()} is the default set, the one the engine is tuned on. */
  public static boolean isDefault() {
    return directory().equals(directory(DEFAULT));
  }

  /** Reads every {@code .meeting} file of the set, in file name order. */
  public static List<EvaluationMeeting> load() {
    return load(directory());
  }

  /** Reads every {@code .meeting} file in {@code dir}, in file name order. */
  public static List<EvaluationMeeting> load(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".meeting"))
          .sorted()
          .map(EvaluationMeeting::read)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list the evaluation set in " + dir, e);
    }
  }
}
