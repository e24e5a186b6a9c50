package dev.verbatim.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.Meeting;
import dev.verbatim.server.pipeline.MeetingDocuments;
import dev.verbatim.testsupport.ExternalTool;
import dev.verbatim.testsupport.ScriptedMeeting;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * A recording whose decoded audio is larger than the whole Java heap goes through: proof that no
 * stage holds the recording in memory.
 */
@Tag("slow")
class LongRecordingTests {

  private static final int MINUTES = 30;

  @TempDir Path dir;

  @Test
  void transcribesHalfAnHourWithAHeapSmallerThanItsAudio() throws Exception {
    ScriptedMeeting standup = ScriptedMeeting.render(ScriptedMeeting.standup(), dir.resolve("s"));
    Path recording = dir.resolve("long.opus");
    ExternalTool.run(
        List.of(
            "bash",
            "-c",
            "sox '"
                + standup.mixed()
                + "' -t wav - repeat 100 2>/dev/null | ffmpeg -nostdin -v"
                + " error -y -i - -t "
                + MINUTES * 60
                + " -c:a libopus -b:a 24k '"
                + recording
                + "'"));
    long pcmBytes = MINUTES * 60L * 16_000 * 2;
    long heapBytes = 48L << 20;
    assertThat(pcmBytes).isGreaterThan(heapBytes);

    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + (heapBytes >> 20) + "m",
                "-XX:+UseSerialGC",
                // JavaCPP caps the process's resident memory at four times the heap by default;
                // with this deliberately tiny heap that is less than the JVM and the speech model
                // need outside the heap, which is not what this test is about.
                "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0",
                "-Dverbatim.home=" + System.getProperty("verbatim.home"),
                "-cp",
                System.getProperty("java.class.path"),
                VerbatimCommand.class.getName(),
                "process",
                recording.toString(),
                "--out",
                dir.resolve("out").toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor()).as(output).isZero();
    Meeting meeting =
        new MeetingDocuments(JsonMapper.builder().build()).read(dir.resolve("out/long.json"));
    assertThat(meeting.durationMs()).isBetween(MINUTES * 60_000L - 1000, MINUTES * 60_000L + 1000);
    long words = meeting.segments().stream().mapToLong(s -> s.words().size()).sum();
    // The 19-second stand-up has 42 words; about 95 repeats fit in half an hour.
    assertThat(words).isGreaterThan(90 * 35);
    assertThat(meeting.segments().get(meeting.segments().size() - 1).endMs())
        .isGreaterThan(MINUTES * 60_000L - 30_000);
  }
}
