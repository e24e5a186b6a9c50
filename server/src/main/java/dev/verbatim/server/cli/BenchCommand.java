package dev.verbatim.server.cli;

import dev.verbatim.core.SourceFile;
import dev.verbatim.core.Word;
import dev.verbatim.ingest.MediaReader;
import dev.verbatim.ingest.PcmStream;
import dev.verbatim.transcribe.TranscribeProperties;
import dev.verbatim.transcribe.Transcriber;
import dev.verbatim.transcribe.WordErrorRate;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verbatim bench}: measures decoding and recognition speed, accuracy and memory on one
 * recording, against the naive use of Vosk (one recognizer over the whole file).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure speed (xRT), speed-up, WER and peak RSS on a recording.",
      "Decoded audio is cached on disk first, so recognition runs are timed apart from decoding."
    })
final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The recording.")
  Path file = Path.of("");

  @Option(
      names = "--reference",
      paramLabel = "TEXT_FILE",
      description = "What is really said, for word error rates.")
  @Nullable Path reference;

  @Option(names = "--workers", description = "Parallel workers to compare with one.")
  @Nullable Integer workers;

  @Option(names = "--skip-naive", description = "Skip the naive single-recognizer run.")
  boolean skipNaive;

  @Option(
      names = "--rounds",
      defaultValue = "1",
      description = "Repeat every recognition run; speed-ups use the medians.")
  int rounds = 1;

  @Option(
      names = "--language",
      description = "Speech model language (default: the configured default language).")
  @Nullable String language;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    try (ConfigurableApplicationContext context =
        ApplicationContexts.start(WebApplicationType.NONE, Map.of())) {
      MediaReader media = context.getBean(MediaReader.class);
      Transcriber transcriber = context.getBean(Transcriber.class);
      int parallel = workers != null ? workers : defaultWorkers(context);
      String lang =
          language != null
              ? language
              : context.getBean(TranscribeProperties.class).defaultLanguage();
      String truth = reference != null ? Files.readString(reference) : null;
      SourceFile probe = media.probe(file);
      long audioMs = probe.durationMs();
      out.printf(
          Locale.ROOT,
          "%s: %s, %s/%s, %d Hz, %d channel(s), %s; %d cores, max heap %d MB%n",
          probe.name(),
          probe.mediaType(),
          probe.container(),
          probe.codec(),
          probe.sampleRate(),
          probe.channels(),
          ProcessCommand.clock(audioMs),
          Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20);
      Path pcm = Files.createTempFile("verbatim-bench", ".pcm");
      try {
        PeakMemory.reset();
        long started = System.nanoTime();
        try (PcmStream stream = media.decode(file, -1)) {
          Files.copy(stream, pcm, StandardCopyOption.REPLACE_EXISTING);
        }
        row(out, "decode to 16 kHz PCM", audioMs, started, null, truth);
        // Loads the model outside the timed runs: what is measured is recognition alone.
        transcriber.transcribe(new ByteArrayInputStream(new byte[32_000]), lang, 1000, 1, p -> {});
        List<Double> one = new ArrayList<>();
        List<Double> many = new ArrayList<>();
        List<Double> naive = new ArrayList<>();
        // Rounds interleave the variants, so a noisy neighbour slows all of them alike.
        for (int round = 0; round < rounds; round++) {
          one.add(
              run(
                  out,
                  "chunked, 1 worker",
                  audioMs,
                  truth,
                  () -> chunked(transcriber, lang, pcm, audioMs, 1)));
          many.add(
              run(
                  out,
                  "chunked, " + parallel + " workers",
                  audioMs,
                  truth,
                  () -> chunked(transcriber, lang, pcm, audioMs, parallel)));
          if (!skipNaive) {
            naive.add(
                run(
                    out,
                    "naive, 1 recognizer",
                    audioMs,
                    truth,
                    () -> whole(transcriber, lang, pcm, audioMs)));
          }
        }
        out.printf(
            Locale.ROOT,
            "median of %d round(s): speed-up, %d workers vs 1 worker: %.2fx%n",
            rounds,
            parallel,
            median(one) / median(many));
        if (!skipNaive) {
          out.printf(
              Locale.ROOT,
              "median of %d round(s): speed-up, %d workers vs naive: %.2fx%n",
              rounds,
              parallel,
              median(naive) / median(many));
        }
      } finally {
        Files.deleteIfExists(pcm);
      }
    }
    out.flush();
    return ExitCode.DONE;
  }

  private static double median(List<Double> seconds) {
    List<Double> sorted = seconds.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private interface Recognition {
    List<Word> run();
  }

  /** Runs one recognition, prints its row and returns the seconds it took. */
  private static double run(
      PrintWriter out,
      String label,
      long audioMs,
      @Nullable String truth,
      Recognition recognition) {
    PeakMemory.reset();
    long started = System.nanoTime();
    List<Word> words = recognition.run();
    return row(out, label, audioMs, started, words, truth);
  }

  private static double row(
      PrintWriter out,
      String label,
      long audioMs,
      long started,
      @Nullable List<Word> words,
      @Nullable String truth) {
    double seconds = (System.nanoTime() - started) / 1e9;
    String wer =
        words == null || truth == null
            ? "-"
            : String.format(
                Locale.ROOT,
                "%.2f%%",
                100
                    * WordErrorRate.between(
                        truth, words.stream().map(Word::text).collect(Collectors.joining(" "))));
    out.printf(
        Locale.ROOT,
        "%-24s %8.2f s  %7.1fx real time  xRT %.4f  WER %-7s peak RSS %s%n",
        label,
        seconds,
        audioMs / 1000.0 / seconds,
        seconds / (audioMs / 1000.0),
        wer,
        PeakMemory.describe());
    out.flush();
    return seconds;
  }

  private static List<Word> chunked(
      Transcriber transcriber, String language, Path pcm, long audioMs, int workers) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(pcm), 1 << 16)) {
      return transcriber.transcribe(in, language, audioMs, workers, p -> {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Word> whole(
      Transcriber transcriber, String language, Path pcm, long audioMs) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(pcm), 1 << 16)) {
      return transcriber.transcribeWhole(in, language, audioMs, p -> {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int defaultWorkers(ConfigurableApplicationContext context) {
    int configured = context.getBean(TranscribeProperties.class).workers();
    return configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
  }
}
