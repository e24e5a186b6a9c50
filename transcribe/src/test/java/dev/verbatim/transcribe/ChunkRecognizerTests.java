package dev.verbatim.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.Word;
import dev.verbatim.testsupport.ReadSpeech;
import dev.verbatim.testsupport.SpeechModel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vosk.Model;

class ChunkRecognizerTests {

  private static Chunk chunk(int index, ReadSpeech.Clip clip, long atMs) {
    byte[] pcm = Pcm.wav(clip.wav());
    return new Chunk(
        index, pcm, List.of(new Chunk.Piece(0, atMs)), atMs + Pcm.millis(pcm), new byte[0]);
  }

  /** A pooled recognizer serves any chunk of any recording next: what it decoded must not leak. */
  @Test
  void aChunksWordsDoNotDependOnWhatTheRecognizerDecodedBefore() throws Exception {
    List<ReadSpeech.Clip> clips = ReadSpeech.librivox();
    Chunk earlier = chunk(0, clips.get(0), 0);
    Chunk chunk = chunk(1, clips.get(3), 10_000);
    try (Model model = new Model(SpeechModel.english().toString());
        ChunkRecognizer fresh = new ChunkRecognizer(model);
        ChunkRecognizer used = new ChunkRecognizer(model)) {
      List<Word> expected = fresh.decode(chunk);
      used.decode(earlier);
      used.decode(chunk(0, clips.get(1), 0));

      assertThat(expected)
          .isNotEmpty()
          .allSatisfy(w -> assertThat(w.startMs()).isGreaterThanOrEqualTo(10_000));
      SameWords.assertSame(used.decode(chunk), expected);
    }
  }
}
