package dev.verbatim.server.cli;

import dev.verbatim.core.Progress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Shows progress on the terminal: a redrawn bar when a person is watching, and one plain line per
 * tenth otherwise, so logs and CI output stay readable.
 */
final class ConsoleProgress implements Consumer<Progress>, AutoCloseable {

  private static final int WIDTH = 40;

  private final PrintWriter err;
  private final boolean terminal;
  private int lastShown = -1;

  ConsoleProgress(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  static ConsoleProgress on(PrintWriter err) {
    return new ConsoleProgress(err, System.console() != null);
  }

  @Override
  public synchronized void accept(Progress progress) {
    int percent = (int) Math.floor(progress.fraction() * 100);
    int step = terminal ? percent : percent / 10 * 10;
    if (step <= lastShown) {
      return;
    }
    lastShown = step;
    if (terminal) {
      int filled = percent * WIDTH / 100;
      err.printf(
          Locale.ROOT,
          "\r%-10s [%s%s] %3d%%",
          progress.stage(),
          "#".repeat(filled),
          " ".repeat(WIDTH - filled),
          percent);
    } else {
      err.printf(Locale.ROOT, "%s %d%%%n", progress.stage(), step);
    }
    err.flush();
  }

  @Override
  public synchronized void close() {
    if (terminal && lastShown >= 0) {
      err.println();
      err.flush();
    }
  }
}
