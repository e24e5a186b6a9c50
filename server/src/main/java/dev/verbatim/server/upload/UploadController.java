package dev.verbatim.server.upload;

import dev.verbatim.server.account.Callers;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/meetings}: recordings in one multipart request. The servlet container spools
 * each part to disk as it arrives, and the part streams from there into storage, so no recording is
 * ever held in memory.
 */
@RestController
class UploadController {

  private final Uploads uploads;
  private final Callers callers;
  private final JsonMapper json;

  UploadController(Uploads uploads, Callers callers, JsonMapper json) {
    this.uploads = uploads;
    this.callers = callers;
    this.json = json;
  }

  @Operation(
      summary = "Upload recordings as a new meeting",
      description =
          "Parts: file (repeatable; several only with multitrack=true), title, date (YYYY-MM-DD),"
              + " multitrack, template (see /api/templates), metadata (Jibri's metadata.json: the"
              + " room's name is the title unless one is given, and the participants it lists name"
              + " action items' owners by their full names). Returns 202 and queues processing; the"
              + " same recordings again from the same person return 200 with the meeting they"
              + " already made. The uploader owns the meeting.")
  @PostMapping(path = "/api/meetings", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> upload(
      @RequestPart("file") List<MultipartFile> files,
      @RequestParam(name = "title", required = false) @Nullable String title,
      @RequestParam(name = "date", required = false) @Nullable LocalDate date,
      @RequestParam(name = "multitrack", defaultValue = "false") boolean multitrack,
      @RequestParam(name = "template", required = false) @Nullable String template,
      @RequestPart(name = "metadata", required = false) @Nullable MultipartFile metadata)
      throws IOException {
    JibriMetadata jibri =
        metadata != null && !metadata.isEmpty()
            ? jibri(metadata)
            : new JibriMetadata(null, List.of());
    if (blankToNull(title) == null) {
      title = jibri.title();
    }
    List<Uploads.Incoming> incoming =
        files.stream().map(Part::new).map(Uploads.Incoming.class::cast).toList();
    Uploads.Created created =
        uploads.create(
            callers.current().id(),
            incoming,
            title,
            date,
            multitrack,
            blankToNull(template),
            jibri.participants());
    return ResponseEntity.status(created.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED)
        .location(URI.create("/api/meetings/" + created.meetingId()))
        .body(
            Map.of(
                "id", created.meetingId(),
                "duplicate", created.duplicate(),
                "status", created.duplicate() ? "exists" : "queued"));
  }

  /** Jibri's metadata.json, which its finalize script sends along. */
  private JibriMetadata jibri(MultipartFile metadata) throws IOException {
    if (metadata.getSize() > JibriMetadata.MAX_BYTES) {
      throw new IllegalArgumentException(
          "\"metadata\" is larger than Jibri's metadata.json ever is: "
              + metadata.getSize()
              + " bytes.");
    }
    try (InputStream in = metadata.getInputStream()) {
      return JibriMetadata.read(in, json);
    }
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private record Part(MultipartFile file) implements Uploads.Incoming {
    @Override
    public String name() {
      return Objects.requireNonNullElse(file.getOriginalFilename(), "recording");
    }

    @Override
    public InputStream open() throws IOException {
      return file.getInputStream();
    }
  }
}
