package dev.verbatim.ingest;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A file that cannot be used as a recording, with a message fit to show the person uploading it.
 */
public final class MediaRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a file was turned away. */
  public enum Reason {
    /** The file has no bytes at all. */
    EMPTY,
    /** The content is not audio or video, whatever the file is called. */
    NOT_MEDIA,
    /** A media file, such as a screen recording without sound, with no audio stream. */
    NO_AUDIO,
    /** A media file FFmpeg cannot open or decode, often because it is damaged or cut short. */
    UNREADABLE,
    /** Larger than {@link IngestProperties#maxFileSize()}. */
    TOO_LARGE
  }

  private final Reason reason;
  // Path is not Serializable; the exception is never serialized, so keep it as a plain field.
  private final transient Path file;

  MediaRejectedException(Reason reason, Path file, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.file = file;
  }

  MediaRejectedException(Reason reason, Path file, String message) {
    this(reason, file, message, null);
  }

  public Reason reason() {
    return reason;
  }

  public Path file() {
    return file;
  }
}
