package dev.verbatim.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for tests: Adobe S3Mock, started from its runnable jar (which the
 * build copies to {@code target/s3mock/s3mock.jar}) as a process of its own on a free port, with
 * one empty bucket. S3Mock keeps objects in files under a directory of its own and accepts any
 * credentials.
 */
public final class S3MockServer implements AutoCloseable {

  /** What the storage under test signs its requests with; S3Mock takes any. */
  public static final String ACCESS_KEY = "verbatim-test";

  public static final String SECRET_KEY = "verbatim-test-secret";

  private final Process process;
  private final URI endpoint;
  private final String bucket;
  private final S3Client client;

  private S3MockServer(Process process, URI endpoint, String bucket) {
    this.process = process;
    this.endpoint = endpoint;
    this.bucket = bucket;
    this.client =
        S3Client.builder()
            .httpClientBuilder(Apache5HttpClient.builder())
            .endpointOverride(endpoint)
            .forcePathStyle(true)
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .build();
  }

  /** Starts S3Mock with an empty {@code bucket}; it logs to {@code target/s3mock-<bucket>.log}. */
  public static S3MockServer start(String bucket) {
    Path jar = Path.of(System.getProperty("s3mock.jar", "target/s3mock/s3mock.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "No S3Mock jar at "
              + jar.toAbsolutePath()
              + "; the build's process-test-resources copies it");
    }
    int port = freePort();
    try {
      Path root = Files.createTempDirectory("s3mock-" + bucket);
      Path log = Path.of("target", "s3mock-" + bucket + ".log");
      List<String> command =
          List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-Xmx256m",
              "-XX:TieredStopAtLevel=1",
              "-jar",
              jar.toAbsolutePath().toString(),
              "--com.adobe.testing.s3mock.http-port=" + port,
              // Its HTTPS connector is not used: any free port.
              "--server.port=0",
              "--com.adobe.testing.s3mock.store.initial-buckets=" + bucket,
              "--com.adobe.testing.s3mock.store.root=" + root,
              "--spring.main.banner-mode=off",
              "--logging.level.root=WARN");
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
              .start();
      // Should the test JVM end without closing it (a crash, ^C), S3Mock ends with it.
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
      S3MockServer server =
          new S3MockServer(process, URI.create("http://127.0.0.1:" + port), bucket);
      server.awaitReady(log);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  public String bucket() {
    return bucket;
  }

  /** A client of its own, to look at what the storage under test left in the bucket. */
  public S3Client client() {
    return client;
  }

  /** Every key in the bucket. */
  public List<String> keys() {
    return client.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
        .map(o -> o.key())
        .toList();
  }

  /** The keys of multipart uploads begun and neither completed nor aborted. */
  public List<String> unfinishedUploads() {
    return client.listMultipartUploadsPaginator(b -> b.bucket(bucket)).uploads().stream()
        .map(u -> u.key())
        .toList();
  }

  /**
   * The settings that point Verbatim's storage at this server, as {@code name=value} pairs.
   *
   * @param prefix the key prefix, or empty
   */
  public List<String> properties(String prefix) {
    return List.of(
        "verbatim.storage.type=s3",
        "verbatim.storage.s3.endpoint=" + endpoint,
        "verbatim.storage.s3.bucket=" + bucket,
        "verbatim.storage.s3.path-style=true",
        "verbatim.storage.s3.region=us-east-1",
        "verbatim.storage.s3.prefix=" + prefix,
        "verbatim.storage.s3.access-key=" + ACCESS_KEY,
        "verbatim.storage.s3.secret-key=" + SECRET_KEY);
  }

  @Override
  public void close() {
    client.close();
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Until it lists its buckets; it starts in some seconds, longer while the machine is busy. */
  private void awaitReady(Path log) {
    HttpClient http = HttpClient.newHttpClient();
    Instant end = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(end)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "S3Mock exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
      }
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(endpoint.resolve("/")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (ConnectException notYet) {
        // Not listening yet.
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while S3Mock started", e);
      }
      ApiClient.sleep(250);
    }
    close();
    throw new IllegalStateException("S3Mock did not start; see " + log.toAbsolutePath());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
