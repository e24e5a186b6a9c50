package dev.verbatim.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.server.VerbatimProperties;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code serve --role}: which settings each role of a process comes down to. */
class ServeCommandTests {

  @Test
  void aProcessDoesEverythingUnlessToldItsRole() {
    ServeCommand serve = parse();

    assertThat(serve.role).isEqualTo(VerbatimProperties.Role.ALL);
    assertThat(serve.properties())
        .containsEntry("verbatim.role", "all")
        .doesNotContainKey("verbatim.webhooks.dispatch");
  }

  @Test
  void aWorkerSendsNoWebhooksAndKeepsNoSearchIndex() {
    assertThat(parse("--role", "Worker").properties())
        .containsEntry("verbatim.role", "worker")
        .containsEntry("verbatim.webhooks.dispatch", false)
        .containsEntry("verbatim.search.feed.enabled", false)
        .containsEntry("verbatim.search.in-memory", true);
  }

  @Test
  void aWebProcessKeepsTheWebhooks() {
    assertThat(parse("--role", "web").properties())
        .containsEntry("verbatim.role", "web")
        .doesNotContainKey("verbatim.webhooks.dispatch");
  }

  @Test
  void anUnknownRoleIsRefusedWithTheRolesThereAre() {
    CommandLine command = new CommandLine(new ServeCommand());

    int exit = command.execute("--role", "cook");

    assertThat(exit).isEqualTo(2);
  }

  @Test
  void theRolesStartWhatTheySay() {
    assertThat(VerbatimProperties.Role.WEB.runsJobs()).isFalse();
    assertThat(VerbatimProperties.Role.WEB.servesUsers()).isTrue();
    assertThat(VerbatimProperties.Role.WORKER.runsJobs()).isTrue();
    assertThat(VerbatimProperties.Role.WORKER.servesUsers()).isFalse();
    assertThat(VerbatimProperties.Role.ALL.runsJobs()).isTrue();
    assertThat(VerbatimProperties.Role.ALL.servesUsers()).isTrue();
  }

  private static ServeCommand parse(String... args) {
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs(args);
    return serve;
  }
}
