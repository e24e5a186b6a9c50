package dev.verbatim.server.cli;

import dev.verbatim.core.Meeting;
import dev.verbatim.core.Minutes;
import dev.verbatim.core.Segment;
import dev.verbatim.minutes.MinutesWriter;
import dev.verbatim.minutes.export.MinutesDocuments;
import dev.verbatim.server.pipeline.MeetingDocuments;
import dev.verbatim.server.pipeline.MeetingPipeline;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verbatim bench-minutes}: how long writing minutes and each document takes for a meeting,
 * optionally repeated end to end to see how the time grows with the length of a meeting.
 */
@Command(
    name = "bench-minutes",
    mixinStandardHelpOptions = true,
    description = {
      "Time the minutes engine and every document on a meeting document (from process).",
      "--repeat N chains the transcript N times, to measure long meetings."
    })
final class BenchMinutesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "MEETING_JSON", description = "A document written by process.")
  Path document = Path.of("");

  @Option(names = "--repeat", defaultValue = "1", description = "Chain the transcript N times.")
  int repeat = 1;

  @Option(names = "--rounds", defaultValue = "3", description = "Timed rounds; medians are shown.")
  int rounds = 3;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    try (ConfigurableApplicationContext context =
        ApplicationContexts.start(WebApplicationType.NONE, Map.of())) {
      Meeting meeting = chained(context.getBean(MeetingDocuments.class).read(document), repeat);
      MinutesWriter writer = context.getBean(MinutesWriter.class);
      MinutesDocuments documents = context.getBean(MinutesDocuments.class);
      long words = meeting.segments().stream().mapToLong(s -> s.words().size()).sum();
      out.printf(
          Locale.ROOT,
          "%s x%d: %s of speech, %d segments, %d words%n",
          document.getFileName(),
          repeat,
          ProcessCommand.clock(meeting.durationMs()),
          meeting.segments().size(),
          words);
      Minutes minutes = writer.write(meeting);
      Meeting written = MeetingPipeline.withMinutes(meeting, minutes);
      out.printf(
          Locale.ROOT,
          "minutes: %d sentences, %d action items, %d decisions, %d chapters%n",
          minutes.sentences().size(),
          minutes.actionItems().size(),
          minutes.decisions().size(),
          minutes.chapters().size());
      out.printf(Locale.ROOT, "%-10s %10s%n", "step", "median ms");
      out.printf(Locale.ROOT, "%-10s %10.1f%n", "minutes", median(() -> writer.write(meeting)));
      for (MinutesDocuments.Format format : MinutesDocuments.Format.values()) {
        double ms = median(() -> write(documents, written, format));
        out.printf(Locale.ROOT, "%-10s %10.1f%n", format.name().toLowerCase(Locale.ROOT), ms);
      }
      out.flush();
    }
    return ExitCode.DONE;
  }

  private static void write(
      MinutesDocuments documents, Meeting meeting, MinutesDocuments.Format format) {
    try {
      documents.write(meeting, format, OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + format, e);
    }
  }

  private double median(Runnable step) {
    step.run(); // warm-up: the first round pays for class loading and JIT compilation
    double[] ms = new double[Math.max(1, rounds)];
    for (int i = 0; i < ms.length; i++) {
      long start = System.nanoTime();
      step.run();
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(ms);
    return ms[ms.length / 2];
  }

  /** The meeting said {@code times} times in a row, with fresh segment ids. */
  private static Meeting chained(Meeting meeting, int times) {
    List<Segment> segments = new ArrayList<>();
    long span = meeting.durationMs() + 1000;
    for (int t = 0; t < times; t++) {
      long shift = t * span;
      for (Segment s : meeting.segments()) {
        segments.add(
            new Segment(
                "seg-" + (segments.size() + 1),
                s.speakerId(),
                s.startMs() + shift,
                s.endMs() + shift,
                s.text(),
                s.words().stream().map(w -> w.shiftedBy(shift)).toList()));
      }
    }
    return new Meeting(
        meeting.schema(),
        meeting.id(),
        meeting.title(),
        meeting.date(),
        span * times,
        meeting.language(),
        meeting.source(),
        meeting.speakers(),
        segments,
        Minutes.empty());
  }
}
