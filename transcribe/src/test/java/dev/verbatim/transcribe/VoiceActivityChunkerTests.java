package dev.verbatim.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.Word;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoiceActivityChunkerTests {

  private static List<Chunk> chunks(byte[] pcm, Duration maxChunk) throws IOException {
    VoiceActivityChunker chunker =
        new VoiceActivityChunker(new ByteArrayInputStream(pcm), maxChunk);
    List<Chunk> chunks = new ArrayList<>();
    for (Chunk c = chunker.next(); c != null; c = chunker.next()) {
      chunks.add(c);
    }
    return chunks;
  }

  @Test
  void shortSpeechBecomesOneChunkPaddedWithSilence() throws IOException {
    byte[] pcm = new Pcm().silence(2000).tone(3000, 0.3).silence(2000).bytes();

    List<Chunk> chunks = chunks(pcm, Duration.ofSeconds(30));

    assertThat(chunks).hasSize(1);
    Chunk only = chunks.get(0);
    assertThat(only.offsetMs()).isBetween(1790L, 2000L);
    assertThat(only.endMs()).isBetween(5000L, 5210L);
  }

  @Test
  void eachChunkLeadsInWithTheLastThreeSecondsOfSpeechBeforeIt() throws IOException {
    Pcm audio = new Pcm();
    for (int i = 0; i < 8; i++) {
      audio.tone(4000, 0.3).silence(600);
    }

    List<Chunk> chunks = chunks(audio.bytes(), Duration.ofSeconds(20));

    assertThat(chunks).hasSizeGreaterThan(1);
    assertThat(chunks.get(0).warmup()).isEmpty();
    for (int i = 1; i < chunks.size(); i++) {
      byte[] previous = chunks.get(i - 1).pcm();
      byte[] tail =
          java.util.Arrays.copyOfRange(previous, previous.length - 3 * 32_000, previous.length);
      assertThat(chunks.get(i).warmup()).as("warm-up of chunk %d", i).isEqualTo(tail);
    }
  }

  @Test
  void longSilenceInsideAChunkIsLeftOutButTimesStillMapToTheRecording() throws IOException {
    byte[] pcm = new Pcm().tone(2000, 0.3).silence(10_000).tone(2000, 0.3).silence(500).bytes();

    List<Chunk> chunks = chunks(pcm, Duration.ofSeconds(30));

    assertThat(chunks).hasSize(1);
    Chunk chunk = chunks.get(0);
    assertThat(Pcm.millis(chunk.pcm())).isBetween(4000L, 4800L);
    assertThat(chunk.pieces()).hasSize(2);
    Chunk.Piece second = chunk.pieces().get(1);
    assertThat(second.chunkMs()).isBetween(1900L, 2210L);
    assertThat(second.recordingMs()).isBetween(11_790L, 12_000L);
    // A word 100 ms into the second tone lands 100 ms into it in the recording.
    long local = second.chunkMs() + (12_000 - second.recordingMs()) + 100;
    assertThat(chunk.place(new Word("x", local, local + 50, 1)))
        .isEqualTo(new Word("x", 12_100, 12_150, 1));
    long first = chunk.offsetMs();
    assertThat(chunk.place(new Word("y", 500, 600, 1)))
        .isEqualTo(new Word("y", first + 500, first + 600, 1));
  }

  @Test
  void cutsLandInPausesAndChunksStayUnderTheMaximum() throws IOException {
    // Five-second "sentences" with 400 ms pauses, over background noise, for two minutes.
    Pcm audio = new Pcm();
    List<long[]> pauses = new ArrayList<>();
    long t = 0;
    for (int i = 0; i < 24; i++) {
      audio.tone(4600, 0.3).noise(400, 0.002);
      pauses.add(new long[] {t + 4600, t + 5000});
      t += 5000;
    }

    List<Chunk> chunks = chunks(audio.bytes(), Duration.ofSeconds(30));

    assertThat(chunks).hasSizeGreaterThan(3);
    for (int i = 0; i < chunks.size() - 1; i++) {
      long cut = chunks.get(i).endMs();
      assertThat(pauses).anySatisfy(p -> assertThat(cut).isBetween(p[0], p[1]));
      // The next chunk starts within the same pause, never before the cut.
      assertThat(chunks.get(i + 1).offsetMs())
          .isGreaterThanOrEqualTo(cut)
          .satisfies(
              start -> assertThat(pauses).anySatisfy(p -> assertThat(start).isBetween(p[0], p[1])));
    }
    assertThat(chunks)
        .allSatisfy(c -> assertThat(c.endMs() - c.offsetMs()).isLessThanOrEqualTo(30_000));
  }

  @Test
  void speechWithoutPausesIsCutAtTheMaximumLength() throws IOException {
    byte[] pcm = new Pcm().tone(75_000, 0.3).bytes();

    List<Chunk> chunks = chunks(pcm, Duration.ofSeconds(30));

    assertThat(chunks).hasSize(3);
    assertThat(chunks)
        .allSatisfy(c -> assertThat(c.endMs() - c.offsetMs()).isLessThanOrEqualTo(30_000));
    assertThat(chunks.get(2).endMs()).isEqualTo(75_000);
    assertThat(chunks.get(1).offsetMs()).isEqualTo(chunks.get(0).endMs());
  }

  @Test
  void noiseAloneHoldsNoSpeech() throws IOException {
    byte[] pcm = new Pcm().noise(20_000, 0.01).bytes();

    assertThat(chunks(pcm, Duration.ofSeconds(30))).isEmpty();
  }

  @Test
  void noiseFloorFollowsARiseInBackgroundNoise() throws IOException {
    byte[] pcm =
        new Pcm().noise(5000, 0.001).noise(10_000, 0.02).tone(3000, 0.4).noise(3000, 0.02).bytes();

    List<Chunk> chunks = chunks(pcm, Duration.ofSeconds(30));

    // The louder noise counts as speech only until the floor, the minimum of the last three
    // seconds, has risen to it; after that it is skipped, and only the tone is kept.
    assertThat(chunks).hasSize(1);
    List<Chunk.Piece> pieces = chunks.get(0).pieces();
    Chunk.Piece tone = pieces.get(pieces.size() - 1);
    assertThat(tone.recordingMs()).isBetween(14_700L, 15_000L);
    assertThat(chunks.get(0).endMs()).isBetween(18_000L, 18_300L);
    assertThat(tone.chunkMs()).isLessThan(4_500L);
  }

  @Test
  void chunksAreNumberedInOrderAndDoNotOverlap() throws IOException {
    Pcm audio = new Pcm();
    for (int i = 0; i < 10; i++) {
      audio.tone(5000, 0.3).silence(i % 2 == 0 ? 400 : 1500);
    }

    List<Chunk> chunks = chunks(audio.bytes(), Duration.ofSeconds(30));

    assertThat(chunks).hasSizeGreaterThan(1);
    for (int i = 0; i < chunks.size(); i++) {
      assertThat(chunks.get(i).index()).isEqualTo(i);
    }
    for (int i = 1; i < chunks.size(); i++) {
      assertThat(chunks.get(i).offsetMs()).isGreaterThanOrEqualTo(chunks.get(i - 1).endMs());
    }
  }
}
