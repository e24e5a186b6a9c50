package dev.verbatim.server.pipeline;

import dev.verbatim.core.Meeting;
import dev.verbatim.core.Minutes;
import dev.verbatim.core.Progress;
import dev.verbatim.core.Segment;
import dev.verbatim.core.Source;
import dev.verbatim.core.SourceFile;
import dev.verbatim.core.Speaker;
import dev.verbatim.core.SpeakerIdentification;
import dev.verbatim.core.Transcript;
import dev.verbatim.core.Word;
import dev.verbatim.ingest.MediaReader;
import dev.verbatim.ingest.PcmStream;
import dev.verbatim.minutes.MinutesWriter;
import dev.verbatim.transcribe.Track;
import dev.verbatim.transcribe.Transcriber;
import dev.verbatim.transcribe.TranscriptAssembler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns recordings into a meeting document: probe, decode, recognise, assemble, write minutes.
 *
 * <p>Every file is probed before any is decoded, so a bad file in a multi-track set fails fast,
 * before minutes of recognition are spent on the others.
 */
public final class MeetingPipeline {

  private static final Logger log = LoggerFactory.getLogger(MeetingPipeline.class);

  private final MediaReader media;
  private final Transcriber transcriber;
  private final MinutesWriter minutes;
  private final TranscriptAssembler assembler;
  private final String defaultLanguage;
  private final int defaultWorkers;
  private final boolean diarize;

  MeetingPipeline(
      MediaReader media,
      Transcriber transcriber,
      MinutesWriter minutes,
      TranscriptAssembler assembler,
      String defaultLanguage,
      int defaultWorkers,
      boolean diarize) {
    this.media = media;
    this.transcriber = transcriber;
    this.minutes = minutes;
    this.assembler = assembler;
    this.defaultLanguage = defaultLanguage;
    this.defaultWorkers = defaultWorkers;
    this.diarize = diarize;
  }

  /** Processes {@code request}, reporting progress from 0 to 1 as audio is recognised. */
  public Meeting process(MeetingRequest request, Consumer<Progress> progress) {
    return process(request, progress, UnaryOperator.identity());
  }

  /**
   * Processes {@code request}; {@code correction} may change the recognised segments (a glossary)
   * before the minutes are written from them.
   */
  public Meeting process(
      MeetingRequest request,
      Consumer<Progress> progress,
      UnaryOperator<List<Segment>> correction) {
    String language = request.language() != null ? request.language() : defaultLanguage;
    int workers = request.workers() != null ? request.workers() : defaultWorkers;
    Map<Path, SourceFile> probes = new LinkedHashMap<>();
    for (Path file : request.files()) {
      probes.put(file, media.probe(file));
    }
    List<TrackSource> sources = TrackPlan.of(request.layout(), probes);
    long totalMs = Math.max(1, sources.stream().mapToLong(s -> s.probe().durationMs()).sum());
    long doneMs = 0;
    long durationMs = 0;
    Map<Path, List<String>> warnings = new LinkedHashMap<>();
    List<Track> tracks = new ArrayList<>();
    for (TrackSource source : sources) {
      long before = doneMs;
      long length = source.probe().durationMs();
      Consumer<Progress> scaled =
          p -> progress.accept(new Progress(p.stage(), (before + p.fraction() * length) / totalMs));
      try (PcmStream pcm = media.decode(source.file(), source.channel())) {
        if (diarize && request.layout() == TrackLayout.MIXED) {
          // Only a mixed recording needs its speakers told apart by voice; the other layouts
          // know whose each track is.
          List<Track> turns =
              transcriber.transcribeSpeakers(pcm, language, length, workers, scaled);
          tracks.addAll(
              turns.isEmpty()
                  ? List.of(new Track(source.speakerId(), source.speakerName(), List.of()))
                  : turns);
        } else {
          List<Word> words = transcriber.transcribe(pcm, language, length, workers, scaled);
          tracks.add(new Track(source.speakerId(), source.speakerName(), words));
        }
        durationMs = Math.max(durationMs, pcm.decodedMillis());
        warnings.computeIfAbsent(source.file(), f -> new ArrayList<>()).addAll(pcm.warnings());
      }
      doneMs += length;
    }
    Transcript transcript = assembler.assemble(tracks);
    progress.accept(new Progress("transcribe", 1));
    List<SourceFile> files = withWarnings(probes, warnings);
    log.info(
        "Processed {} file(s): {} ms of audio, {} speakers, {} segments",
        files.size(),
        durationMs,
        transcript.speakers().size(),
        transcript.segments().size());
    Meeting transcribed =
        new Meeting(
            Meeting.SCHEMA,
            meetingId(files, request.layout()),
            request.title() != null ? request.title() : defaultTitle(request.files().get(0)),
            request.date(),
            durationMs,
            language,
            new Source(files),
            transcript.speakers(),
            correction.apply(transcript.segments()),
            Minutes.empty());
    return withMinutesWritten(transcribed, request.template(), request.roster(), progress);
  }

