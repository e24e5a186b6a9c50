package dev.verbatim.server.storage;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Tells a full disk from other I/O failures. The JDK has no exception of its own for it: a write
 * fails with an {@link IOException} (a {@link java.nio.file.FileSystemException} for file
 * operations) that carries the operating system's message, ENOSPC's or EDQUOT's.
 */
public final class OutOfSpace {

  private static final Set<String> MESSAGES =
      Set.of(
          "no space left on device", // Linux, macOS: ENOSPC
          "disk quota exceeded", // EDQUOT
          "not enough space on the disk"); // Windows

  private OutOfSpace() {}

  /** Whether {@code failure}, or any of its causes, is a disk or quota that is full. */
  public static boolean causes(@Nullable Throwable failure) {
    for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof IOException && e.getMessage() != null) {
        String message = e.getMessage().toLowerCase(Locale.ROOT);
        if (MESSAGES.stream().anyMatch(message::contains)) {
          return true;
        }
      }
    }
    return false;
  }
}
