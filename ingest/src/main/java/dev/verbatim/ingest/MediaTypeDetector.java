package dev.verbatim.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.tika.Tika;

/**
 * Tells media from other files by their leading bytes, using Tika's magic patterns.
 *
 * <p>The stream handed to Tika carries no file name on purpose: an mp3 called {@code .wav} is still
 * an mp3, and a PDF called {@code .mp3} is still a PDF.
 */
final class MediaTypeDetector {

  /**
   * Containers Tika names outside {@code audio/*} and {@code video/*}: Ogg Opus, WebM (whose magic
   * is Matroska's) and the like.
   */
  private static final Set<String> MEDIA_APPLICATION_TYPES =
      Set.of(
          "application/ogg",
          "application/x-matroska",
          "application/mp4",
          "application/x-ogg",
          "application/vnd.rn-realmedia");

  // Tika's facade is thread-safe and loading its magic table is costly: build it once.
  private static final Tika TIKA = new Tika();

  private MediaTypeDetector() {}

  /** Returns the detected media type, such as {@code audio/mpeg}, or throws if it is not media. */
  static String detect(Path file) {
    String type;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      type = TIKA.detect(in);
    } catch (IOException e) {
      throw Rejections.unreadable(file, e);
    }
    if (!isMedia(type)) {
      throw new MediaRejectedException(
          MediaRejectedException.Reason.NOT_MEDIA,
          file,
          "\""
              + file.getFileName()
              + "\" is not an audio or video recording: its content looks like "
              + describe(type)
              + ", whatever its name says.");
    }
    return type;
  }

  static boolean isMedia(String type) {
    return type.startsWith("audio/")
        || type.startsWith("video/")
        || MEDIA_APPLICATION_TYPES.contains(type);
  }

  private static String describe(String type) {
    return switch (type) {
      case "application/octet-stream" -> "unrecognised binary data";
      case "text/plain" -> "plain text";
      case "application/pdf" -> "a PDF document";
      default -> type.startsWith("image/") ? "an image (" + type + ")" : type;
    };
  }
}
