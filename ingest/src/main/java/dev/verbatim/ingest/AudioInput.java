package dev.verbatim.ingest;

import dev.verbatim.core.PcmFormat;
import java.io.IOException;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audio stream of one file, opened with FFmpeg and converted by FFmpeg's own resampler to 16
 * kHz signed 16-bit samples.
 *
 * <p>This is the only class that decodes with JavaCV ({@link AacWriter} encodes), so native
 * resources have one owner: whoever opens an {@code AudioInput} closes it.
 */
final class AudioInput implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AudioInput.class);

  /** Asks FFmpeg to keep the file's channels rather than downmix. */
  static final int ORIGINAL_CHANNELS = 0;

  private final FFmpegFrameGrabber grabber;
  private final String container;
  private final String codec;
  private final int channels;
  private final int sampleRate;
  private final long declaredMillis;
  private final boolean estimated;
  private boolean closed;

  private AudioInput(FFmpegFrameGrabber grabber, AVStream stream) {
    this.grabber = grabber;
    AVFormatContext format = grabber.getFormatContext();
    AVCodecParameters parameters = stream.codecpar();
    this.container = format.iformat().name().getString();
    // The codec's name rather than the decoder's: "mp3", not "mp3float".
    this.codec = avcodec.avcodec_get_name(parameters.codec_id()).getString();
    this.channels = parameters.ch_layout().nb_channels();
    this.sampleRate = parameters.sample_rate();
    this.declaredMillis = declaredMillis(format, stream);
    this.estimated = format.duration_estimation_method() == avformat.AVFMT_DURATION_FROM_BITRATE;
  }

  /**
   * Opens the first audio stream of {@code file}.
   *
   * @param outputChannels 1 to let FFmpeg downmix, or {@link #ORIGINAL_CHANNELS} for interleaved
   *     samples of every channel
   */
  static AudioInput open(Path file, int outputChannels) {
    FfmpegLog.install();
    FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
    grabber.setSampleRate(PcmFormat.SPEECH.sampleRate());
    grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
    if (outputChannels != ORIGINAL_CHANNELS) {
      grabber.setAudioChannels(outputChannels);
    }
    boolean opened = false;
    try {
      grabber.start();
      AVStream stream = audioStream(grabber);
      if (stream == null) {
        throw new MediaRejectedException(
            MediaRejectedException.Reason.NO_AUDIO,
            file,
            "\""
                + file.getFileName()
                + "\" has no sound: it is a media file without an audio track.");
      }
      AudioInput input = new AudioInput(grabber, stream);
      opened = true;
      return input;
    } catch (FrameGrabber.Exception e) {
      throw new MediaRejectedException(
          MediaRejectedException.Reason.UNREADABLE,
          file,
          "\""
              + file.getFileName()
              + "\" could not be opened as audio or video; it may be damaged or cut short.",
          e);
    } finally {
      if (!opened) {
        closeQuietly(grabber);
      }
    }
  }

  /**
   * Returns the next block of interleaved 16 kHz samples, or {@code null} at the end.
   *
   * <p>The buffer is FFmpeg's and is overwritten by the next call. Only audio packets are decoded;
   * video packets are skipped undecoded.
   */
  @Nullable ShortBuffer next() throws IOException {
    while (true) {
      Frame frame = grabber.grabSamples();
      if (frame == null) {
        return null;
      }
      if (frame.samples != null && frame.samples.length > 0) {
        if (!(frame.samples[0] instanceof ShortBuffer samples)) {
          throw new IllegalStateException(
              "FFmpeg returned " + frame.samples[0].getClass() + " where 16-bit samples were set");
        }
        return samples;
      }
    }
  }

  /** The demuxer that read the file, such as {@code mov,mp4,m4a,3gp,3g2,mj2}. */
  String container() {
    return container;
  }

  String codec() {
    return codec;
  }

  /** The channel count of the file, before any downmix. */
  int channels() {
    return channels;
  }

  /** The sample rate of the file, before resampling. */
  int sampleRate() {
    return sampleRate;
  }

  /** How long the container says the audio lasts, or 0 if it does not say. */
  long declaredMillis() {
    return declaredMillis;
  }

  /**
   * Whether {@link #declaredMillis()} is FFmpeg's guess from file size and bitrate, as for raw ADTS
   * AAC, rather than something the container states; a guess cannot reveal truncation.
   */
  boolean durationIsEstimate() {
    return estimated;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      closeQuietly(grabber);
    }
  }

  private static @Nullable AVStream audioStream(FFmpegFrameGrabber grabber) {
    if (!grabber.hasAudio()) {
      return null;
    }
    AVFormatContext format = grabber.getFormatContext();
    int index = grabber.getAudioStream();
    if (index >= 0 && index < format.nb_streams()) {
      return format.streams(index);
    }
    for (int i = 0; i < format.nb_streams(); i++) {
      AVStream stream = format.streams(i);
      if (stream.codecpar().codec_type() == avutil.AVMEDIA_TYPE_AUDIO) {
        return stream;
      }
    }
    return null;
  }

  /** The audio stream's own duration first: in a video file the container's may be the video's. */
  private static long declaredMillis(AVFormatContext format, AVStream stream) {
    if (stream.duration() != avutil.AV_NOPTS_VALUE && stream.duration() > 0) {
      return Math.round(stream.duration() * avutil.av_q2d(stream.time_base()) * 1000);
    }
    if (format.duration() != avutil.AV_NOPTS_VALUE && format.duration() > 0) {
      return format.duration() / 1000;
    }
    return 0;
  }

  private static void closeQuietly(FFmpegFrameGrabber grabber) {
    try {
      grabber.close();
    } catch (FrameGrabber.Exception e) {
      // Nothing more can be done for this file; the grabber has released what it could.
      LOG.debug("Closing FFmpeg failed", e);
    }
  }
}
