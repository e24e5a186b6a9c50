package dev.verbatim.server.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.Meeting;
import dev.verbatim.core.Progress;
import dev.verbatim.server.VerbatimApplication;
import dev.verbatim.testsupport.ScriptedMeeting;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** The pipeline from a recording to a meeting with minutes, through the application's beans. */
class MeetingPipelineTests {

  @TempDir static Path dir;
  private static ConfigurableApplicationContext context;
  private static ScriptedMeeting standup;

  @BeforeAll
  static void start() {
    standup = ScriptedMeeting.render(ScriptedMeeting.standup(), dir.resolve("standup"));
    SpringApplication application = new SpringApplication(VerbatimApplication.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.setBannerMode(Banner.Mode.OFF);
    context = application.run(dev.verbatim.server.TestData.pipelineOnly());
  }

  @AfterAll
  static void stop() {
    context.close();
  }

  private static Meeting process(String template, List<Progress> progress) {
    return context
        .getBean(MeetingPipeline.class)
        .process(
            new MeetingRequest(
                List.of(standup.mixed()),
                "Stand-up",
                LocalDate.of(2026, 3, 4),
                null,
                TrackLayout.MIXED,
                null,
                template,
                List.of()),
            progress::add);
  }

  @Test
  void writesMinutesAfterTranscribingAndReportsBothStages() {
    List<Progress> progress = new CopyOnWriteArrayList<>();

    Meeting meeting = process("standup", progress);

    assertThat(meeting.minutes().template()).isEqualTo("standup");
    assertThat(meeting.minutes().sentences()).isNotEmpty();
    assertThat(meeting.minutes().actionItems()).isNotEmpty();
    assertThat(progress).extracting(Progress::stage).contains("transcribe", "minutes");
    assertThat(progress.get(progress.size() - 1)).isEqualTo(new Progress("minutes", 1));
  }

  @Test
  void keepsTheTranscriptWhenTheMinutesCannotBeWritten() {
    // An unknown template makes the minutes engine refuse; recognition must not be lost for it.
    Meeting meeting = process("no-such-template", new CopyOnWriteArrayList<>());

    assertThat(meeting.segments()).isNotEmpty();
    assertThat(meeting.minutes().actionItems()).isEmpty();
    assertThat(meeting.minutes().sentences()).isEmpty();
  }
}
