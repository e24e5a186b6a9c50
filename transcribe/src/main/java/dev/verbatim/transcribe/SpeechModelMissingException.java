package dev.verbatim.transcribe;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** A configured speech model is absent, incomplete or cannot be loaded. */
public final class SpeechModelMissingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Path path;

  SpeechModelMissingException(Path path, String problem, @Nullable Throwable cause) {
    super("Speech model at " + path.toAbsolutePath() + " " + problem, cause);
    this.path = path;
  }

  /** The model directory that was looked at. */
  public Path path() {
    return path;
  }
}
