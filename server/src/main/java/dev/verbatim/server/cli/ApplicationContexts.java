package dev.verbatim.server.cli;

import dev.verbatim.server.VerbatimApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring application for one command, with the command's options as properties. */
final class ApplicationContexts {

  private ApplicationContexts() {}

  /**
   * Starts the application. {@code properties} take precedence over configuration files and the
   * environment, as command-line options should.
   */
  static ConfigurableApplicationContext start(WebApplicationType type, Map<String, ?> properties) {
    List<String> args = new ArrayList<>();
    if (type == WebApplicationType.NONE) {
      quiet(args);
      // One-shot commands keep nothing: no database on disk, no job workers.
      args.add("--spring.datasource.url=jdbc:h2:mem:verbatim-cli;DB_CLOSE_DELAY=-1");
      args.add("--verbatim.jobs.enabled=false");
      args.add("--verbatim.search.in-memory=true");
      args.add("--verbatim.search.feed.enabled=false");
    }
    return run(type, args, properties);
  }

  /**
   * Starts the application without a web server or job workers on the data that {@code properties}
   * name, for a command that maintains it, such as rebuilding the search index.
   */
  static ConfigurableApplicationContext startOnData(Map<String, ?> properties) {
    List<String> args = new ArrayList<>();
    quiet(args);
    args.add("--verbatim.jobs.enabled=false");
    return run(WebApplicationType.NONE, args, properties);
  }

  /** A batch command talks to its user directly; framework chatter would bury that. */
  private static void quiet(List<String> args) {
    args.add("--spring.main.log-startup-info=false");
    args.add("--logging.level.root=WARN");
  }

  private static ConfigurableApplicationContext run(
      WebApplicationType type, List<String> args, Map<String, ?> properties) {
    SpringApplication application = new SpringApplication(VerbatimApplication.class);
    application.setWebApplicationType(type);
    application.setBannerMode(Banner.Mode.OFF);
    properties.forEach((key, value) -> args.add("--" + key + "=" + value));
    return application.run(args.toArray(String[]::new));
  }
}
