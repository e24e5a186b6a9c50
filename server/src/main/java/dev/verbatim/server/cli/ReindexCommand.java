package dev.verbatim.server.cli;

import dev.verbatim.server.index.MeetingIndexer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verbatim reindex}: rebuilds the search index from the database. The index is derived data,
 * so this is always safe; the server also does it by itself when the index is missing or was
 * written by another version.
 */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    description =
        "Rebuild the search index from the database. Stop the server that uses the same data"
            + " first: the database and the index each admit one process.")
final class ReindexCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      defaultValue = "${VERBATIM_DATA:-data}",
      description = "The data directory of the server (default: ${DEFAULT-VALUE}).")
  Path data;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    long started = System.nanoTime();
    try (ConfigurableApplicationContext context =
        ApplicationContexts.startOnData(Map.of("verbatim.data", data.toAbsolutePath()))) {
      long meetings = context.getBean(MeetingIndexer.class).rebuild();
      out.printf(
          "Indexed %d meeting%s in %.1f s%n",
          meetings, meetings == 1 ? "" : "s", (System.nanoTime() - started) / 1e9);
    }
    return ExitCode.DONE;
  }
}
