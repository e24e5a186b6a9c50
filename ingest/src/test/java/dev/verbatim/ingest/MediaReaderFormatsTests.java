package dev.verbatim.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.verbatim.core.SourceFile;
import dev.verbatim.testsupport.Media;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every accepted format, made from the same flite meeting, probes and decodes alike. */
class MediaReaderFormatsTests {

  @TempDir static Path dir;
  static Path wav;
  static long meetingMs;

  /**
   * One accepted format.
   *
   * @param mediaType what Tika's magic detection reports for it
   * @param slackMs how far probed and decoded durations may stray from the meeting's
   */
  record Format(
      long slackMs,
      String file,
      String mediaType,
      String container,
      String codec,
      int channels,
      int sampleRate,
      String... ffmpegOptions) {

    @Override
    public String toString() {
      return file;
    }
  }

  static Stream<Format> formats() {
    String mp4 = "mov,mp4,m4a,3gp,3g2,mj2";
    return Stream.of(
        new Format(100, "meeting.wav", "audio/vnd.wave", "wav", "pcm_s16le", 1, 16_000),
        new Format(
            100,
            "meeting.mp3",
            "audio/mpeg",
            "mp3",
            "mp3",
            1,
            44_100,
            "-ar",
            "44100",
            "-b:a",
            "64k"),
        new Format(
            100,
            "meeting.m4a",
            "audio/mp4",
            mp4,
            "aac",
            2,
            44_100,
            "-ac",
            "2",
            "-ar",
            "44100",
            "-c:a",
            "aac",
            "-b:a",
            "96k"),
        // Raw ADTS has no duration (FFmpeg guesses from the bitrate) and no edit list to trim the
        // encoder's priming samples, so both durations stray further.
        new Format(
            500,
            "meeting.aac",
            "audio/x-aac",
            "aac",
            "aac",
            1,
            16_000,
            "-c:a",
            "aac",
            "-f",
            "adts"),
        new Format(100, "meeting-video.mp4", "video/quicktime", mp4, "aac", 1, 16_000),
        new Format(
            100, "meeting.webm", "application/x-matroska", "matroska,webm", "opus", 1, 48_000),
        new Format(
            100, "meeting.ogg", "audio/vorbis", "ogg", "vorbis", 1, 16_000, "-c:a", "libvorbis"),
        new Format(
            100, "meeting.opus", "application/ogg", "ogg", "opus", 1, 48_000, "-c:a", "libopus"),
        new Format(100, "meeting.flac", "audio/x-flac", "flac", "flac", 1, 16_000));
  }

  @BeforeAll
  static void renderEveryFormat() {
    wav = Recordings.meeting(dir);
    meetingMs = Recordings.wavMillis(wav);
    formats()
        .filter(f -> !f.file().equals("meeting.wav"))
        .forEach(
            f -> {
              if (f.file().equals("meeting-video.mp4")) {
                Media.withVideo(wav, dir.resolve(f.file()));
              } else {
                Media.convert(wav, dir.resolve(f.file()), f.ffmpegOptions());
              }
            });
  }

  private static Path fileOf(Format format) {
    return format.file().equals("meeting.wav") ? wav : dir.resolve(format.file());
  }

  @ParameterizedTest
  @MethodSource("formats")
  void probeDescribesTheAudioByContent(Format format) {
    SourceFile probed = Recordings.READER.probe(fileOf(format));

    assertThat(probed.name()).isEqualTo(fileOf(format).getFileName().toString());
    assertThat(probed.mediaType()).isEqualTo(format.mediaType());
    assertThat(probed.container()).isEqualTo(format.container());
    assertThat(probed.codec()).isEqualTo(format.codec());
    assertThat(probed.channels()).isEqualTo(format.channels());
    assertThat(probed.sampleRate()).isEqualTo(format.sampleRate());
    assertThat(probed.durationMs()).isCloseTo(meetingMs, within(format.slackMs()));
    assertThat(probed.sha256()).hasSize(64);
    assertThat(probed.warnings()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("formats")
  void decodesToSixteenKilohertzMonoWithSpeechInIt(Format format) throws Exception {
    Recordings.Decoded decoded = Recordings.drain(Recordings.READER.decode(fileOf(format), -1));

    assertThat(meetingMs).isGreaterThan(15_000);
    assertThat(decoded.millis()).isCloseTo(meetingMs, within(format.slackMs()));
    assertThat(decoded.rms()).isGreaterThan(500);
    assertThat(decoded.warnings()).isEmpty();
  }
}
