package dev.verbatim.server.cli;

import dev.verbatim.server.VerbatimProperties;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.WebApplicationType;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

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

  @Option(
      names = "--role",
      defaultValue = "${VERBATIM_ROLE:-all}",
      converter = RoleConverter.class,
      description =
          "What this process does (default: ${DEFAULT-VALUE}): web (pages and API, no jobs),"
              + " worker (runs jobs; serves only /api/health and metrics) or all. Several web and"
              + " worker processes share one PostgreSQL database and one media storage.")
  VerbatimProperties.Role role;

  @Override
  public Integer call() {
    ApplicationContexts.start(WebApplicationType.SERVLET, properties());
    return VerbatimCommand.KEEP_RUNNING;
  }

  Map<String, Object> properties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("server.port", port);
    properties.put("server.address", bind);
    properties.put("verbatim.data", data.toAbsolutePath());
    properties.put("verbatim.role", role.name().toLowerCase(Locale.ROOT));
    if (!role.servesUsers()) {
      // Webhooks are sent from the outbox by whichever web process polls it first; a worker's
      // cores belong to recognition.
      properties.put("verbatim.webhooks.dispatch", false);
      // A worker searches nothing: no index on disk (workers share the data directory with web
      // processes, and two processes cannot open one index), and no following of the feed.
      properties.put("verbatim.search.feed.enabled", false);
      properties.put("verbatim.search.in-memory", true);
    }
    return properties;
  }

  /** Accepts web, worker and all in any case. */
  static final class RoleConverter implements ITypeConverter<VerbatimProperties.Role> {
    @Override
    public VerbatimProperties.Role convert(String value) {
      for (VerbatimProperties.Role role : VerbatimProperties.Role.values()) {
        if (role.name().equalsIgnoreCase(value.strip())) {
          return role;
        }
      }
      throw new TypeConversionException("--role is web, worker or all, not '" + value + "'");
    }
  }
}
