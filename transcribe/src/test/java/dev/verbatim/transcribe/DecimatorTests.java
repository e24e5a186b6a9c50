package dev.verbatim.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** Bringing 48 kHz streams down to the model's 16 kHz. */
class DecimatorTests {

  private static byte[] tone(double hz, int rate, double seconds) {
    int n = (int) (rate * seconds);
    byte[] pcm = new byte[n * 2];
    for (int i = 0; i < n; i++) {
      int s = (int) Math.round(10_000 * Math.sin(2 * Math.PI * hz * i / rate));
      pcm[2 * i] = (byte) s;
      pcm[2 * i + 1] = (byte) (s >> 8);
    }
    return pcm;
  }

  private static double rms(byte[] pcm, int skipSamples) {
    double sum = 0;
    int n = 0;
    for (int i = skipSamples * 2; i + 1 < pcm.length; i += 2) {
      double s = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8));
      sum += s * s;
      n++;
    }
    return Math.sqrt(sum / n);
  }

  @Test
  void speechBandPassesAndWhatWouldAliasIsFilteredOut() {
    byte[] speech = new Decimator(3).process(tone(1000, 48_000, 1), 0, 96_000);
    byte[] high = new Decimator(3).process(tone(12_000, 48_000, 1), 0, 96_000);

    assertThat(speech).hasSize(32_000);
    // A 10,000-peak sine has an RMS of about 7071.
    assertThat(rms(speech, 100)).isBetween(6900.0, 7200.0);
    // 12 kHz would fold onto 4 kHz at 16 kHz: at least 50 dB down.
    assertThat(rms(high, 100)).isLessThan(7071 / 316.0);
  }

  @Test
  void howTheStreamIsCutDoesNotChangeTheOutput() {
    byte[] pcm = tone(440, 48_000, 0.7);
    byte[] whole = new Decimator(3).process(pcm, 0, pcm.length);

    Decimator pieces = new Decimator(3);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int[] sizes = {1, 2, 3, 4_999, 48_000, 7, 1_001};
    int at = 0;
    for (int i = 0; at < pcm.length; i++) {
      int size = Math.min(sizes[i % sizes.length], pcm.length - at);
      out.writeBytes(pieces.process(pcm, at, size));
      at += size;
    }

    assertThat(out.toByteArray()).isEqualTo(whole);
  }

  @Test
  void aFactorOfOnePassesAudioThroughUnchanged() {
    byte[] pcm = tone(440, 16_000, 0.1);

    assertThat(new Decimator(1).process(pcm, 0, pcm.length)).isEqualTo(pcm);
  }
}
