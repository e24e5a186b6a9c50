package dev.verbatim.testsupport.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds and reads the evaluation set, {@code eval/minutes/*.meeting} of this checkout. */
public final class EvaluationSet {

  private EvaluationSet() {}

  /** Returns {@code eval/minutes} of the checkout the tests run in. */
  public static Path directory() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("eval").resolve("minutes");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("No eval/minutes above " + Path.of("").toAbsolutePath());
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
