package dev.verbatim.server.actionitem;

import static dev.verbatim.server.StoredMeetings.action;
import static dev.verbatim.server.StoredMeetings.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.server.ApiClient;
import dev.verbatim.server.Members;
import dev.verbatim.server.StoredMeetings;
import dev.verbatim.server.TestData;
import dev.verbatim.server.VerbatimApplication;
import dev.verbatim.server.meeting.MeetingStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs the documented curl example of a task-system integration against a real server, so the
 * documentation cannot drift from the API.
 */
@SpringBootTest(
    classes = VerbatimApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "verbatim.jobs.enabled=false")
class TaskSystemExampleTests {

  static final Path DATA = TestData.directory("verbatim-task-example");
  static final Path SCRIPT = Path.of("..", "docs", "examples", "task-system.sh");

  @DynamicPropertySource
  static void data(DynamicPropertyRegistry registry) {
    registry.add("verbatim.data", DATA::toString);
  }

  @LocalServerPort int port;
  @Autowired MeetingStore meetings;
  @Autowired ApplicationEventPublisher publisher;

  @Test
  void theExampleMakesTasksLinksThemBackOnceAndReportsOneDone() throws Exception {
    ApiClient admin = new ApiClient(port);
    Members.Member ana = Members.create(admin, port, "Ana");
    String token =
        Members.token(ana.session(), "tasks", List.of("meetings:read", "action-items:write"));
    String meeting =
        new StoredMeetings(meetings, publisher, DATA)
            .processed(
                ana.api(),
                "Release planning",
                List.of(line("Ana", 0, "we ship next week")),
                List.of(
                    action("a1", "Write the release notes", "Ana", null, 5_000),
                    action("a2", "Tell support", "Lin", null, 9_000)));
    Path tasks = Files.createTempDirectory(DATA, "tasks");

    Run first = run(token, tasks, Map.of());
    assertThat(first.exit()).as(first.output()).isZero();
    assertThat(first.output()).contains("2 new task(s)");
    assertThat(tasks.resolve("TASK-1.json")).exists();
    assertThat(tasks.resolve("TASK-2.json")).exists();
    assertThat(Files.readString(tasks.resolve("TASK-1.json")))
        .contains("/meetings/" + meeting + "?t=");
    var items = ana.api().get("/api/action-items?meeting=" + meeting).json().get("items");
    assertThat(items.findValuesAsString("externalId"))
        .containsExactlyInAnyOrder("TASK-1", "TASK-2");

    Run again = run(token, tasks, Map.of());
    assertThat(again.output()).as(again.output()).contains("0 new task(s)");

    Run done = run(token, tasks, Map.of("DONE_TASK", "TASK-2"));
    assertThat(done.exit()).as(done.output()).isZero();
    assertThat(done.output()).contains("is now done");
    String markdown = ana.api().get("/api/meetings/" + meeting + "/export/md").body();
    assertThat(markdown)
        .containsPattern("\\| (Write the release notes|Tell support) .*\\| Done \\|");
  }

  record Run(int exit, String output) {}

  private Run run(String token, Path tasks, Map<String, String> extra)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
    builder.environment().put("VERBATIM_URL", "http://localhost:" + port);
    builder.environment().put("VERBATIM_TOKEN", token);
    builder.environment().put("TASKS_DIR", tasks.toString());
    builder.environment().putAll(extra);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return new Run(process.exitValue(), output);
  }
}
