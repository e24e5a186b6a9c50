package dev.verbatim.transcribe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Random;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Test audio: WAV files read as raw PCM, and synthetic tones, noise and silence. */
final class Pcm {

  static final int RATE = 16_000;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final Random random = new Random(42);

  /** Returns the s16le samples of a 16 kHz mono 16-bit WAV file. */
  static byte[] wav(Path wav) {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
      AudioFormat f = in.getFormat();
      if (f.getSampleRate() != RATE || f.getChannels() != 1 || f.getSampleSizeInBits() != 16) {
        throw new IllegalArgumentException(wav + " is not 16 kHz mono 16-bit: " + f);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (UnsupportedAudioFileException e) {
      throw new IllegalArgumentException(wav + " is not a WAV file", e);
    }
  }

  static long millis(byte[] pcm) {
    return pcm.length / 32;
  }

  /** A tone that rises and falls in loudness like syllables, so it has a spread of energies. */
  Pcm tone(long millis, double amplitude) {
    for (int i = 0; i < millis * RATE / 1000; i++) {
      double syllable = 0.6 + 0.4 * Math.sin(2 * Math.PI * 4 * i / RATE);
      sample(amplitude * syllable * Math.sin(2 * Math.PI * 220 * i / RATE));
    }
    return this;
  }

  Pcm noise(long millis, double amplitude) {
    for (int i = 0; i < millis * RATE / 1000; i++) {
      sample(amplitude * random.nextGaussian());
    }
    return this;
  }

  Pcm silence(long millis) {
    return noise(millis, 0);
  }

  byte[] bytes() {
    return bytes.toByteArray();
  }

  private void sample(double value) {
    int s = (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value * 32767));
    bytes.write(s & 0xff);
    bytes.write((s >> 8) & 0xff);
  }
}
