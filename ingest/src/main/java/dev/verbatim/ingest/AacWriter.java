package dev.verbatim.ingest;

import dev.verbatim.core.PcmFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes 16 kHz mono 16-bit PCM as AAC in an MP4 (m4a) file that browsers can play and seek.
 *
 * <p>The counterpart of {@link AudioInput} for output: the only class that encodes with JavaCV.
 * Whoever opens one closes it; {@link #finish()} must be called for the file to be complete.
 */
final class AacWriter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AacWriter.class);

  /** Plenty for speech at 16 kHz mono; about 21 MB an hour. */
  static final int BITRATE = 48_000;

  private final FFmpegFrameRecorder recorder;
  private final Path file;
  private boolean closed;

  private AacWriter(FFmpegFrameRecorder recorder, Path file) {
    this.recorder = recorder;
    this.file = file;
  }

  /** Creates or truncates {@code file} and writes the header. */
  static AacWriter open(Path file) {
    FfmpegLog.install();
    FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 1);
    // "ipod" is FFmpeg's m4a muxer: the mp4 muxer with an audio brand, so it reads as audio/mp4.
    recorder.setFormat("ipod");
    recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
    recorder.setSampleRate(PcmFormat.SPEECH.sampleRate());
    recorder.setAudioChannels(1);
    recorder.setAudioBitrate(BITRATE);
    // The index (moov) goes before the audio, so a browser can seek before the whole file arrives.
    recorder.setOption("movflags", "+faststart");
    try {
      recorder.start();
      return new AacWriter(recorder, file);
    } catch (FrameRecorder.Exception e) {
      release(recorder);
      throw failure("start", file, e);
    }
  }

  /** Encodes the first {@code count} samples of {@code samples}. */
  void write(short[] samples, int count) {
    try {
      recorder.recordSamples(ShortBuffer.wrap(samples, 0, count));
    } catch (FrameRecorder.Exception e) {
      throw failure("write", file, e);
    }
  }

  /** Flushes the encoder and writes the index; the file is complete once this returns. */
  void finish() {
    try {
      recorder.stop();
    } catch (FrameRecorder.Exception e) {
      throw failure("finish", file, e);
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      release(recorder);
    }
  }

  private static UncheckedIOException failure(String step, Path file, IOException cause) {
    return new UncheckedIOException(
        "Could not " + step + " the AAC playback file \"" + file + "\": " + cause.getMessage(),
        cause);
  }

  private static void release(FFmpegFrameRecorder recorder) {
    try {
      recorder.release();
    } catch (FrameRecorder.Exception e) {
      // Only native memory is left to free; the file is deleted by the caller if it is incomplete.
      LOG.debug("Releasing FFmpeg's encoder failed", e);
    }
  }
}
