package dev.verbatim.server.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads this process's peak resident memory from Linux's {@code /proc}, heap and native alike (Vosk
 * and FFmpeg allocate outside the Java heap, so heap figures alone would flatter us).
 */
final class PeakMemory {

  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

  /** False once the kernel refused a reset; peaks then cover the whole process. */
  private static volatile boolean resettable = true;

  private PeakMemory() {}

  /** Starts a new peak from the current resident size, where the kernel allows it. */
  static void reset() {
    try {
      // "5" resets the peak resident set size (VmHWM), since Linux 4.0.
      Files.writeString(CLEAR_REFS, "5");
    } catch (IOException | UnsupportedOperationException e) {
      // Not Linux, or not allowed: the peak then covers the whole process, which describe() says.
      resettable = false;
    }
  }

  static String describe() {
    Optional<Long> peakKb = field("VmHWM:");
    if (peakKb.isEmpty()) {
      return "n/a";
    }
    return (peakKb.get() >> 10) + " MB" + (resettable ? "" : " (whole process)");
  }

  private static Optional<Long> field(String name) {
    try {
      return Files.readAllLines(STATUS).stream()
          .filter(line -> line.startsWith(name))
          .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
          .findFirst();
    } catch (IOException e) {
      // Not Linux: there is no figure to give, and the benchmark prints "n/a" instead.
      return Optional.empty();
    }
  }
}
