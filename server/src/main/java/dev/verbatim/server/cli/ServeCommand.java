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

  @Option(
      names = "--bind",
      defaultValue = "${VERBATIM_BIND:-127.0.0.1}",
      description =
          "The address to listen on (default: ${DEFAULT-VALUE}): only this machine unless you"
              + " choose otherwise, e.g. 0.0.0.0 behind a reverse proxy that ends TLS.")
  String bind;

  @Override
  public Integer call() {
    ApplicationContexts.start(
        WebApplicationType.SERVLET,
        Map.of(
            "server.port", port, "server.address", bind, "verbatim.data", data.toAbsolutePath()));
    return VerbatimCommand.KEEP_RUNNING;
  }
}
