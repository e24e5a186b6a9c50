package dev.verbatim.ingest;

import dev.verbatim.core.PcmFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sums per-participant tracks into one recording for the web player, streaming 100 ms at a time.
 *
 * <p>Tracks start together at time 0; a track that ends early is silent from then on, so the mix
 * lasts as long as the longest track. Samples are summed in {@code int} and hard-clipped to 16 bits
 * rather than scaled by 1/N: per-participant tracks are mostly silence where the others talk, so
 * scaling would make every voice N times quieter all meeting long to guard against the rare moments
 * when two loud voices overlap, and clipping only touches the samples that actually overflow (where
 * plain {@code short} addition would wrap around into loud sign-flipped clicks).
 */
final class PlaybackMix {

  private static final Logger LOG = LoggerFactory.getLogger(PlaybackMix.class);

  /** 100 ms at 16 kHz: small enough that memory stays flat, large enough to amortise the calls. */
  static final int BLOCK_SAMPLES = (int) PcmFormat.SPEECH.samples(100);

  private static final int BLOCK_BYTES = BLOCK_SAMPLES * PcmFormat.BYTES_PER_SAMPLE;

  private PlaybackMix() {}

  /**
   * Mixes {@code tracks}, each opened by {@code decoder}, into {@code target} (AAC in m4a). The
   * file is written beside {@code target} and moved into place only when complete.
   */
  static void write(List<Path> tracks, Function<Path, PcmStream> decoder, Path target) {
    if (tracks.isEmpty()) {
      throw new IllegalArgumentException("A playback mix needs at least one track");
    }
    Path temp = createTemp(target);
    boolean moved = false;
    List<PcmStream> streams = new ArrayList<>(tracks.size());
    try {
      // Open every track before encoding, so a file that is not media fails fast.
      for (Path track : tracks) {
        streams.add(decoder.apply(track));
      }
      try (AacWriter writer = AacWriter.open(temp)) {
        mix(streams, writer);
        writer.finish();
      }
      moveIntoPlace(temp, target);
      moved = true;
    } catch (RuntimeException e) {
      for (PcmStream stream : streams) {
        stream.close();
      }
      throw e;
    } finally {
      if (!moved) {
        deleteQuietly(temp);
      }
    }
  }

  private static void mix(List<PcmStream> streams, AacWriter writer) {
    int[] sum = new int[BLOCK_SAMPLES];
    short[] mixed = new short[BLOCK_SAMPLES];
    short[] samples = new short[BLOCK_SAMPLES];
    byte[] block = new byte[BLOCK_BYTES];
    List<PcmStream> playing = new ArrayList<>(streams);
    while (!playing.isEmpty()) {
      Arrays.fill(sum, 0);
      int longest = 0;
      for (int t = playing.size() - 1; t >= 0; t--) {
        PcmStream stream = playing.get(t);
        int bytes = read(stream, block);
        int count = bytes / PcmFormat.BYTES_PER_SAMPLE;
        ByteBuffer.wrap(block, 0, count * PcmFormat.BYTES_PER_SAMPLE)
            .order(ByteOrder.LITTLE_ENDIAN)
            .asShortBuffer()
            .get(samples, 0, count);
        for (int i = 0; i < count; i++) {
          sum[i] += samples[i];
        }
        longest = Math.max(longest, count);
        if (bytes < BLOCK_BYTES) {
          // This track has ended: silence from here on, and its decoder can go now.
          stream.close();
          playing.remove(t);
        }
      }
      for (int i = 0; i < longest; i++) {
        mixed[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum[i]));
      }
      if (longest > 0) {
        writer.write(mixed, longest);
      }
    }
  }

  /** Fills {@code block} unless the stream ends first; returns how many bytes were read. */
  private static int read(PcmStream stream, byte[] block) {
    try {
      return stream.readNBytes(block, 0, block.length);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read a track for the playback mix", e);
    }
  }

  private static Path createTemp(Path target) {
    Path dir = target.toAbsolutePath().getParent();
    try {
      return Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not create a temporary file for the playback mix beside \"" + target + "\"", e);
    }
  }

  private static void moveIntoPlace(Path temp, Path target) {
    try {
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        // Same directory, so this only happens on odd file systems; a plain replace is the best
        // left.
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not move the finished playback mix into place at \"" + target + "\"", e);
    }
  }

  private static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      // The original failure matters more; a stray ".part" file is named for what it is.
      LOG.warn("Could not delete the unfinished playback mix {}", temp, e);
    }
  }
}
