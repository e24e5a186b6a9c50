package dev.verbatim.minutes.export;

import dev.verbatim.core.Meeting;
import dev.verbatim.core.Minutes;
import dev.verbatim.minutes.template.MinutesTemplate;
import dev.verbatim.minutes.template.MinutesTemplates;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a meeting's minutes as the documents people share: Markdown, PDF and Word minutes laid out
 * by the meeting's template, and the transcript as WebVTT, SRT and plain text.
 */
public final class MinutesDocuments {

  private static final Logger log = LoggerFactory.getLogger(MinutesDocuments.class);

  /** A document format, with the file name {@link #writeAll} gives it and its media type. */
  public enum Format {
    MARKDOWN("minutes.md", "text/markdown; charset=UTF-8"),
    PDF("minutes.pdf", "application/pdf"),
    DOCX("minutes.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    WEBVTT("transcript.vtt", "text/vtt; charset=UTF-8"),
    SRT("transcript.srt", "application/x-subrip; charset=UTF-8"),
    TEXT("transcript.txt", "text/plain; charset=UTF-8");

    private final String fileName;
    private final String mediaType;

    Format(String fileName, String mediaType) {
      this.fileName = fileName;
      this.mediaType = mediaType;
    }

    public String fileName() {
      return fileName;
    }

    public String mediaType() {
      return mediaType;
    }
  }

  private final MinutesTemplates templates;

  public MinutesDocuments(MinutesTemplates templates) {
    this.templates = templates;
  }

  /**
   * Writes every format into {@code directory}, each under its {@link Format#fileName()}. Each file
   * is replaced whole: readers see the old document or the new one, never half of one.
   *
   * @return the files written, in the order of {@link Format}
   * @throws UncheckedIOException when a document cannot be written
   */
  public List<Path> writeAll(Meeting meeting, Path directory) {
    MinutesView view = view(meeting, null);
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create " + directory, e);
    }
    for (Format format : Format.values()) {
      Path target = directory.resolve(format.fileName());
      writeAtomically(target, out -> write(view, format, out));
      written.add(target);
    }
    return written;
  }

  /**
   * Writes one document to {@code out}, for example as a download. The stream is flushed, not
   * closed: it belongs to the caller.
   */
  public void write(Meeting meeting, Format format, OutputStream out) throws IOException {
    write(view(meeting, null), format, out);
  }

  /**
   * Writes one document whose action items link to the meeting's page at the second each was said,
   * where the format can hold a link (Markdown and PDF).
   *
   * @param meetingLink the meeting page's absolute address; {@code ?t=SECONDS} is appended
   */
  public void write(Meeting meeting, Format format, OutputStream out, String meetingLink)
      throws IOException {
    write(view(meeting, meetingLink), format, out);
  }

  private static void write(MinutesView view, Format format, OutputStream out) throws IOException {
    switch (format) {
      case MARKDOWN -> MarkdownMinutes.write(view, writer(out));
      case PDF -> PdfMinutes.write(view, out);
      case DOCX -> DocxMinutes.write(view, out);
      case WEBVTT -> Subtitles.writeWebVtt(view, writer(out));
      case SRT -> Subtitles.writeSrt(view, writer(out));
      case TEXT -> PlainTextTranscript.write(view, writer(out));
    }
    out.flush();
  }

  /** Buffered, and never closed by the formats: they flush it when done. */
  private static Writer writer(OutputStream out) {
    return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }

  private MinutesView view(Meeting meeting, @Nullable String meetingLink) {
    String id = meeting.minutes().template();
    MinutesTemplate template =
        templates
            .find(id)
            .orElseGet(
                () -> {
                  log.warn(
                      "Meeting {} names the unknown minutes template '{}'; using '{}'",
                      meeting.id(),
                      id,
                      Minutes.GENERAL);
                  return templates.get(Minutes.GENERAL);
                });
    return new MinutesView(meeting, template, meetingLink);
  }

  private interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes to a temporary file beside the target, then moves it over the target. */
  private static void writeAtomically(Path target, Content content) {
    Path temp = null;
    boolean moved = false;
    try {
      temp =
          Files.createTempFile(
              target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
      try (OutputStream out = Files.newOutputStream(temp)) {
        content.writeTo(out);
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
