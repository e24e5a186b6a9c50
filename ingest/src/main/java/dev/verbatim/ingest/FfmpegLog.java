package dev.verbatim.ingest;

import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends FFmpeg's log lines to SLF4J instead of the process's stderr.
 *
 * <p>FFmpeg complains on stderr about every damaged frame of a damaged upload; on a server that
 * noise belongs in the application log, at levels an operator can tune.
 */
final class FfmpegLog extends LogCallback {

  private static final Logger LOG = LoggerFactory.getLogger("dev.verbatim.ingest.ffmpeg");

  // Native code keeps only a raw pointer to the callback, so a strong reference must live here.
  private static @Nullable FfmpegLog installed;

  private FfmpegLog() {}

  /** Routes FFmpeg's log through SLF4J; call before the first use of FFmpeg. */
  static synchronized void install() {
    if (installed != null) {
      return;
    }
    FfmpegLog callback = new FfmpegLog();
    callback.retainReference();
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    avutil.setLogCallback(callback);
    installed = callback;
  }

  @Override
  public void call(int level, BytePointer message) {
    if (level > avutil.AV_LOG_WARNING) {
      return;
    }
    String text = message.getString().strip();
    if (text.isEmpty()) {
      return;
    }
    if (level <= avutil.AV_LOG_FATAL) {
      LOG.error("{}", text);
    } else if (level <= avutil.AV_LOG_ERROR) {
      LOG.warn("{}", text);
    } else {
      LOG.debug("{}", text);
    }
  }
}
