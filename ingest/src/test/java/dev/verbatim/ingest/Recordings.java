package dev.verbatim.ingest;

import dev.verbatim.testsupport.Media;
import dev.verbatim.testsupport.ScriptedMeeting;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Test recordings made from the flite stand-up, and ways to measure decoded PCM. */
final class Recordings {

  static final MediaReader READER = new MediaReader(Long.MAX_VALUE);

  private Recordings() {}

  /** Renders the stand-up meeting and returns its mixed 16 kHz mono WAV. */
  static Path meeting(Path dir) {
    return ScriptedMeeting.render(ScriptedMeeting.standup(), dir.resolve("meeting")).mixed();
  }

  /** How long a 16-bit mono WAV written by sox lasts, from its size. */
  static long wavMillis(Path wav) {
    try {
      return (Files.size(wav) - 44) / 2 * 1000 / 16_000;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A stereo WAV with the meeting on the left and digital silence on the right. */
  static Path leftOnly(Path mono, Path out) {
    return Media.convert(mono, out, "-af", "pan=stereo|c0=c0|c1=0*c0", "-c:a", "pcm_s16le");
  }

  /** Writes the first {@code fraction} of {@code in} to {@code out}, as an interrupted upload. */
  static Path cut(Path in, Path out, double fraction) {
    try {
      byte[] bytes = Files.readAllBytes(in);
      return Files.write(out, Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads {@code pcm} to the end in odd-sized reads and measures what came out. */
  static Decoded drain(PcmStream pcm) throws IOException {
    try (pcm) {
      byte[] buffer = new byte[3001];
      long bytes = 0;
      double sumSquares = 0;
      int carry = -1;
      int n;
      while ((n = pcm.read(buffer)) > 0) {
        int i = 0;
        if (carry >= 0) {
          short sample = (short) (carry | buffer[0] << 8);
          sumSquares += (double) sample * sample;
          carry = -1;
          i = 1;
        }
        ByteBuffer view = ByteBuffer.wrap(buffer, i, n - i).order(ByteOrder.LITTLE_ENDIAN);
        while (view.remaining() >= 2) {
          short sample = view.getShort();
          sumSquares += (double) sample * sample;
        }
        if (view.hasRemaining()) {
          carry = view.get() & 0xFF;
        }
        bytes += n;
      }
      long samples = bytes / 2;
      return new Decoded(
          samples, samples == 0 ? 0 : Math.sqrt(sumSquares / samples), pcm.warnings(), bytes);
    }
  }

  /** Reads every byte of {@code in}. */
  static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  /**
   * What a decode produced.
   *
   * @param rms root-mean-square amplitude over all samples, out of 32768
   */
  record Decoded(long samples, double rms, List<String> warnings, long bytes) {

    long millis() {
      return samples * 1000 / 16_000;
    }
  }
}
