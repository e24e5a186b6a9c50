package dev.verbatim.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/** The checks every file passes before FFmpeg sees it, and the wording of common rejections. */
final class Rejections {

  private Rejections() {}

  /** Rejects a missing, empty or oversized file; the size check costs no read. */
  static void checkSize(Path file, long maxBytes) {
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new MediaRejectedException(
          MediaRejectedException.Reason.UNREADABLE,
          file,
          "\"" + file.getFileName() + "\" could not be read: the file does not exist.",
          e);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
    if (size == 0) {
      throw new MediaRejectedException(
          MediaRejectedException.Reason.EMPTY,
          file,
          "\"" + file.getFileName() + "\" is empty: it holds no bytes at all.");
    }
    if (size > maxBytes) {
      throw new MediaRejectedException(
          MediaRejectedException.Reason.TOO_LARGE,
          file,
          "\""
              + file.getFileName()
              + "\" is too large: "
              + humanSize(size)
              + ", and the limit is "
              + humanSize(maxBytes)
              + ".");
    }
  }

  static MediaRejectedException unreadable(Path file, IOException cause) {
    return new MediaRejectedException(
        MediaRejectedException.Reason.UNREADABLE,
        file,
        "\"" + file.getFileName() + "\" could not be read: " + cause.getMessage(),
        cause);
  }

  static String humanSize(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
