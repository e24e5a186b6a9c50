package dev.verbatim.transcribe;

/**
 * Brings s16le mono PCM below 16 kHz (telephone audio at 8 kHz, say) up to the model's rate as it
 * streams in, by linear interpolation: Vosk's feature pipeline resamples down but refuses to
 * resample up. Speech below the old Nyquist frequency is all there is, and linear interpolation
 * keeps it.
 */
final class Upsampler {

  private final double step;
  private double position;
  private int previous;
  private boolean started;
  private int oddByte = -1;

  Upsampler(float fromRate, int toRate) {
    if (fromRate >= toRate) {
      throw new IllegalArgumentException("Upsampling needs a lower rate: " + fromRate);
    }
    this.step = fromRate / toRate;
  }

  /** Returns the upsampled samples of {@code length} bytes of {@code pcm} from {@code offset}. */
  byte[] process(byte[] pcm, int offset, int length) {
    java.io.ByteArrayOutputStream out =
        new java.io.ByteArrayOutputStream((int) (length / step) + 4);
    int at = offset;
    int end = offset + length;
    while (at < end) {
      int sample;
      if (oddByte >= 0) {
        sample = (short) (oddByte | (pcm[at++] << 8));
        oddByte = -1;
      } else if (at + 1 < end) {
        sample = (short) ((pcm[at] & 0xff) | (pcm[at + 1] << 8));
        at += 2;
      } else {
        oddByte = pcm[at++] & 0xff;
        break;
      }
      if (!started) {
        started = true;
        previous = sample;
        continue;
      }
      // Output samples fall at position (in input samples) between previous (0) and sample (1).
      while (position < 1) {
        int value = (int) Math.round(previous + (sample - previous) * position);
        out.write(value);
        out.write(value >> 8);
        position += step;
      }
      position -= 1;
      previous = sample;
    }
    return out.toByteArray();
  }
}
