package dev.verbatim.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for tests of the running service, speaking its JSON and multipart. It sends
 * the test admin's API token unless made with another token or none.
 */
public final class ApiClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final @Nullable String token;

  /** A client with the admin token that the build gives every test ({@code verbatim.admin.*}). */
  public ApiClient(int port) {
    this(port, adminToken());
  }

  /** A client with this API token, or none (anonymous) when null. */
  public ApiClient(int port, @Nullable String token) {
    this.base = "http://localhost:" + port;
    this.token = token;
  }

  /** The test admin's API token, as the build sets it for every test JVM. */
  public static String adminToken() {
    return System.getProperty("verbatim.admin.token", "vbt_test-admin-token");
  }

  /** The test admin's email and password. */
  public static String adminEmail() {
    return System.getProperty("verbatim.admin.email", "admin@verbatim.test");
  }

  public static String adminPassword() {
    return System.getProperty("verbatim.admin.password", "admin-password-for-tests");
  }

  /** The same server, with another token (or none). */
  public ApiClient withToken(@Nullable String other) {
    return new ApiClient(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), other);
  }

  public String base() {
    return base;
  }

  /** The Authorization header value this client sends, if any. */
  public @Nullable String authorization() {
    return token == null ? null : "Bearer " + token;
  }

  /** A response with its body as text. */
  public record Response(int status, String body, HttpResponse<String> raw) {
    public JsonNode json() {
      return JSON.readTree(body);
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse("");
    }
  }

  public Response get(String path, String... headers) {
    return send(request(path, headers).GET());
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  public Response post(String path, Object body) {
    return send(request(path, "Content-Type", "application/json").POST(json(body)));
  }

  public Response put(String path, Object body) {
    return send(request(path, "Content-Type", "application/json").PUT(json(body)));
  }

  public Response patch(String path, Object body, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Content-Type";
    all[1] = "application/json";
    System.arraycopy(headers, 0, all, 2, headers.length);
    return send(request(path, all).method("PATCH", json(body)));
  }

  public Response send(String method, String path, BodyPublisher body, String... headers) {
    return send(request(path, headers).method(method, body));
  }

  /** Starts a resumable (tus 1.0) upload and returns its path; metadata values are plain text. */
  public Response createUpload(long length, Map<String, String> metadata) {
    StringBuilder header = new StringBuilder();
    metadata.forEach(
        (key, value) ->
            header
                .append(header.length() > 0 ? "," : "")
                .append(key)
                .append(' ')
                .append(
                    java.util.Base64.getEncoder()
                        .encodeToString(value.getBytes(StandardCharsets.UTF_8))));
    return send(
        "POST",
        "/api/uploads",
        BodyPublishers.noBody(),
        "Tus-Resumable",
        "1.0.0",
        "Upload-Length",
        String.valueOf(length),
        "Upload-Metadata",
        header.toString());
  }

  /** Sends bytes of a resumable upload from {@code offset}. */
  public Response patchUpload(String upload, long offset, BodyPublisher chunk) {
    return send(
        "PATCH",
        upload,
        chunk,
        "Tus-Resumable",
        "1.0.0",
        "Upload-Offset",
        String.valueOf(offset),
        "Content-Type",
        "application/offset+octet-stream");
  }

  /** Asks a resumable upload for its offset. */
  public Response headUpload(String upload) {
    return send("HEAD", upload, BodyPublishers.noBody(), "Tus-Resumable", "1.0.0");
  }

  /** Uploads files as a multipart form, streamed from disk, with the other form fields. */
  public Response upload(List<Path> files, Map<String, String> fields) {
    List<Map.Entry<String, Path>> parts = new ArrayList<>();
    files.forEach(file -> parts.add(Map.entry("file", file)));
    return multipart("/api/meetings", fields, parts);
  }

  /** A multipart POST of text fields, then files each under its part name. */
  public Response multipart(
      String path, Map<String, String> fields, List<Map.Entry<String, Path>> files) {
    String boundary = "verbatim-" + UUID.randomUUID();
    List<BodyPublisher> parts = new ArrayList<>();
    for (Map.Entry<String, String> field : fields.entrySet()) {
      parts.add(
          text(
              "--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field.getKey()
                  + "\"\r\n\r\n"
                  + field.getValue()
                  + "\r\n"));
    }
    for (Map.Entry<String, Path> file : files) {
      parts.add(
          text(
              "--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + file.getKey()
                  + "\"; filename=\""
                  + file.getValue().getFileName()
                  + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
      try {
        parts.add(BodyPublishers.ofFile(file.getValue()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      parts.add(text("\r\n"));
    }
    parts.add(text("--" + boundary + "--\r\n"));
    return send(
        request(path, "Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(BodyPublishers.concat(parts.toArray(BodyPublisher[]::new))));
  }

  /** Uploads one file and returns the new meeting's id. */
  public String uploadOne(Path file, String title) {
    Response response = upload(List.of(file), Map.of("title", title));
    if (response.status() != 202 && response.status() != 200) {
      throw new AssertionError("Upload failed: " + response.status() + " " + response.body());
    }
    return response.json().get("id").asString();
  }

  /** Polls the meeting until {@code done} holds, or fails after {@code limit}. */
  public JsonNode awaitMeeting(String id, Predicate<JsonNode> done, Duration limit) {
    Instant end = Instant.now().plus(limit);
    JsonNode last = null;
    while (Instant.now().isBefore(end)) {
      Response response = get("/api/meetings/" + id);
      if (response.status() == 200) {
        last = response.json();
        if (done.test(last)) {
          return last;
        }
      }
      sleep(250);
    }
    throw new AssertionError("Meeting " + id + " never got there; last seen: " + last);
  }

  /** Waits until the meeting is processed or has failed, and returns it. */
  public JsonNode awaitFinished(String id) {
    return awaitMeeting(
        id,
        m -> {
          String status = m.get("status").asString();
          return status.equals("done") || status.equals("failed");
        },
        Duration.ofMinutes(5));
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static BodyPublisher json(Object body) {
    return BodyPublishers.ofString(
        body instanceof String s ? s : JSON.writeValueAsString(body), StandardCharsets.UTF_8);
  }

  private static BodyPublisher text(String value) {
    return BodyPublishers.ofString(value, StandardCharsets.UTF_8);
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
