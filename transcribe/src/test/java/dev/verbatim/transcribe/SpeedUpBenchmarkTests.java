package dev.verbatim.transcribe;

import dev.verbatim.core.Word;
import dev.verbatim.testsupport.ReadSpeech;
import dev.verbatim.testsupport.SpeechModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the parallel path against the single-recognizer baseline on five minutes of read speech.
 * Run by hand: it reports figures and asserts nothing about time, since wall-clock results depend
 * on the machine and its load.
 *
 * <pre>mvn -B -q -pl transcribe test -Dtest=SpeedUpBenchmarkTests -Dsurefire.excludedGroups=</pre>
 */
@Tag("slow")
class SpeedUpBenchmarkTests {

  private static final Logger log = LoggerFactory.getLogger(SpeedUpBenchmarkTests.class);

  @Test
  void parallelDecodingAgainstOneRecognizerOnFiveMinutesOfReadSpeech() {
    ByteArrayOutputStream audio = new ByteArrayOutputStream();
    List<String> reference = new ArrayList<>();
    List<ReadSpeech.Clip> clips = ReadSpeech.librivox();
    byte[] gap = new byte[700 * 32];
    while (Pcm.millis(audio.toByteArray()) < 300_000) {
      for (ReadSpeech.Clip clip : clips) {
        audio.writeBytes(Pcm.wav(clip.wav()));
        audio.writeBytes(gap);
        reference.add(clip.transcript());
      }
    }
    byte[] pcm = audio.toByteArray();
    long durationMs = Pcm.millis(pcm);
    String truth = String.join(" ", reference);
    int rounds = Integer.getInteger("benchmark.rounds", 1);
    try (Transcriber transcriber =
        new Transcriber(TranscribeProperties.defaults(SpeechModel.english().getParent()))) {
      // Loads the model outside the timings.
      transcriber.transcribe(new ByteArrayInputStream(gap), "en", 700, 1, p -> {});
      for (int round = 1; round <= rounds; round++) {
        Run parallel =
            time(
                () ->
                    transcriber.transcribe(
                        new ByteArrayInputStream(pcm), "en", durationMs, 2, p -> {}));
        Run whole =
            time(
                () ->
                    transcriber.transcribeWhole(
                        new ByteArrayInputStream(pcm), "en", durationMs, p -> {}));
        log.info(
            "Round {}: {} s of audio; whole {} ms (xRT {}), WER {}; 2 workers {} ms (xRT {}),"
                + " WER {}; speed-up {}",
            round,
            durationMs / 1000.0,
            whole.millis(),
            String.format("%.3f", (double) whole.millis() / durationMs),
            String.format("%.4f", WordErrorRate.between(truth, whole.text())),
            parallel.millis(),
            String.format("%.3f", (double) parallel.millis() / durationMs),
            String.format("%.4f", WordErrorRate.between(truth, parallel.text())),
            String.format("%.2f", (double) whole.millis() / parallel.millis()));
      }
    }
  }

  private record Run(long millis, String text) {}

  private static Run time(Supplier<List<Word>> transcription) {
    long start = System.nanoTime();
    List<Word> words = transcription.get();
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new Run(millis, words.stream().map(Word::text).collect(Collectors.joining(" ")));
  }
}
