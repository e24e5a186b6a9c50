package dev.verbatim.ingest;

import dev.verbatim.core.PcmFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A recording's audio as 16 kHz mono signed 16-bit little-endian PCM ({@link PcmFormat#SPEECH}),
 * decoded one FFmpeg frame at a time as it is read.
 *
 * <p>Only the current frame is held, so memory stays flat however long the recording. Close it
 * (try-with-resources) to release FFmpeg; reaching the end releases it too. A damaged or cut-short
 * file ends early instead of failing, and {@link #warnings()} then says what was lost; only a file
 * from which nothing at all decodes makes a read throw {@link MediaRejectedException} ({@code
 * UNREADABLE}).
 */
public final class PcmStream extends InputStream {

  private static final Logger LOG = LoggerFactory.getLogger(PcmStream.class);

  /** How many unreadable packets in a row end the stream: a few are noise, many are the end. */
  private static final int MAX_CONSECUTIVE_ERRORS = 8;

  private final AudioInput input;
  private final Path file;
  private final int channel;
  private final int stride;
  private final long declaredMillis;
  private final List<String> warnings = new ArrayList<>();

  private byte[] chunk = new byte[0];
  private ByteBuffer chunkView = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
  private int position;
  private int limit;
  private short[] interleaved = new short[0];
  private long samples;
  private int skippedPackets;
  private @Nullable IOException stoppedBy;
  private boolean finished;

  /**
   * @param channel the channel to keep, or negative when {@code input} already downmixes to mono
   * @param declaredMillis how long the file claims to be, or 0 if unknown
   */
  PcmStream(AudioInput input, Path file, int channel, long declaredMillis) {
    this.input = input;
    this.file = file;
    this.channel = channel;
    this.stride = channel < 0 ? 1 : input.channels();
    this.declaredMillis = declaredMillis;
  }

  @Override
  public int read() throws IOException {
    while (position == limit) {
      if (!fill()) {
        return -1;
      }
    }
    return chunk[position++] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (length == 0) {
      return 0;
    }
    while (position == limit) {
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(length, limit - position);
    System.arraycopy(chunk, position, buffer, offset, n);
    position += n;
    return n;
  }

  @Override
  public int available() {
    return limit - position;
  }

  /** Problems met while decoding, such as a truncated file; complete once the stream has ended. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** How much audio has been decoded so far, in milliseconds. */
  public long decodedMillis() {
    return PcmFormat.SPEECH.millis(samples);
  }

  @Override
  public void close() {
    finished = true;
    position = limit;
    input.close();
  }

  /** Decodes the next frame into {@link #chunk}; returns false at the end. */
  private boolean fill() {
    if (finished) {
      return false;
    }
    ShortBuffer frame = nextFrame();
    if (frame == null) {
      finish();
      return false;
    }
    int count = channel < 0 ? frame.remaining() : frame.remaining() / stride;
    ensureCapacity(count);
    // Bulk copies through a little-endian view: no per-sample calls on the hot path.
    ShortBuffer out = chunkView.clear().asShortBuffer();
    if (channel < 0) {
      out.put(frame);
    } else {
      int total = frame.remaining();
      frame.get(interleaved, 0, total);
      // In place: sample i is read from index i * stride + channel, never behind the write.
      for (int i = 0; i < count; i++) {
        interleaved[i] = interleaved[i * stride + channel];
      }
      out.put(interleaved, 0, count);
    }
    samples += count;
    position = 0;
    limit = count * PcmFormat.BYTES_PER_SAMPLE;
    return true;
  }

  private @Nullable ShortBuffer nextFrame() {
    int errors = 0;
    while (true) {
      try {
        return input.next();
      } catch (IOException e) {
        errors++;
        skippedPackets++;
        LOG.debug("Skipping an unreadable part of {}", file, e);
        if (errors >= MAX_CONSECUTIVE_ERRORS) {
          stoppedBy = e;
          return null;
        }
      }
    }
  }

  private void finish() {
    finished = true;
    input.close();
    IOException stop = stoppedBy;
    if (stop != null && samples == 0) {
      throw new MediaRejectedException(
          MediaRejectedException.Reason.UNREADABLE,
          file,
          "\"" + file.getFileName() + "\" holds no audio that could be decoded; it may be damaged.",
          stop);
    }
    if (stop != null) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "Damaged: decoding stopped at %.1f s because the rest of the file could not be read",
              decodedMillis() / 1000.0));
    } else {
      Truncation.warning(decodedMillis(), declaredMillis, "decoded").ifPresent(warnings::add);
      if (skippedPackets > 0) {
        warnings.add("Damaged: skipped " + skippedPackets + " unreadable parts of the recording");
      }
    }
    if (samples == 0) {
      warnings.add("No audio: the audio track decoded to nothing");
    }
    if (!warnings.isEmpty()) {
      LOG.info("{}: {}", file.getFileName(), warnings);
    }
  }

  private void ensureCapacity(int count) {
    if (channel >= 0 && interleaved.length < count * stride) {
      interleaved = new short[count * stride];
    }
    int bytes = count * PcmFormat.BYTES_PER_SAMPLE;
    if (chunk.length < bytes) {
      chunk = new byte[bytes];
      chunkView = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
    }
  }
}
