package dev.verbatim.server.cli;

import dev.verbatim.core.Meeting;
import dev.verbatim.core.SourceFile;
import dev.verbatim.minutes.export.MinutesDocuments;
import dev.verbatim.minutes.template.MinutesTemplate;
import dev.verbatim.minutes.template.MinutesTemplates;
import dev.verbatim.server.pipeline.MeetingDocuments;
import dev.verbatim.server.pipeline.MeetingPipeline;
import dev.verbatim.server.pipeline.MeetingRequest;
import dev.verbatim.server.pipeline.TrackLayout;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verbatim process}: recordings in; a timed transcript with minutes ({@code meeting.json})
 * and the documents people share (minutes as Markdown, PDF and DOCX, subtitles, plain text) out.
 */
@Command(
    name = "process",
    mixinStandardHelpOptions = true,
    description = {
      "Transcribe recordings into a meeting document with minutes, <out>/<name>.json, and write"
          + " minutes.md, minutes.pdf, minutes.docx, transcript.vtt, transcript.srt and"
          + " transcript.txt beside it.",
      "Accepts wav, mp3, m4a/aac, mp4/mov, webm, ogg/opus, flac; the format is read from the"
          + " content, not the file name."
    })
final class ProcessCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "The recording(s).")
  List<Path> files = List.of();

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "out",
      description = "Where to write the document (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("out");

  @Option(names = "--title", description = "The meeting's title (default: the file's name).")
  @Nullable String title;

  @Option(
      names = "--date",
      paramLabel = "YYYY-MM-DD",
      description = "The day of the meeting (default: today).")
  @Nullable LocalDate date;

  @Option(
      names = "--language",
      description = "The speech model's language, as configured (default: en).")
  @Nullable String language;

  @Option(
      names = "--multitrack",
      description = "Each FILE is one participant, named after the file (Zoom, Jitsi).")
  boolean multitrack;

  @Option(
      names = "--channels-as-speakers",
      description = "Each channel of FILE is one participant, instead of downmixing them.")
  boolean channelsAsSpeakers;

  @Option(names = "--workers", description = "Recognition threads (default: the number of cores).")
  @Nullable Integer workers;

  @Option(
      names = "--template",
      description =
          "The minutes template: general, standup, project-review, customer-call, or your own"
              + " (default: general).")
  @Nullable String template;

  @Override
  public Integer call() {
    MeetingRequest request = request();
    PrintWriter err = spec.commandLine().getErr();
    Path target = out.resolve(documentName(request) + ".json");
    long started = System.nanoTime();
    try (ConfigurableApplicationContext context =
        ApplicationContexts.start(WebApplicationType.NONE, Map.of())) {
      MinutesTemplates templates = context.getBean(MinutesTemplates.class);
      if (template != null && templates.find(template).isEmpty()) {
        // Checked before recognition, which may take an hour.
        throw new ParameterException(
            spec.commandLine(),
            "No minutes template '"
                + template
                + "'; known: "
                + String.join(", ", templates.all().stream().map(MinutesTemplate::id).toList()));
      }
      MeetingPipeline pipeline = context.getBean(MeetingPipeline.class);
      Meeting meeting;
      try (ConsoleProgress progress = ConsoleProgress.on(err)) {
        meeting = pipeline.process(request, progress);
      }
      context.getBean(MeetingDocuments.class).write(meeting, target);
      List<Path> documents = context.getBean(MinutesDocuments.class).writeAll(meeting, out);
      report(meeting, target, (System.nanoTime() - started) / 1_000_000);
      PrintWriter stdout = spec.commandLine().getOut();
      documents.forEach(d -> stdout.println("Wrote " + d));
      stdout.flush();
    }
    return ExitCode.DONE;
  }

  private MeetingRequest request() {
    if (multitrack && channelsAsSpeakers) {
      throw new ParameterException(
          spec.commandLine(), "Choose one of --multitrack and --channels-as-speakers");
    }
    if (files.size() > 1 && !multitrack) {
      throw new ParameterException(
          spec.commandLine(),
          "Several files make one meeting only with --multitrack (one file per participant)");
    }
    for (Path file : files) {
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        throw new ParameterException(spec.commandLine(), "No readable file at " + file);
      }
    }
    if (workers != null && workers < 1) {
      throw new ParameterException(spec.commandLine(), "--workers must be 1 or more");
    }
    TrackLayout layout =
        multitrack
            ? TrackLayout.FILE_PER_SPEAKER
            : channelsAsSpeakers ? TrackLayout.CHANNEL_PER_SPEAKER : TrackLayout.MIXED;
    return new MeetingRequest(
        files,
        title,
        date != null ? date : LocalDate.now(),
        language,
        layout,
        workers,
        template,
        List.of());
  }

  /** A single recording keeps its name; a multi-track meeting is simply "meeting". */
  private static String documentName(MeetingRequest request) {
    if (request.layout() == TrackLayout.FILE_PER_SPEAKER) {
      return "meeting";
    }
    String name = request.files().get(0).getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private void report(Meeting meeting, Path target, long elapsedMs) {
    PrintWriter err = spec.commandLine().getErr();
    for (SourceFile file : meeting.source().files()) {
      file.warnings().forEach(w -> err.println("warning: " + file.name() + ": " + w));
    }
    err.flush();
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "Wrote %s: %s of audio, %d speaker(s), %d segment(s), %d words in %.1f s (%.0fx real"
            + " time)%n",
        target,
        clock(meeting.durationMs()),
        meeting.speakers().size(),
        meeting.segments().size(),
        meeting.segments().stream().mapToInt(s -> s.words().size()).sum(),
        elapsedMs / 1000.0,
        meeting.durationMs() / (double) Math.max(1, elapsedMs));
    out.flush();
  }

  static String clock(long millis) {
    long seconds = millis / 1000;
    return String.format(
        Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
}
