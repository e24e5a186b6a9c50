package dev.verbatim.server.pipeline;

import dev.verbatim.core.Meeting;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes {@code meeting.json} documents. */
public final class MeetingDocuments {

  private final JsonMapper json;

  MeetingDocuments(JsonMapper json) {
    this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
  }

  /**
   * Writes {@code meeting} to {@code target} atomically: readers see the old file or the whole new
   * one, and a crash leaves no half-written document behind.
   */
  public void write(Meeting meeting, Path target) {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      try (OutputStream out = Files.newOutputStream(temp)) {
        json.writeValue(out, meeting);
      }
      move(temp, target);
    } catch (IOException e) {
      deleteQuietly(temp, e);
      throw new UncheckedIOException("Could not write " + target, e);
    }
  }

  /** Reads a document written by {@link #write}. */
  public Meeting read(Path source) {
    return json.readValue(source.toFile(), Meeting.class);
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path temp, IOException cause) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }
}
