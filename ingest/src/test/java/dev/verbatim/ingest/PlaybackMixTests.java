package dev.verbatim.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.verbatim.core.SourceFile;
import dev.verbatim.testsupport.Media;
import dev.verbatim.testsupport.ScriptedMeeting;
import dev.verbatim.testsupport.SpokenLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-participant tracks become one seekable AAC file that sounds like the meeting. */
class PlaybackMixTests {

  @TempDir static Path dir;
  static ScriptedMeeting meeting;
  static List<Path> tracks;

  @BeforeAll
  static void renderMeeting() {
    meeting = ScriptedMeeting.render(ScriptedMeeting.standup(), dir.resolve("meeting"));
    tracks = meeting.tracks().values().stream().sorted().toList();
  }

  @Test
  void mixOfTheFourSpeakersIsMonoAacAsLongAsTheLongestTrack() throws IOException {
    Path target = fresh("standup").resolve("standup.m4a");

    Recordings.READER.mixForPlayback(tracks, target);

    SourceFile probed = Recordings.READER.probe(target);
    long longest = tracks.stream().mapToLong(Recordings::wavMillis).max().orElseThrow();
    assertThat(probed.codec()).isEqualTo("aac");
    assertThat(probed.container()).contains("mp4");
    assertThat(probed.mediaType()).isEqualTo("audio/mp4");
    assertThat(probed.channels()).isEqualTo(1);
    assertThat(probed.sampleRate()).isEqualTo(16_000);
    assertThat(probed.durationMs()).isCloseTo(longest, within(100L));
    assertThat(samples(target).length * 1000L / 16_000).isCloseTo(longest, within(100L));
    assertThat(files(target.getParent())).containsExactly(target);
  }

  @Test
  void everySpeakerIsHeardWhereTheyTalkAndPausesStayQuiet() throws IOException {
    Path target = fresh("voices").resolve("voices.m4a");

    Recordings.READER.mixForPlayback(tracks, target);

    short[] mixed = samples(target);
    for (SpokenLine line : meeting.spoken()) {
      short[] own = samples(meeting.tracks().get(line.line().speaker()));
      double original = rms(own, line.startMs(), line.endMs());
      assertThat(rms(mixed, line.startMs(), line.endMs()))
          .as("%s saying \"%s\"", line.line().speaker(), line.line().text())
          .isBetween(original * 0.7, original * 1.3)
          .isGreaterThan(1_000);
      // The middle of the pause after the line: nobody speaks there in any track.
      long pause = line.line().pauseAfterMs();
      assertThat(rms(mixed, line.endMs() + pause / 4, line.endMs() + pause * 3 / 4))
          .as("pause after %s", line.line().speaker())
          .isLessThan(100);
    }
  }

  @Test
  void shorterTrackIsSilentAfterItsEnd() throws IOException {
    Path tone = dir.resolve("tone-3s.wav");
    writeWav(tone, square(3_000, 200, 8_000));
    Path ana = meeting.tracks().get("ana");
    Path target = fresh("lengths").resolve("lengths.m4a");

    // The short track first, so the longest is not the one that sets the pace.
    Recordings.READER.mixForPlayback(List.of(tone, ana), target);

    short[] mixed = samples(target);
    long anaMs = Recordings.wavMillis(ana);
    assertThat(mixed.length * 1000L / 16_000).isCloseTo(anaMs, within(100L));
    assertThat(Recordings.READER.probe(target).durationMs()).isCloseTo(anaMs, within(100L));
    // The tone is heard in its 3 s; in ana's pause before her last line only silence remains.
    SpokenLine last = meeting.spoken().get(meeting.spoken().size() - 1);
    assertThat(rms(mixed, 500, 2_500)).isGreaterThan(5_000);
    assertThat(rms(mixed, 3_500, last.startMs() - 200)).isLessThan(100);
    assertThat(rms(mixed, last.startMs(), last.endMs())).isGreaterThan(1_000);
  }

