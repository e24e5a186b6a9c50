package dev.verbatim.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.verbatim.core.SourceFile;
import dev.verbatim.testsupport.Media;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decoding by content, channel by channel, and as far as a damaged file allows. */
class DecodingTests {

  @TempDir static Path dir;
  static Path wav;
  static long meetingMs;

  @BeforeAll
  static void renderMeeting() {
    wav = Recordings.meeting(dir);
    meetingMs = Recordings.wavMillis(wav);
  }

  @Test
  void decodesMp3NamedWavByItsContent() throws Exception {
    Path mislabelled = Media.convert(wav, dir.resolve("call.wav"), "-f", "mp3");

    SourceFile probed = Recordings.READER.probe(mislabelled);
    Recordings.Decoded decoded = Recordings.drain(Recordings.READER.decode(mislabelled, -1));

    assertThat(probed.mediaType()).isEqualTo("audio/mpeg");
    assertThat(probed.container()).isEqualTo("mp3");
    assertThat(decoded.millis()).isCloseTo(meetingMs, within(100L));
    assertThat(decoded.rms()).isGreaterThan(500);
  }

  @Test
  void sha256MatchesTheJdkDigestOfTheWholeFile() throws Exception {
    String expected =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(wav)));

    assertThat(Recordings.READER.probe(wav).sha256()).isEqualTo(expected);
  }

  @Test
  void decodesEachSideOfAStereoFileOnItsOwn() throws Exception {
    Path stereo = Recordings.leftOnly(wav, dir.resolve("left-only.wav"));

    Recordings.Decoded mixed = Recordings.drain(Recordings.READER.decode(stereo, -1));
    Recordings.Decoded left = Recordings.drain(Recordings.READER.decode(stereo, 0));
    Recordings.Decoded right = Recordings.drain(Recordings.READER.decode(stereo, 1));

    assertThat(Recordings.READER.probe(stereo).channels()).isEqualTo(2);
    assertThat(mixed.millis()).isCloseTo(meetingMs, within(100L));
    assertThat(left.samples()).isEqualTo(mixed.samples());
    assertThat(right.samples()).isEqualTo(mixed.samples());
    assertThat(left.rms()).isGreaterThan(1000);
    assertThat(right.rms()).isLessThan(1);
    // FFmpeg's downmix averages the sides, so a silent right halves the level of the left.
    assertThat(mixed.rms()).isBetween(left.rms() * 0.3, left.rms() * 0.8);
  }

  @Test
  void pickedChannelMatchesTheMonoOriginalSampleForSample() throws Exception {
    Path stereo = Recordings.leftOnly(wav, dir.resolve("left-only-exact.wav"));

    byte[] left = Recordings.readAll(Recordings.READER.decode(stereo, 0));
    byte[] original = Recordings.readAll(Recordings.READER.decode(wav, -1));

    assertThat(left).isEqualTo(original);
  }

  @Test
  void decodesMp3CutInHalfAsFarAsItGoesWithAWarning() throws Exception {
    Path mp3 = Media.convert(wav, dir.resolve("meeting.mp3"), "-b:a", "64k");
    Path half = Recordings.cut(mp3, dir.resolve("half.mp3"), 0.5);

    Recordings.Decoded decoded = Recordings.drain(Recordings.READER.decode(half, -1));

    assertThat(decoded.millis()).isCloseTo(meetingMs / 2, within(1_000L));
    assertThat(decoded.rms()).isGreaterThan(500);
    assertThat(decoded.warnings())
        .singleElement()
        .asString()
        .startsWith("Truncated: decoded ")
        .endsWith("s the container declares");
  }

  @Test
  void decodesWavCutInHalfAndItsHeaderRevealsTheLoss() throws Exception {
    Path half = Recordings.cut(wav, dir.resolve("half.wav"), 0.5);

    SourceFile probed = Recordings.READER.probe(half);
    Recordings.Decoded decoded = Recordings.drain(Recordings.READER.decode(half, -1));

    assertThat(decoded.millis()).isCloseTo(meetingMs / 2, within(100L));
    assertThat(decoded.warnings()).singleElement().asString().startsWith("Truncated: decoded ");
    assertThat(probed.durationMs()).isCloseTo(meetingMs / 2, within(100L));
    assertThat(probed.warnings()).singleElement().asString().startsWith("Truncated: found ");
  }

  @Test
  void reportsDecodedMillisAsItGoesAndStopsAfterClose() throws Exception {
    PcmStream pcm = Recordings.READER.decode(wav, -1);
    byte[] second = pcm.readNBytes(32_000);
    long millis = pcm.decodedMillis();
    pcm.close();

    assertThat(second).hasSize(32_000);
    assertThat(millis).isBetween(1_000L, meetingMs);
    assertThat(pcm.read()).isEqualTo(-1);
    assertThat(pcm.read(new byte[10], 0, 10)).isEqualTo(-1);
    assertThat(pcm.warnings()).isEmpty();
  }

  @Test
  void singleByteReadsAgreeWithBulkReads() throws Exception {
    Path flac = Media.convert(wav, dir.resolve("meeting.flac"));
    byte[] bulk = Recordings.readAll(Recordings.READER.decode(flac, -1));

    try (PcmStream pcm = Recordings.READER.decode(flac, -1)) {
      for (int i = 0; i < 10_000; i++) {
        assertThat((byte) pcm.read()).isEqualTo(bulk[i]);
      }
    }
  }
}
