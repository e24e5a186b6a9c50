package dev.verbatim.server.upload;

import dev.verbatim.server.VerbatimProperties;
import dev.verbatim.server.account.Callers;
import dev.verbatim.server.storage.OutOfSpace;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.desair.tus.server.TusFileUploadService;
import me.desair.tus.server.exception.TusException;
import me.desair.tus.server.upload.UploadInfo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Resumable uploads over the tus 1.0 protocol (core, creation, termination, checksum and
 * expiration), at {@code /api/uploads}. A client that lost its connection asks for the offset with
 * HEAD and goes on from there. When the last byte arrives, the upload becomes a meeting, whose id
 * the final PATCH returns in the {@code Verbatim-Meeting-Id} header.
 *
 * <p>Metadata: {@code filename} (required), {@code title}, {@code date} (YYYY-MM-DD), {@code
 * template}.
 */
@RestController
class ResumableUploads implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ResumableUploads.class);
  static final String PATH = "/api/uploads";
  static final String MEETING_HEADER = "Verbatim-Meeting-Id";

  private final TusFileUploadService tus;
  private final Uploads uploads;
  private final Callers callers;
  private final ScheduledExecutorService cleanup =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "tus-cleanup"));

  ResumableUploads(Uploads uploads, VerbatimProperties properties, Callers callers)
      throws IOException {
    this.uploads = uploads;
    this.callers = callers;
    Path dir = properties.data().resolve("uploads");
    Files.createDirectories(dir);
    this.tus =
        new TusFileUploadService()
            .withUploadUri(PATH)
            .withStoragePath(dir.toAbsolutePath().toString())
            .withMaxUploadSize(properties.upload().maxSize().toBytes())
            // An abandoned upload is removed after a day; a weak connection resumes within that.
            .withUploadExpirationPeriod(Duration.ofDays(1).toMillis())
            .withThreadLocalCache(true);
    cleanup.scheduleWithFixedDelay(this::cleanUp, 1, 60, TimeUnit.MINUTES);
  }

  @Operation(
      summary = "Resumable upload (tus 1.0)",
      description =
          "POST creates an upload (Upload-Length, Upload-Metadata: filename, title, date), PATCH"
              + " appends at Upload-Offset, HEAD reports the offset, DELETE terminates. The last"
              + " PATCH answers with the meeting id in the Verbatim-Meeting-Id header.")
  @RequestMapping(
      path = {PATH, PATH + "/{id}"},
      method = {
        RequestMethod.POST,
        RequestMethod.PATCH,
        RequestMethod.HEAD,
        RequestMethod.DELETE,
        RequestMethod.OPTIONS
      })
  void handle(HttpServletRequest request, HttpServletResponse response)
      throws IOException, TusException {
    // Each upload belongs to the person who started it: nobody else can see, continue or end it.
    String owner = callers.current().id();
    // The browser sends the finished upload's last PATCH; the meeting is made before it returns.
    if ("PATCH".equals(request.getMethod())) {
      try {
        tus.process(request, response, owner);
      } catch (IOException e) {
        if (OutOfSpace.causes(e)) {
          response.reset();
          response.setHeader("Tus-Resumable", "1.0.0");
          throw new UploadFailedException(
              "The server has no room left for the rest of the recording. What arrived before"
                  + " is kept: resume the upload when there is room again.",
              e);
        }
        throw e;
      }
      String uri = request.getRequestURI();
      UploadInfo info = tus.getUploadInfo(uri, owner);
      if (info != null && !info.isUploadInProgress() && response.getStatus() < 300) {
        Uploads.Created created;
        try {
          created = createMeeting(owner, uri, info);
        } catch (IOException | TusException | RuntimeException e) {
          // tus has answered 204 with an empty body; the error's problem details replace it.
          response.reset();
          response.setHeader("Tus-Resumable", "1.0.0");
          throw e;
        }
        response.setHeader(MEETING_HEADER, created.meetingId());
        response.setHeader("Access-Control-Expose-Headers", MEETING_HEADER);
      }
      return;
    }
    if ("POST".equals(request.getMethod())) {
      // Bad metadata is refused before the first byte, not after the last.
      uploads.validate(metadata(request.getHeader("Upload-Metadata")));
    }
    tus.process(request, response, owner);
  }

  /** The tus metadata header: comma-separated "key base64value" pairs. */
  static Map<String, String> metadata(@Nullable String header) {
    Map<String, String> values = new java.util.HashMap<>();
    if (header == null) {
      return values;
    }
    for (String pair : header.split(",")) {
      String[] parts = pair.strip().split(" ", 2);
      if (parts.length == 2 && !parts[0].isBlank()) {
        try {
          values.put(
              parts[0],
              new String(
                  java.util.Base64.getDecoder().decode(parts[1].strip()),
                  java.nio.charset.StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "Upload-Metadata value of " + parts[0] + " is not base64", e);
        }
      }
    }
    return values;
  }

  private Uploads.Created createMeeting(String owner, String uri, UploadInfo info)
      throws IOException, TusException {
    Map<String, String> metadata = info.getMetadata();
    String name = metadata.getOrDefault("filename", "recording");
    LocalDate date = date(metadata.get("date"));
    Uploads.Created created =
        uploads.create(
            owner,
            List.of(new Upload(owner, uri, name)),
            metadata.get("title"),
            date,
            false,
            blankToNull(metadata.get("template")),
            List.of());
    // Only now: had the meeting not been made, the bytes stay until the upload expires.
    tus.deleteUpload(uri, owner);
    return created;
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static @Nullable LocalDate date(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("The date must be YYYY-MM-DD: " + value, e);
    }
  }

  private void cleanUp() {
    try {
      tus.cleanup();
    } catch (IOException | RuntimeException e) {
      log.warn("Could not remove expired resumable uploads", e);
    }
  }

  @Override
  public void destroy() {
    cleanup.shutdownNow();
  }

  private final class Upload implements Uploads.Incoming {
    private final String owner;
    private final String uri;
    private final String name;

    Upload(String owner, String uri, String name) {
      this.owner = owner;
      this.uri = uri;
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public InputStream open() throws IOException {
      try {
        return tus.getUploadedBytes(uri, owner);
      } catch (TusException e) {
        throw new IOException("The finished upload could not be read", e);
      }
    }
  }
}
