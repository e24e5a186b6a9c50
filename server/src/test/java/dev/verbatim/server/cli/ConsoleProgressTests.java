package dev.verbatim.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConsoleProgressTests {

  private final StringWriter written = new StringWriter();

  @Test
  void printsOnePlainLinePerTenthWhenNoTerminalIsAttached() {
    try (ConsoleProgress progress = new ConsoleProgress(new PrintWriter(written), false)) {
      for (int i = 0; i <= 100; i++) {
        progress.accept(new Progress("transcribe", i / 100.0));
      }
    }

    assertThat(written.toString().lines())
        .containsExactly(
            "transcribe 0%",
            "transcribe 10%",
            "transcribe 20%",
            "transcribe 30%",
            "transcribe 40%",
            "transcribe 50%",
            "transcribe 60%",
            "transcribe 70%",
            "transcribe 80%",
            "transcribe 90%",
            "transcribe 100%");
  }

  @Test
  void redrawsOneBarInPlaceOnATerminalAndNeverGoesBackwards() {
    try (ConsoleProgress progress = new ConsoleProgress(new PrintWriter(written), true)) {
      progress.accept(new Progress("transcribe", 0.5));
      progress.accept(new Progress("transcribe", 0.25));
      progress.accept(new Progress("transcribe", 1));
    }

    String screen = written.toString();
    assertThat(screen).doesNotContain(" 25%");
    assertThat(screen.split("\r")).hasSize(3);
    assertThat(screen)
        .contains("[" + "#".repeat(20) + " ".repeat(20) + "]  50%")
        .endsWith("[" + "#".repeat(40) + "] 100%" + System.lineSeparator());
  }
}
