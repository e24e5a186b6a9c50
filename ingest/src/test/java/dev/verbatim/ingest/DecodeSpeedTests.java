package dev.verbatim.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.verbatim.testsupport.Media;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compressed meeting audio decodes far faster than real time, so a long recording is never held up
 * by decoding. Run with {@code taskset -c 0} to measure one core.
 */
@Tag("slow")
class DecodeSpeedTests {

  /** Five minutes: long enough for JIT and FFmpeg setup to be noise. */
  private static final int LOOPS = 16;

  @TempDir static Path dir;
  static Path wav;
  static long longMs;

  @BeforeAll
  static void renderFiveMinutes() {
    Path meeting = Recordings.meeting(dir);
    wav =
        Media.convert(
            meeting,
            dir.resolve("long.wav"),
            "-af",
            "aloop=loop=" + (LOOPS - 1) + ":size=" + Integer.MAX_VALUE);
    longMs = Recordings.wavMillis(wav);
  }

  @ParameterizedTest
  @ValueSource(strings = {"m4a:aac", "opus:libopus", "webm:libopus"})
  void decodesCompressedSpeechOverTwoHundredTimesRealTime(String format, TestReporter reporter)
      throws Exception {
    String[] parts = format.split(":");
    Path file = Media.convert(wav, dir.resolve("long." + parts[0]), "-c:a", parts[1]);
    // Warm up the JIT on the same path the measurement takes.
    Recordings.drain(Recordings.READER.decode(file, -1));

    long start = System.nanoTime();
    Recordings.Decoded decoded = Recordings.drain(Recordings.READER.decode(file, -1));
    double seconds = (System.nanoTime() - start) / 1e9;

    double speed = decoded.millis() / 1000.0 / seconds;
    String report =
        String.format(
            Locale.ROOT,
            "%s: %.1f s of audio in %.3f s = %.0fx real time",
            file.getFileName(),
            decoded.millis() / 1000.0,
            seconds,
            speed);
    reporter.publishEntry("speed", report);
    assertThat(decoded.millis()).isCloseTo(longMs, within(200L));
    assertThat(speed).as(report).isGreaterThan(200);
  }
}
