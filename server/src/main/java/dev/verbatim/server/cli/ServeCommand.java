package dev.verbatim.server.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.WebApplicationType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verbatim serve}: runs the web service until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run the Verbatim web service (http://localhost:8080 by default).")
final class ServeCommand implements Callable<Integer> {

  @Option(
      names = "--port",
      defaultValue = "${VERBATIM_PORT:-8080}",
      description = "The HTTP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--data",
      defaultValue = "${VERBATIM_DATA:-data}",
      description =
          "Where the embedded database, recordings and search index live (default: ${DEFAULT-VALUE}).")
  Path data;

  @Override
  public Integer call() {
    ApplicationContexts.start(
        WebApplicationType.SERVLET,
        Map.of("server.port", port, "verbatim.data", data.toAbsolutePath()));
    return VerbatimCommand.KEEP_RUNNING;
  }
}
