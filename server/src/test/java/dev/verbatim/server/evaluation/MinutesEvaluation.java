package dev.verbatim.server.evaluation;

import dev.verbatim.core.Meeting;
import dev.verbatim.core.Minutes;
import dev.verbatim.server.VerbatimApplication;
import dev.verbatim.server.pipeline.MeetingPipeline;
import dev.verbatim.server.pipeline.MeetingRequest;
import dev.verbatim.server.pipeline.TrackLayout;
import dev.verbatim.testsupport.Line;
import dev.verbatim.testsupport.ScriptedMeeting;
import dev.verbatim.testsupport.SpeechModel;
import dev.verbatim.testsupport.SpokenLine;
import dev.verbatim.testsupport.evaluation.EvaluationMeeting;
import dev.verbatim.testsupport.evaluation.MeetingScore;
import dev.verbatim.testsupport.evaluation.Scorer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a minutes engine over the evaluation set in each {@link Condition} and scores it.
 *
 * <p>Recordings are spoken by flite and recognised by the real {@link MeetingPipeline}, so the
 * engine is measured on what it will really read. Both are slow, so each meeting's audio, line
 * timings and transcripts are kept in the cache directory ({@code target/minutes-evaluation/} for
 * the tuning set), keyed by the script's content: editing a script renders it again; tuning the
 * engine re-runs in seconds. Set {@code -Dminutes.evaluation.retranscribe=true} to recognise the
 * cached audio again, after changing the pipeline.
 */
