package dev.verbatim.ingest;

import dev.verbatim.core.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Probes, decodes and mixes uploaded recordings, judging every file by its content and never by its
 * name.
 *
 * <p>Thread-safe: it holds only its limits, and every call opens and closes its own FFmpeg context.
 */
public final class MediaReader {

  static {
    // JavaCPP picks its own logger (stderr by default) when its classes first load, so SLF4J must
    // be chosen before any FFmpeg class is touched; an operator's explicit choice wins.
    if (System.getProperty("org.bytedeco.javacpp.logger") == null) {
      System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
    }
  }

  private final long maxFileBytes;

  /** Creates a reader that rejects files larger than {@code maxFileBytes}. */
  public MediaReader(long maxFileBytes) {
    this.maxFileBytes = maxFileBytes;
  }

  /**
   * Probes by content, never by file name: Tika magic detection for the media type, then FFmpeg for
   * container, codec, duration, channels, sample rate; SHA-256 of the file (streamed).
   *
   * @throws MediaRejectedException if the file is empty, too large, not media, has no audio or
   *     cannot be opened
   */
  public SourceFile probe(Path file) {
    String mediaType = admit(file);
    List<String> warnings = new ArrayList<>();
    String container;
    String codec;
    long durationMs;
    int channels;
    int sampleRate;
    try (AudioInput input = AudioInput.open(file, 1)) {
      container = input.container();
      codec = input.codec();
      durationMs = input.declaredMillis();
      channels = input.channels();
      sampleRate = input.sampleRate();
      OptionalLong header = headerMillis(file, container);
      if (header.isPresent()) {
        Truncation.warning(durationMs, header.getAsLong(), "found").ifPresent(warnings::add);
      }
    }
    String sha256 = FileDigest.sha256(file);
    return new SourceFile(
        file.getFileName().toString(),
        sha256,
        mediaType,
        container,
        codec,
        durationMs,
        channels,
        sampleRate,
        warnings);
  }

  /**
   * Opens a streaming decode to 16 kHz mono signed 16-bit little-endian PCM.
   *
   * @param channel negative to downmix all channels; otherwise the 0-based channel to return on its
   *     own as a mono stream
   * @throws MediaRejectedException if the file is empty, too large, not media, has no audio or
   *     cannot be opened
   * @throws IllegalArgumentException if the file has no channel {@code channel}
   */
  public PcmStream decode(Path file, int channel) {
    admit(file);
    // For one channel FFmpeg keeps them all (at 16 kHz) and PcmStream picks from the interleave.
    AudioInput input = AudioInput.open(file, channel < 0 ? 1 : AudioInput.ORIGINAL_CHANNELS);
    try {
      if (channel >= input.channels()) {
        throw new IllegalArgumentException(
            "\""
                + file.getFileName()
                + "\" has "
                + input.channels()
                + " channel(s); there is no channel "
                + channel
                + " (channels count from 0)");
      }
      long declared = input.durationIsEstimate() ? 0 : input.declaredMillis();
      OptionalLong header = headerMillis(file, input.container());
      if (header.isPresent()) {
        declared = Math.max(declared, header.getAsLong());
      }
      return new PcmStream(input, file, channel, declared);
    } catch (RuntimeException e) {
      input.close();
      throw e;
    }
  }

  /**
   * Mixes one recording per participant (as Zoom or Jitsi deliver them) into a single file for the
   * web player: AAC in an m4a (MP4) container, 16 kHz mono, about 48 kbit/s, with its index at the
   * front so a browser can seek before the whole file has arrived.
   *
   * <p>The tracks start together at time 0 and are summed sample by sample; a shorter track is
   * silent after its end, so the mix lasts as long as the longest track. Where voices overlap so
   * loudly that the sum overflows, it is clipped, never wrapped around. The tracks are decoded side
   * by side 100 ms at a time, so memory does not grow with their length. The mix is written to a
   * temporary file beside {@code target} and moved into place only when complete: {@code target} is
   * either replaced by the whole mix or left as it was.
   *
   * @param tracks the per-participant recordings, in any format {@link #decode} accepts
   * @param target where the mix goes; its directory must exist
   * @throws MediaRejectedException if a track is rejected as by {@link #decode}
   * @throws java.io.UncheckedIOException if the mix cannot be written, with the cause
   * @throws IllegalArgumentException if {@code tracks} is empty
   */
  public void mixForPlayback(List<Path> tracks, Path target) {
    PlaybackMix.write(List.copyOf(tracks), track -> decode(track, -1), target);
  }

  /** The checks that need no FFmpeg: size first, as it reads nothing, then the content type. */
  private String admit(Path file) {
    Rejections.checkSize(file, maxFileBytes);
    return MediaTypeDetector.detect(file);
  }

  private static OptionalLong headerMillis(Path file, String container) {
    return "wav".equals(container) ? WavHeader.declaredMillis(file) : OptionalLong.empty();
  }
}
