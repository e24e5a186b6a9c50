package dev.verbatim.transcribe;

import dev.verbatim.core.Word;
import dev.verbatim.testsupport.ScriptedMeeting;
import dev.verbatim.testsupport.SpeechModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchTests {
  @TempDir Path dir;

  @Test
  void scratch() throws IOException {
    StringBuilder out = new StringBuilder();
    long t0 = System.nanoTime();
    try (Transcriber t =
        new Transcriber(TranscribeProperties.defaults(SpeechModel.english().getParent()))) {
      ScriptedMeeting m = ScriptedMeeting.render(ScriptedMeeting.standup(), dir);
      byte[] pcm = Pcm.wav(m.mixed());
      out.append("render ").append((System.nanoTime() - t0) / 1e6).append('\n');
      for (int w : new int[] {1, 1, 2, 1}) {
        long s = System.nanoTime();
        List<Word> words =
            t.transcribe(new ByteArrayInputStream(pcm), "en", Pcm.millis(pcm), w, p -> {});
        out.append("workers ")
            .append(w)
            .append(" ms ")
            .append((System.nanoTime() - s) / 1e6)
            .append(' ')
            .append(words.get(2))
            .append('\n');
      }
      long s = System.nanoTime();
      List<Word> words =
          t.transcribeWhole(new ByteArrayInputStream(pcm), "en", Pcm.millis(pcm), p -> {});
      out.append("whole ms ")
          .append((System.nanoTime() - s) / 1e6)
          .append(' ')
          .append(words.get(2))
          .append('\n');
      VoiceActivityChunker c =
          new VoiceActivityChunker(new ByteArrayInputStream(pcm), java.time.Duration.ofSeconds(30));
      for (Chunk ch = c.next(); ch != null; ch = c.next())
        out.append(ch.offsetMs()).append("-").append(ch.endMs()).append('\n');
    }
    Files.writeString(Path.of("target/scratch.txt"), out);
  }
}
