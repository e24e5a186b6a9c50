package dev.verbatim.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs a command-line tool (flite, sox, ffmpeg) and fails loudly with its output if it fails. */
public final class ExternalTool {

  private ExternalTool() {}

  /** Runs {@code command} to completion and returns its combined output. */
  public static String run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = process.waitFor();
      if (exit != 0) {
        throw new IllegalStateException(
            "Command failed with exit code " + exit + ": " + command + "\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not run " + command.get(0) + "; .ci/run installs flite, sox and ffmpeg", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + command, e);
    }
  }

  /**
   * The audio of {@code wav} as raw mono signed 16-bit little-endian samples at {@code sampleRate},
   * converted by sox: what Jigasi streams (48 kHz) or a recognizer reads.
   */
  public static byte[] rawPcm(Path wav, int sampleRate) {
    Path raw = wav.resolveSibling(wav.getFileName() + "." + sampleRate + ".raw");
    run(
        List.of(
            "sox",
            wav.toString(),
            "-r",
            String.valueOf(sampleRate),
            "-t",
            "raw",
            "-e",
            "signed",
            "-b",
            "16",
            "-c",
            "1",
            raw.toString()));
    try {
      return Files.readAllBytes(raw);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + raw, e);
    }
  }
}