  @Test
  void loudOverlapIsClippedNotWrappedAround() throws IOException {
    // 0.61 of full scale twice is 1.22: clipped it is full scale; wrapped in 16 bits it would flip
    // sign to about -0.78; scaled by 1/2 it would stay at 0.61.
    short[] square = square(2_000, 50, 20_000);
    Path tone = dir.resolve("loud-square.wav");
    writeWav(tone, square);
    Path target = fresh("clip").resolve("clip.m4a");

    Recordings.READER.mixForPlayback(List.of(tone, tone), target);

    short[] mixed = samples(target);
    int checked = 0;
    // Each 10 ms half-period keeps its sign and sits near full scale (the encoder rings a little),
    // away from its edges and the encoder's start and end.
    for (int start = 1_600;
        start + 160 < Math.min(mixed.length, square.length) - 1_600;
        start += 160) {
      long sum = 0;
      for (int i = start + 40; i < start + 120; i++) {
        sum += mixed[i];
      }
      double mean = sum / 80.0;
      if (square[start + 80] > 0) {
        assertThat(mean).as("half-period at sample %d", start).isGreaterThan(25_000);
      } else {
        assertThat(mean).as("half-period at sample %d", start).isLessThan(-25_000);
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(150);
  }

  @Test
  void corruptTrackIsRejectedAndLeavesNoFileBehind() throws IOException {
    Path out = fresh("corrupt");
    Path m4a = Media.convert(tracks.get(0), out.resolve("whole.m4a"), "-c:a", "aac");
    Path half = Recordings.cut(m4a, out.resolve("half.m4a"), 0.5);
    Files.delete(m4a);
    Path target = out.resolve("mix.m4a");

    assertThatThrownBy(() -> Recordings.READER.mixForPlayback(List.of(tracks.get(1), half), target))
        .isInstanceOf(MediaRejectedException.class)
        .hasMessageContaining("half.m4a")
        .satisfies(
            e ->
                assertThat(((MediaRejectedException) e).reason())
                    .isEqualTo(MediaRejectedException.Reason.UNREADABLE));
    assertThat(files(out)).containsExactly(half);
  }

  @Test
  void failedMixLeavesAnEarlierMixUntouched() throws IOException {
    Path out = fresh("keep");
    byte[] noise = new byte[64 * 1024];
    new Random(7).nextBytes(noise);
    Path junk = Files.write(out.resolve("junk.wav"), noise);
    Path target = Files.writeString(out.resolve("mix.m4a"), "earlier", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> Recordings.READER.mixForPlayback(List.of(tracks.get(0), junk), target))
        .isInstanceOf(MediaRejectedException.class);
    assertThat(target).hasContent("earlier");
    assertThat(files(out)).containsExactlyInAnyOrder(junk, target);
  }

  @Test
  void missingTargetDirectoryFailsWithItsCause() {
    Path target = dir.resolve("no-such-dir").resolve("mix.m4a");

    assertThatThrownBy(() -> Recordings.READER.mixForPlayback(tracks, target))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("mix.m4a")
        .hasCauseInstanceOf(IOException.class);
  }

  @Test
  void mixStartsWithFtypAndHasItsIndexBeforeTheAudio() throws IOException {
    Path target = fresh("faststart").resolve("faststart.m4a");

    Recordings.READER.mixForPlayback(tracks.subList(0, 2), target);

    List<String> boxes = topLevelBoxes(Files.readAllBytes(target));
    assertThat(boxes).first().isEqualTo("ftyp");
    assertThat(boxes).contains("moov", "mdat");
    assertThat(boxes.indexOf("moov")).isLessThan(boxes.indexOf("mdat"));
  }

  private static Path fresh(String name) throws IOException {
    return Files.createDirectories(dir.resolve("out-" + name));
  }

  private static List<Path> files(Path directory) throws IOException {
    try (Stream<Path> list = Files.list(directory)) {
      return list.toList();
    }
  }

  /** Decodes {@code file} to 16 kHz mono samples with the reader under test. */
  private static short[] samples(Path file) throws IOException {
    byte[] bytes = Recordings.readAll(Recordings.READER.decode(file, -1));
    short[] samples = new short[bytes.length / 2];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
    return samples;
  }

  private static double rms(short[] samples, long fromMs, long toMs) {
    int from = (int) (fromMs * 16);
    int to = (int) Math.min(samples.length, toMs * 16);
    assertThat(to)
        .as("span %d-%d ms within %d samples", fromMs, toMs, samples.length)
        .isGreaterThan(from);
    double sumSquares = 0;
    for (int i = from; i < to; i++) {
      sumSquares += (double) samples[i] * samples[i];
    }
    return Math.sqrt(sumSquares / (to - from));
  }

  /** A square wave of {@code hz} at {@code amplitude}, lasting {@code millis}. */
  private static short[] square(int millis, int hz, int amplitude) {
    short[] samples = new short[millis * 16];
    int half = 16_000 / hz / 2;
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) ((i / half) % 2 == 0 ? amplitude : -amplitude);
    }
    return samples;
  }

  /** Writes 16 kHz mono 16-bit PCM as a WAV file. */
  private static void writeWav(Path file, short[] samples) throws IOException {
    int data = samples.length * 2;
    ByteBuffer wav = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
    wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data);
    wav.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
    wav.putShort((short) 1).putShort((short) 1).putInt(16_000).putInt(32_000);
    wav.putShort((short) 2).putShort((short) 16);
    wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data);
    wav.asShortBuffer().put(samples);
    Files.write(file, wav.array());
  }

  /** The types of the top-level boxes of an MP4 file, in file order. */
  private static List<String> topLevelBoxes(byte[] file) {
    List<String> types = new ArrayList<>();
    ByteBuffer view = ByteBuffer.wrap(file);
    int position = 0;
    while (position + 8 <= file.length) {
      long size = Integer.toUnsignedLong(view.getInt(position));
      types.add(new String(file, position + 4, 4, StandardCharsets.US_ASCII));
      if (size == 1) {
        size = view.getLong(position + 8);
      } else if (size == 0) {
        size = file.length - position;
      }
      assertThat(size).as("size of box %s", types.get(types.size() - 1)).isGreaterThanOrEqualTo(8);
      position += (int) size;
    }
    return types;
  }
}
