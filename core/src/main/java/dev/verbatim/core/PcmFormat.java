package dev.verbatim.core;

/**
 * The raw audio format passed from decoding to recognition: signed 16-bit little-endian mono.
 *
 * @param sampleRate samples per second
 */
public record PcmFormat(int sampleRate) {

  /** What Vosk's models are trained on, and what the decoder produces. */
  public static final PcmFormat SPEECH = new PcmFormat(16_000);

  public static final int BYTES_PER_SAMPLE = 2;

  /** Returns how many milliseconds {@code samples} samples last. */
  public long millis(long samples) {
    return samples * 1000 / sampleRate;
  }

  /** Returns how many samples {@code millis} milliseconds hold. */
  public long samples(long millis) {
    return millis * sampleRate / 1000;
  }
}
