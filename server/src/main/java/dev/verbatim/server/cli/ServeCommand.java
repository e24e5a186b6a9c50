package dev.verbatim.server.cli;

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

  @Override
  public Integer call() {
    ApplicationContexts.start(WebApplicationType.SERVLET, Map.of("server.port", port));
    return VerbatimCommand.KEEP_RUNNING;
  }
}