final class MinutesEvaluation implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MinutesEvaluation.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String TIMELINE = "timeline.tsv";

  private final Function<Meeting, Minutes> engine;
  private final Path cache;
  private final boolean retranscribe;
  private @Nullable ConfigurableApplicationContext context;

  MinutesEvaluation(Function<Meeting, Minutes> engine, Path cache, boolean retranscribe) {
    this.engine = engine;
    this.cache = cache;
    this.retranscribe = retranscribe;
  }

  /** Scores every meeting in every one of {@code conditions}, in the conditions' order. */
  Map<Condition, List<MeetingScore>> run(
      List<EvaluationMeeting> meetings, Set<Condition> conditions) {
    Map<Condition, List<MeetingScore>> scores = new EnumMap<>(Condition.class);
    for (Condition condition : conditions) {
      List<MeetingScore> each = new ArrayList<>();
      for (EvaluationMeeting meeting : meetings) {
        each.add(score(meeting, condition));
      }
      scores.put(condition, each);
    }
    return scores;
  }

  /** Gives the engine {@code meeting} as {@code condition} shapes it, and scores its minutes. */
  MeetingScore score(EvaluationMeeting meeting, Condition condition) {
    Meeting transcript;
    List<SpokenLine> timeline;
    switch (condition) {
      case CLEAN_TEXT -> {
        transcript = meeting.cleanTranscript();
        timeline = meeting.syntheticTimeline();
      }
      case ASR_MIXED, ASR_MULTITRACK -> {
        ScriptedMeeting rendered = rendered(meeting);
        transcript = transcribed(meeting, rendered, condition);
        timeline = rendered.spoken();
      }
      default -> throw new IllegalStateException("Unknown condition " + condition);
    }
    Minutes minutes = engine.apply(transcript);
    return Scorer.score(meeting, timeline, minutes);
  }

  /** The meeting spoken by flite: from the cache when this very script was rendered before. */
  ScriptedMeeting rendered(EvaluationMeeting meeting) {
    Path dir = cache.resolve(meeting.name() + "-" + key(meeting));
    Path audio = dir.resolve("audio");
    Path timelineFile = dir.resolve(TIMELINE);
    try {
      if (Files.exists(timelineFile)) {
        return cached(meeting, audio, timelineFile);
      }
      removeStale(meeting, dir);
      log.info("Rendering {} into {}", meeting.name(), dir);
      ScriptedMeeting rendered = ScriptedMeeting.render(meeting.lines(), audio);
      StringBuilder tsv = new StringBuilder();
      for (SpokenLine line : rendered.spoken()) {
        tsv.append(line.startMs()).append('\t').append(line.endMs()).append('\n');
      }
      // Written last: its presence says the render is complete.
      Files.writeString(timelineFile, tsv, StandardCharsets.UTF_8);
      return rendered;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not cache the rendering of " + meeting.name(), e);
    }
  }

  /** Drops renderings of earlier versions of this script, so the cache does not grow with edits. */
  private void removeStale(EvaluationMeeting meeting, Path current) throws IOException {
    if (!Files.isDirectory(cache)) {
      return;
    }
    List<Path> stale;
    try (Stream<Path> dirs = Files.list(cache)) {
      stale =
          dirs.filter(
                  d ->
                      !d.equals(current)
                          && d.getFileName()
                              .toString()
                              .matches(Pattern.quote(meeting.name()) + "-[0-9a-f]{12}"))
              .toList();
    }
    for (Path dir : stale) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  private static ScriptedMeeting cached(EvaluationMeeting meeting, Path audio, Path timelineFile)
      throws IOException {
    List<String> rows = Files.readAllLines(timelineFile, StandardCharsets.UTF_8);
    if (rows.size() != meeting.lines().size()) {
      throw new IllegalStateException(
          timelineFile + " has " + rows.size() + " lines, the script " + meeting.lines().size());
    }
    List<SpokenLine> spoken = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String[] span = rows.get(i).split("\t");
      spoken.add(
          new SpokenLine(meeting.lines().get(i), Long.parseLong(span[0]), Long.parseLong(span[1])));
    }
    Map<String, Path> tracks = new LinkedHashMap<>();
    for (String speaker : meeting.speakers().keySet()) {
      tracks.put(speaker, audio.resolve(speaker + ".wav"));
    }
    return new ScriptedMeeting(audio.resolve("meeting.wav"), tracks, spoken);
  }

  /** The rendered meeting recognised by the pipeline, from the cache unless told otherwise. */
  private Meeting transcribed(
      EvaluationMeeting meeting, ScriptedMeeting rendered, Condition condition) {
    Path json = rendered.mixed().getParent().resolveSibling(condition.key + ".json");
    if (!retranscribe && Files.exists(json)) {
      return dated(JSON.readValue(json.toFile(), Meeting.class), meeting);
    }
    List<Path> files =
        condition == Condition.ASR_MIXED
            ? List.of(rendered.mixed())
            : meeting.speakers().keySet().stream().map(rendered.tracks()::get).toList();
    TrackLayout layout =
        condition == Condition.ASR_MIXED ? TrackLayout.MIXED : TrackLayout.FILE_PER_SPEAKER;
    log.info("Transcribing {} ({})", meeting.name(), condition.title);
    Meeting transcript =
        pipeline()
            .process(
                new MeetingRequest(
                    files, meeting.title(), meeting.date(), null, layout, null, null, List.of()),
                progress -> {});
    JSON.writeValue(json.toFile(), transcript);
    return transcript;
  }

  /** The cache key is the audio alone, so the header's title and date come from the script. */
  private static Meeting dated(Meeting transcript, EvaluationMeeting meeting) {
    return new Meeting(
        transcript.schema(),
        transcript.id(),
        meeting.title(),
        meeting.date(),
        transcript.durationMs(),
        transcript.language(),
        transcript.source(),
        transcript.speakers(),
        transcript.segments(),
        transcript.minutes());
  }

  private MeetingPipeline pipeline() {
    if (context == null) {
      SpringApplication application = new SpringApplication(VerbatimApplication.class);
      application.setWebApplicationType(WebApplicationType.NONE);
      application.setBannerMode(Banner.Mode.OFF);
      context = application.run(dev.verbatim.server.TestData.pipelineOnly());
    }
    return context.getBean(MeetingPipeline.class);
  }

  /** Identifies a script by what flite is told to say, and the model that will hear it. */
  private static String key(EvaluationMeeting meeting) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(SpeechModel.ENGLISH.getBytes(StandardCharsets.UTF_8));
      for (Line line : meeting.lines()) {
        String row =
            line.speaker() + '\t' + line.voice() + '\t' + line.text() + '\t' + line.pauseAfterMs();
        digest.update((row + '\n').getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }

  @Override
  public void close() {
    if (context != null) {
      context.close();
    }
  }
}
