package dev.verbatim.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Docker image's runtime stage without Docker: the packaged jar's layers extracted and copied
 * as the Dockerfile copies them, the model where the Dockerfile puts it, and the entry point
 * started with the Dockerfile's environment until the health check's address answers. Runs after
 * {@code package} (failsafe), on the jar the image would contain.
 */
class ExtractedImageIT {

  static final String IMAGE_HOME = "/opt/verbatim";

  @Test
  void theImagesEntryPointServesTheHealthCheck(@TempDir Path temp) throws Exception {
    Path jar = DockerfileTests.ROOT.resolve("server/target/verbatim.jar");
    assertThat(jar).exists();
    Path layers = temp.resolve("layers");
    run(
        List.of(
            java(),
            "-Djarmode=tools",
            "-jar",
            jar.toString(),
            "extract",
            "--layers",
            "--launcher",
            "--destination",
            layers.toString()),
        temp);

    Path home = Files.createDirectories(temp.resolve("opt-verbatim"));
    List<String> copied = new ArrayList<>();
    for (String copy : DockerfileTests.instructions("COPY")) {
      Matcher layer = Pattern.compile("--from=build /layers/([\\w-]+)/ \\./").matcher(copy);
      if (layer.find()) {
        copyTree(layers.resolve(layer.group(1)), home);
        copied.add(layer.group(1));
      }
      Matcher source = Pattern.compile("--from=build /src/(\\S+) (\\S+)").matcher(copy);
      if (source.find()) {
        Path target = home.resolve(source.group(2));
        Files.createDirectories(target.getParent());
        Files.createSymbolicLink(
            target, DockerfileTests.ROOT.resolve(source.group(1)).toAbsolutePath());
      }
    }
    try (Stream<Path> extracted = Files.list(layers)) {
      assertThat(copied)
          .as("every layer of the jar is copied into the image")
          .containsExactlyInAnyOrderElementsOf(
              extracted.map(p -> p.getFileName().toString()).toList());
    }

    int port = freePort();
    Map<String, String> environment = environment();
    environment.put("VERBATIM_DATA", temp.resolve("data").toString());
    environment.put("VERBATIM_PORT", String.valueOf(port));
    environment.put("VERBATIM_BIND", "127.0.0.1");
    List<String> command = new ArrayList<>();
    command.addAll(json("ENTRYPOINT"));
    command.addAll(json("CMD"));
    command.replaceAll(word -> word.replace(IMAGE_HOME, home.toString()));
    // The image's JRE is on the PATH there; here, the one running this test.
    environment.put("PATH", Path.of(java()).getParent() + ":" + System.getenv("PATH"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(temp.resolve("server.log").toFile());
    builder.environment().putAll(environment);
    Process server = builder.start();
    try {
      Matcher check =
          Pattern.compile("(http://127\\.0\\.0\\.1:)\\$\\{VERBATIM_PORT}(/\\S+?)\"")
              .matcher(DockerfileTests.instructions("HEALTHCHECK").get(0));
      assertThat(check.find()).isTrue();
      URI health = URI.create(check.group(1) + port + check.group(2));
      HttpResponse<String> answer = awaitAnswer(health, server, temp.resolve("server.log"));
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).contains("\"status\"");
    } finally {
      server.destroy();
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  private static HttpResponse<String> awaitAnswer(URI uri, Process server, Path log)
      throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (true) {
      assertThat(server.isAlive()).as(() -> "the server exited:\n" + read(log)).isTrue();
      try {
        return client.send(
            HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("No answer from " + uri + ":\n" + read(log), notYet);
        }
        Thread.sleep(500);
      }
    }
  }

  /** The Dockerfile's ENV pairs, in order. */
  private static Map<String, String> environment() throws IOException {
    Map<String, String> environment = new LinkedHashMap<>();
    for (String instruction : DockerfileTests.instructions("ENV")) {
      Matcher pair = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)").matcher(instruction.substring(4));
      while (pair.find()) {
        environment.put(pair.group(1), pair.group(2).replaceAll("^\"|\"$", ""));
      }
    }
    return environment;
  }

  /** An exec-form instruction's words. */
  private static List<String> json(String kind) throws IOException {
    List<String> found = DockerfileTests.instructions(kind);
    assertThat(found).as(kind).hasSize(1);
    String[] words =
        JsonMapper.builder()
            .build()
            .readValue(found.get(0).substring(kind.length()).strip(), String[].class);
    return List.of(words);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void run(List<String> command, Path directory) throws Exception {
    Process process =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(output).isZero();
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
