package dev.verbatim.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.Meeting;
import dev.verbatim.core.Segment;
import dev.verbatim.core.Speaker;
import dev.verbatim.server.pipeline.MeetingDocuments;
import dev.verbatim.testsupport.ExternalTool;
import dev.verbatim.testsupport.Media;
import dev.verbatim.testsupport.ScriptedMeeting;
import dev.verbatim.testsupport.SpokenLine;
import dev.verbatim.transcribe.WordErrorRate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code process} command end to end: real recordings, the real model, the real document. */
class ProcessCommandTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final MeetingDocuments DOCUMENTS =
      new MeetingDocuments(JsonMapper.builder().build());

  @TempDir static Path fixtures;
  private static ScriptedMeeting standup;

  @TempDir Path out;

  @BeforeAll
  static void speakTheStandup() {
    standup = ScriptedMeeting.render(ScriptedMeeting.standup(), fixtures.resolve("standup"));
  }

  @Test
  void writesATimedTranscriptOfAVideoFile() throws IOException {
    Path video = fixtures.resolve("standup.mp4");
    if (!Files.exists(video)) {
      Media.withVideo(standup.mixed(), video);
    }

    CommandRun run =
        CommandRun.of(
            "process",
            video.toString(),
            "--out",
            out.toString(),
            "--date",
            "2026-03-02",
            "--title",
            "Stand-up");

    assertThat(run.exitCode()).as(run.err()).isZero();
    Path document = out.resolve("standup.json");
    assertThat(run.out()).contains("Wrote " + document);
    JsonNode json = JSON.readTree(document.toFile());
    assertThat(json.get("schema").asString()).isEqualTo("verbatim/meeting@1");
    assertThat(json.get("title").asString()).isEqualTo("Stand-up");
    assertThat(json.get("date").asString()).isEqualTo("2026-03-02");
    assertThat(json.get("language").asString()).isEqualTo("en");
    assertThat(json.get("durationMs").asLong()).isBetween(18_500L, 20_500L);
    JsonNode file = json.get("source").get("files").get(0);
    assertThat(file.get("name").asString()).isEqualTo("standup.mp4");
    assertThat(file.get("sha256").asString()).hasSize(64);
    assertThat(file.get("mediaType").asString()).startsWith("video/");
    assertThat(file.get("sampleRate").asInt()).isEqualTo(16_000);
    JsonNode word = json.get("segments").get(0).get("words").get(0);
    assertThat(word.has("text") && word.has("startMs") && word.has("endMs")).isTrue();
    assertThat(word.get("confidence").asDouble()).isBetween(0.0, 1.0);
    JsonNode item = json.get("minutes").get("actionItems").get(0);
    assertThat(item.get("status").asString()).isEqualTo("open");
    // Speakers are told apart by voice and numbered in order of appearance: bob is the second.
    assertThat(item.get("owner").asString()).isEqualTo("S2");
    assertThat(item.get("due").asString()).isEqualTo("2026-03-06");
    for (String name :
        List.of(
            "minutes.md",
            "minutes.pdf",
            "minutes.docx",
            "transcript.vtt",
            "transcript.srt",
            "transcript.txt")) {
      assertThat(run.out()).contains("Wrote " + out.resolve(name));
      assertThat(out.resolve(name)).isNotEmptyFile();
    }
    assertThat(Files.readString(out.resolve("minutes.md")))
        .contains("# Stand-up", "Send the final numbers");

    Meeting meeting = DOCUMENTS.read(document);
    String said = words(meeting.segments());
    assertThat(WordErrorRate.between(standup.referenceText(), said)).isLessThan(0.2);
    assertThat(meeting.speakers()).extracting(Speaker::id).containsExactly("S1", "S2", "S3", "S4");
    List<String> order = List.of("ana", "bob", "carl", "dana");
    for (Segment segment : meeting.segments()) {
      String truth = trueSpeakerAt(segment.startMs() + (segment.endMs() - segment.startMs()) / 2);
      assertThat(segment.speakerId())
          .as("speaker of '%s' at %d ms", segment.text(), segment.startMs())
          .isEqualTo("S" + (order.indexOf(truth) + 1));
    }
  }

  @Test
  void attributesEachTrackOfAMultitrackMeetingToItsSpeaker() throws IOException {
    List<String> args =
        Stream.concat(
                Stream.of("process", "--multitrack", "--out", out.toString()),
                standup.tracks().values().stream().sorted().map(Path::toString))
            .toList();

    CommandRun run = CommandRun.of(args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isZero();
    Meeting meeting = DOCUMENTS.read(out.resolve("meeting.json"));
    assertThat(meeting.speakers())
        .extracting(Speaker::name)
        .containsExactlyInAnyOrder("ana", "bob", "carl", "dana");
    // Vosk may mishear the object ("update the past him or documentation"), not the pattern.
    assertThat(meeting.minutes().actionItems())
        .anySatisfy(
            i -> assertThat(i.owner() + ": " + i.text()).isEqualTo("bob: Send the final numbers."))
        .anySatisfy(i -> assertThat(i.owner() + ": " + i.text()).startsWith("dana: Update the"));
    assertThat(meeting.segments()).isNotEmpty();
    for (Segment segment : meeting.segments()) {
      String name = speakerName(meeting, segment.speakerId());
      assertThat(name)
          .as("speaker of '%s' at %d ms", segment.text(), segment.startMs())
          .isEqualTo(trueSpeakerAt(segment.startMs() + (segment.endMs() - segment.startMs()) / 2));
    }
  }

  @Test
  void treatsEachChannelAsItsOwnSpeakerWhenAsked() throws IOException {
    Path stereo = fixtures.resolve("ana-left-bob-right.wav");
    ExternalTool.run(
        List.of(
            "sox",
            "-M",
            standup.tracks().get("ana").toString(),
            standup.tracks().get("bob").toString(),
            stereo.toString()));

    CommandRun run =
        CommandRun.of(
            "process", stereo.toString(), "--channels-as-speakers", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    Meeting meeting = DOCUMENTS.read(out.resolve("ana-left-bob-right.json"));
    assertThat(meeting.speakers()).extracting(Speaker::id).containsExactly("S1", "S2");
    assertThat(textOf(meeting, "S1")).contains("morning", "tomorrow").doesNotContain("friday");
    assertThat(textOf(meeting, "S2")).contains("budget", "friday").doesNotContain("morning");
  }

  @Test
  void rejectsAFileThatIsNotMediaAndWritesNothing() throws IOException {
    Path fake = out.resolve("input").resolve("notes.mp3");
    Files.createDirectories(fake.getParent());
    Files.writeString(fake, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n");
    Path target = out.resolve("result");

    CommandRun run = CommandRun.of("process", fake.toString(), "--out", target.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.REJECTED);
    assertThat(run.err()).contains("notes.mp3");
    assertThat(target).doesNotExist();
  }

  @Test
  void rejectsAnEmptyFileWithItsOwnExitCode() throws IOException {
    Path empty = Files.createFile(out.resolve("empty.wav"));

    CommandRun run = CommandRun.of("process", empty.toString(), "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.REJECTED);
    assertThat(run.err()).contains("empty.wav");
    assertThat(out.resolve("empty.json")).doesNotExist();
  }

  @Test
  void refusesSeveralFilesWithoutMultitrack() {
    CommandRun run =
        CommandRun.of(
            "process",
            standup.mixed().toString(),
            standup.mixed().toString(),
            "--out",
            out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--multitrack");
  }

  @Test
  void refusesAnUnknownTemplateBeforeRecognising() {
    CommandRun run =
        CommandRun.of(
            "process", standup.mixed().toString(), "--template", "board", "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("No minutes template 'board'", "standup", "customer-call");
    assertThat(out.resolve("meeting.json")).doesNotExist();
  }

  @Test
  void saysWhichFileIsMissing() {
    CommandRun run = CommandRun.of("process", "no-such-meeting.m4a");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("no-such-meeting.m4a");
  }

  @Test
  void namesTheModelPathWhenTheModelIsMissing() throws IOException {
    Path nowhere = Files.createDirectories(out.resolve("no-models"));
    System.setProperty("verbatim.transcribe.model-root", nowhere.toString());
    try {
      CommandRun run =
          CommandRun.of("process", standup.mixed().toString(), "--out", out.toString());

      assertThat(run.exitCode()).isEqualTo(ExitCode.MODEL_MISSING);
      assertThat(run.err()).contains(nowhere.toString());
      assertThat(out.resolve("meeting.json")).doesNotExist();
    } finally {
      System.clearProperty("verbatim.transcribe.model-root");
    }
  }

  @Test
  void printsHelpForEveryCommand() {
    CommandRun run = CommandRun.of("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("process", "serve", "bench");
    assertThat(CommandRun.of("process", "--help").out())
        .contains("--multitrack", "--channels-as-speakers", "--out", "--title", "--date");
  }

  private static String words(List<Segment> segments) {
    return segments.stream().map(Segment::text).collect(Collectors.joining(" "));
  }

  private static String textOf(Meeting meeting, String speakerId) {
    return words(meeting.segments().stream().filter(s -> s.speakerId().equals(speakerId)).toList());
  }

  private static String speakerName(Meeting meeting, String speakerId) {
    return meeting.speakers().stream()
        .filter(s -> s.id().equals(speakerId))
        .map(Speaker::name)
        .findFirst()
        .orElseThrow();
  }

  private static String trueSpeakerAt(long millis) {
    return standup.spoken().stream()
        .filter(line -> line.startMs() - 300 <= millis && millis <= line.endMs() + 300)
        .map(SpokenLine::line)
        .map(line -> line.speaker())
        .findFirst()
        .orElse("(silence)");
  }
}
