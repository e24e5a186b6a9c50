package dev.verbatim.server.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few API calls the load test makes, each with the bearer token when there is one. */
final class LoadClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration REQUEST_LIMIT = Duration.ofMinutes(2);

  // HTTP/1.1 as browsers speak it to the service: one connection per busy client.
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final URI base;
  private final Optional<String> token;

  LoadClient(URI base, Optional<String> token) {
    this.base = base;
    this.token = token;
  }

  /** A response: status and body. */
  record Reply(int status, byte[] body) {
    JsonNode json() {
      return JSON.readTree(body);
    }

    /** The start of the body, to say what went wrong. */
    String excerpt() {
      String text = new String(body, StandardCharsets.UTF_8).strip();
      return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
  }

  /** A request to make and measure. */
  @FunctionalInterface
  interface Request {
    Reply send() throws IOException, InterruptedException;
  }

  Reply get(String path) throws IOException, InterruptedException {
    return send(request(path).GET());
  }

  /** A byte range of a recording, as a player seeking in it asks. */
  Reply getRange(String path, long first, long last) throws IOException, InterruptedException {
    return send(request(path).header("Range", "bytes=" + first + "-" + last).GET());
  }

  /** {@code POST /api/meetings} with one recording, streamed from disk as multipart. */
  Reply upload(Path file, String title) throws IOException, InterruptedException {
    String boundary = "verbatim-load-" + UUID.randomUUID();
    BodyPublisher body =
        BodyPublishers.concat(
            text(part(boundary, "name=\"title\"") + "\r\n" + title + "\r\n"),
            text(
                part(boundary, "name=\"file\"; filename=\"" + file.getFileName() + "\"")
                    + "Content-Type: application/octet-stream\r\n\r\n"),
            BodyPublishers.ofFile(file),
            text("\r\n--" + boundary + "--\r\n"));
    return send(
        request("/api/meetings")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(body));
  }

  private static String part(String boundary, String disposition) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; " + disposition + "\r\n";
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_LIMIT);
    token.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
    return builder;
  }

  private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
    var response = http.send(request.build(), BodyHandlers.ofByteArray());
    return new Reply(response.statusCode(), response.body());
  }

  private static BodyPublisher text(String value) {
    return BodyPublishers.ofString(value, StandardCharsets.UTF_8);
  }
}