  /**
   * Makes a meeting from speech already recognised, one track per participant (as live streams
   * deliver it): assembles the transcript, applies {@code correction} and writes the minutes, as
   * {@link #process} does after recognition.
   *
   * @param template the minutes template; the configured default when null
   */
  public Meeting fromTracks(
      String id,
      String title,
      LocalDate date,
      long durationMs,
      String language,
      List<Track> tracks,
      @Nullable String template,
      UnaryOperator<List<Segment>> correction) {
    Transcript transcript = assembler.assemble(tracks);
    Meeting transcribed =
        new Meeting(
            Meeting.SCHEMA,
            id,
            title,
            date,
            durationMs,
            language,
            new Source(List.of()),
            transcript.speakers(),
            correction.apply(transcript.segments()),
            Minutes.empty());
    return withMinutesWritten(transcribed, template, List.of(), p -> {});
  }

  private Meeting withMinutesWritten(
      Meeting transcribed,
      @Nullable String template,
      List<String> roster,
      Consumer<Progress> progress) {
    progress.accept(new Progress("minutes", 0));
    Minutes written;
    try {
      written =
          minutes.write(
              transcribed, template != null ? template : minutes.defaultTemplate(), roster);
    } catch (RuntimeException e) {
      // An hour of recognition is worth more than its minutes: keep the transcript, say why the
      // minutes are empty, and let them be written again later.
      log.error("Could not write minutes for {}; the transcript is kept", transcribed.id(), e);
      written = Minutes.empty();
    }
    progress.accept(new Progress("minutes", 1));
    log.info(
        "Wrote minutes: {} action items, {} decisions, {} chapters",
        written.actionItems().size(),
        written.decisions().size(),
        written.chapters().size());
    return withMinutes(transcribed, written);
  }

  /** The meeting with its minutes, and with the speakers the minutes could name, named. */
  public static Meeting withMinutes(Meeting meeting, Minutes minutes) {
    Map<String, String> identified = new LinkedHashMap<>();
    // Suggestions below the engine's threshold wait for a person to accept them on the page.
    minutes.identifiedSpeakers().stream()
        .filter(SpeakerIdentification::applied)
        .forEach(i -> identified.put(i.speakerId(), i.name()));
    List<Speaker> speakers =
        meeting.speakers().stream()
            .map(
                s ->
                    s.name() == null && identified.containsKey(s.id())
                        ? new Speaker(s.id(), identified.get(s.id()), s.talkTimeMs())
                        : s)
            .toList();
    return meeting.withSpeakers(speakers).withMinutes(minutes);
  }

  private static List<SourceFile> withWarnings(
      Map<Path, SourceFile> probes, Map<Path, List<String>> warnings) {
    List<SourceFile> files = new ArrayList<>();
    probes.forEach(
        (path, f) -> {
          List<String> all = new ArrayList<>(f.warnings());
          warnings.getOrDefault(path, List.of()).stream().distinct().forEach(all::add);
          files.add(
              new SourceFile(
                  f.name(),
                  f.sha256(),
                  f.mediaType(),
                  f.container(),
                  f.codec(),
                  f.durationMs(),
                  f.channels(),
                  f.sampleRate(),
                  all));
        });
    return files;
  }

  /** Derives the id from the content, so the same recordings always make the same document. */
  private static String meetingId(List<SourceFile> files, TrackLayout layout) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(layout.name().getBytes(StandardCharsets.UTF_8));
      for (SourceFile file : files) {
        digest.update(file.sha256().getBytes(StandardCharsets.UTF_8));
      }
      return "m-" + HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }

  static String defaultTitle(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
