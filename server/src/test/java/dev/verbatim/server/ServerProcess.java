package dev.verbatim.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code verbatim serve} in a process of its own, so a test can kill it the way an operating system
 * or an operator would.
 */
public final class ServerProcess implements AutoCloseable {

  private final Process process;
  private final String role;
  public final ApiClient api;

  private ServerProcess(Process process, int port, String role) {
    this.process = process;
    this.role = role;
    this.api = new ApiClient(port);
  }

  /** Starts a server with a 1 GB heap; {@code properties} are {@code name=value} settings. */
  public static ServerProcess start(Path data, Path log, String... properties) {
    return start("1g", data, log, properties);
  }

  public static ServerProcess start(String heap, Path data, Path log, String... properties) {
    return startAs("all", heap, data, log, properties);
  }

  /**
   * Starts a server in one role ({@code web}, {@code worker} or {@code all}); a worker is ready
   * when its health check answers, the others when the API does.
   */
  public static ServerProcess startAs(
      String role, String heap, Path data, Path log, String... properties) {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add("-Dverbatim.home=" + System.getProperty("verbatim.home", ".."));
    // The first admin and their token, as the build gives every test JVM.
    for (String admin : List.of("email", "password", "token")) {
      String value = System.getProperty("verbatim.admin." + admin);
      if (value != null) {
        command.add("-Dverbatim.admin." + admin + "=" + value);
      }
    }
    for (String property : properties) {
      command.add("-D" + property);
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.verbatim.server.cli.VerbatimCommand");
    command.addAll(
        List.of(
            "serve", "--port", String.valueOf(port), "--data", data.toString(), "--role", role));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("OPENBLAS_NUM_THREADS", "1");
    try {
      ServerProcess server = new ServerProcess(builder.start(), port, role);
      server.awaitReady();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitReady() {
    Instant end = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(end)) {
      if (!process.isAlive()) {
        throw new AssertionError("The server exited with " + process.exitValue());
      }
      try {
        String probe = role.equals("worker") ? "/api/health" : "/api/meetings";
        if (api.get(probe).status() == 200) {
          return;
        }
      } catch (UncheckedIOException notYet) {
        // Not listening yet.
      }
      ApiClient.sleep(200);
    }
    throw new AssertionError("The server did not start within 2 minutes");
  }

  /** The operating system's id of the process, which names it in the job table. */
  public long pid() {
    return process.pid();
  }

  /** SIGKILL: no shutdown hooks, no chance to tidy up, as after a power cut or OOM kill. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM: the graceful shutdown an orchestrator asks for. Returns the exit code. */
  public int terminate() throws InterruptedException {
    process.destroy();
    return process.waitFor();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
