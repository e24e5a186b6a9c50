package dev.verbatim.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * This machine has no Docker engine, so the image is never built here. These tests keep the
 * Dockerfile and compose file from going stale instead: every path they copy or name exists, the
 * build runs the command the launcher runs, and the README builds the image the way the Dockerfile
 * says. {@code ExtractedImageIT} runs the image's layout itself.
 */
class DockerfileTests {

  static final Path ROOT = Path.of(System.getProperty("verbatim.home", "..")).normalize();
  static final Path DOCKERFILE = ROOT.resolve("docker/Dockerfile");
  static final Path COMPOSE = ROOT.resolve("docker/compose.yaml");

  @Test
  void everythingTheBuildStageCopiesFromTheRepositoryExists() throws IOException {
    List<String> sources = new ArrayList<>();
    for (String line : instructions("COPY")) {
      if (!line.contains("--from=")) {
        String[] words = line.trim().split("\\s+");
        sources.addAll(List.of(words).subList(1, words.length - 1));
      }
    }
    assertThat(sources).isNotEmpty();
    assertThat(sources).allSatisfy(source -> assertThat(ROOT.resolve(source)).exists());
  }

  @Test
  void theImageTakesTheModelTheBuildUnpacks() throws IOException {
    String modelProperty =
        Files.readString(
            ROOT.resolve(
                "transcribe/src/main/java/dev/verbatim/transcribe/TranscribeProperties.java"));
    List<String> fromSources = new ArrayList<>();
    for (String line : instructions("COPY")) {
      Matcher m = Pattern.compile("--from=build /src/(\\S+)").matcher(line);
      if (m.find()) {
        fromSources.add(m.group(1));
      }
    }
    assertThat(fromSources).hasSize(1);
    String model = fromSources.get(0);
    assertThat(model).startsWith("models/");
    String modelName = model.substring("models/".length());
    assertThat(modelProperty).contains(modelName);
    assertThat(Files.readString(ROOT.resolve("models/pom.xml"))).contains(modelName);
  }

  @Test
  void theBuildRunsTheLaunchersOwnBuildCommand() throws IOException {
    String launcher = Files.readString(ROOT.resolve("verbatim"));
    Matcher build = Pattern.compile("mvnw\" (-q -B [^>]*package)").matcher(launcher);
    assertThat(build.find()).as("the launcher's build command").isTrue();
    // The launcher names the pom because it runs from anywhere; the image builds in the checkout.
    String command = build.group(1).replace("-f \"$ROOT/pom.xml\" ", "").strip();
    assertThat(String.join("\n", instructions("RUN"))).contains("./mvnw " + command);
    assertThat(String.join("\n", instructions("RUN")))
        .contains("-jar server/target/verbatim.jar extract --layers --launcher");
  }

  @Test
  void theReadmeBuildsAndRunsTheImageAsTheFilesSay() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String dockerfile = Files.readString(DOCKERFILE);
    String compose = Files.readString(COMPOSE);
    String build = "docker build -f docker/Dockerfile -t verbatim .";
    assertThat(dockerfile).contains(build);
    assertThat(readme).contains(build);
    assertThat(compose).contains("docker compose -f docker/compose.yaml up");
    assertThat(readme).contains("docker compose -f docker/compose.yaml");
  }

  @Test
  @SuppressWarnings("unchecked")
  void composeBuildsTheDockerfileAndRunsCommandsTheLauncherKnows() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
    Map<String, Object> services = (Map<String, Object>) compose.get("services");
    Map<String, Object> verbatim = (Map<String, Object>) services.get("verbatim");
    Map<String, Object> build = (Map<String, Object>) verbatim.get("build");
    Path context = COMPOSE.getParent().resolve((String) build.get("context")).normalize();
    assertThat(context.resolve((String) build.get("dockerfile"))).isEqualTo(DOCKERFILE.normalize());
    String serve =
        Files.readString(
            ROOT.resolve("server/src/main/java/dev/verbatim/server/cli/ServeCommand.java"));
    for (String name : List.of("verbatim", "worker")) {
      List<String> command =
          (List<String>) ((Map<String, Object>) services.get(name)).get("command");
      assertThat(command.get(0)).isEqualTo("serve");
      for (String option : command.subList(1, command.size())) {
        if (option.startsWith("--")) {
          assertThat(serve).as("ServeCommand has " + option).contains("\"" + option + "\"");
        }
      }
    }
    assertThat(Files.readString(DOCKERFILE)).contains("VERBATIM_DATA=/var/lib/verbatim");
    assertThat(serve).contains("VERBATIM_DATA").contains("VERBATIM_BIND").contains("VERBATIM_PORT");
  }

  @Test
  void theHealthCheckAsksTheHealthEndpoint() throws IOException {
    String health =
        Files.readString(
            ROOT.resolve("server/src/main/java/dev/verbatim/server/web/HealthController.java"));
    List<String> checks = instructions("HEALTHCHECK");
    assertThat(checks).hasSize(1);
    Matcher path = Pattern.compile("/api/\\w+").matcher(checks.get(0));
    assertThat(path.find()).isTrue();
    assertThat(health).contains("@GetMapping(\"" + path.group() + "\")");
  }

  /** The Dockerfile's instructions of one kind, continuation lines joined. */
  static List<String> instructions(String kind) throws IOException {
    List<String> found = new ArrayList<>();
    StringBuilder current = null;
    for (String raw : Files.readAllLines(DOCKERFILE)) {
      String line = raw.strip();
      if (current == null && (line.isEmpty() || line.startsWith("#"))) {
        continue;
      }
      if (current == null) {
        current = new StringBuilder();
      }
      boolean continues = line.endsWith("\\");
      current.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
      if (!continues) {
        String instruction = current.toString().strip();
        if (instruction.startsWith(kind + " ")) {
          found.add(instruction);
        }
        current = null;
      }
    }
    return found;
  }
}
