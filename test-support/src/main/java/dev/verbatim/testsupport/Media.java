package dev.verbatim.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Converts fixture recordings between formats with ffmpeg, as real uploads would arrive. */
public final class Media {

  private Media() {}

  /**
   * Converts {@code in} to {@code out} with ffmpeg, passing {@code options} before the output, for
   * example {@code "-c:a", "aac", "-b:a", "64k"}.
   */
  public static Path convert(Path in, Path out, String... options) {
    List<String> command =
        new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-i", in.toString()));
    command.addAll(List.of(options));
    command.add(out.toString());
    ExternalTool.run(command);
    return out;
  }

  /** Muxes a small test-pattern video with {@code audio} (as AAC) into an mp4 screen recording. */
  public static Path withVideo(Path audio, Path out) {
    return convert(
        audio,
        out,
        "-f",
        "lavfi",
        "-i",
        "testsrc=size=160x120:rate=10",
        "-shortest",
        "-c:v",
        "mpeg4",
        "-c:a",
        "aac",
        "-b:a",
        "64k");
  }

  /** Writes a video-only mp4 of {@code seconds} seconds: a file that has no audio stream. */
  public static Path silentVideo(Path out, int seconds) {
    ExternalTool.run(
        List.of(
            "ffmpeg",
            "-nostdin",
            "-v",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            "testsrc=size=160x120:rate=10:duration=" + seconds,
            "-c:v",
            "mpeg4",
            "-an",
            out.toString()));
    return out;
  }
}
