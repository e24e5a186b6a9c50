package dev.verbatim.server.pipeline;

import dev.verbatim.core.Meeting;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes {@code meeting.json} documents. */
public final class MeetingDocuments {

  private static final Logger log = LoggerFactory.getLogger(MeetingDocuments.class);

  private final JsonMapper json;

  public MeetingDocuments(JsonMapper json) {
    // Enum values are lowercase in the document ("open", "in_progress"), as the format says.
    this.json =
        json.rebuild()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();
  }

  /**
   * Writes {@code meeting} to {@code target} atomically: readers see the old file or the whole new
   * one, and a crash leaves no half-written document behind.
   */
  public void write(Meeting meeting, Path target) {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = null;
    boolean moved = false;
    try {
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      try (OutputStream out = Files.newOutputStream(temp)) {
        json.writeValue(out, meeting);
      }
      readableByAll(temp);
      move(temp, target);
      moved = true;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + target, e);
    } finally {
      if (!moved) {
        deleteQuietly(temp);
      }
    }
  }

  /** Writes {@code meeting} as JSON to {@code out}, which stays open. */
  public void write(Meeting meeting, OutputStream out) {
    json.writeValue(out, meeting);
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

  /** Temporary files are private to their owner; a document is as readable as any other file. */
  private static void readableByAll(Path file) throws IOException {
    if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  private static void deleteQuietly(@Nullable Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // The write has already failed with its own exception; this leftover is only logged.
      log.warn("Could not remove the temporary file {}", temp, e);
    }
  }
}
