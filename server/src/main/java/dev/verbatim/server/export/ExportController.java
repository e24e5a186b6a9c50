package dev.verbatim.server.export;

import dev.verbatim.core.Meeting;
import dev.verbatim.minutes.export.MinutesDocuments;
import dev.verbatim.server.audit.AuditAction;
import dev.verbatim.server.audit.Audited;
import dev.verbatim.server.meeting.MeetingLinks;
import dev.verbatim.server.meeting.MeetingStore;
import dev.verbatim.server.pipeline.MeetingDocuments;
import io.swagger.v3.oas.annotations.Operation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/meetings/{id}/export/{format}}: the minutes and transcript as documents. */
@RestController
class ExportController {

  /** The names in the URL, and the document each one is. */
  private static final Map<String, MinutesDocuments.Format> FORMATS =
      Map.of(
          "md", MinutesDocuments.Format.MARKDOWN,
          "pdf", MinutesDocuments.Format.PDF,
          "docx", MinutesDocuments.Format.DOCX,
          "vtt", MinutesDocuments.Format.WEBVTT,
          "srt", MinutesDocuments.Format.SRT,
          "txt", MinutesDocuments.Format.TEXT);

  private final MeetingStore meetings;
  private final MinutesDocuments documents;
  private final MeetingDocuments json;
  private final MeetingLinks links;

  ExportController(
      MeetingStore meetings,
      MinutesDocuments documents,
      MeetingDocuments json,
      MeetingLinks links) {
    this.meetings = meetings;
    this.documents = documents;
    this.json = json;
    this.links = links;
  }

  @Operation(summary = "Export as md, pdf, docx, vtt, srt, txt or json")
  @GetMapping("/api/meetings/{id}/export/{format}")
  @Audited(value = AuditAction.MEETING_EXPORT, detail = "format")
  ResponseEntity<byte[]> export(@PathVariable String id, @PathVariable String format)
      throws IOException {
    String key = format.toLowerCase(Locale.ROOT);
    Meeting meeting = meetings.load(id);
    // Documents of even a long meeting are a few megabytes at most, unlike its recording.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MediaType type;
    if (key.equals("json")) {
      json.write(meeting, out);
      type = MediaType.APPLICATION_JSON;
    } else {
      MinutesDocuments.Format chosen = FORMATS.get(key);
      if (chosen == null) {
        throw new IllegalArgumentException(
            "Unknown export format \"" + format + "\": use md, pdf, docx, vtt, srt, txt or json.");
      }
      documents.write(meeting, chosen, out, links.meeting(id));
      type = MediaType.parseMediaType(chosen.mediaType());
    }
    String fileName = fileName(meeting.title()) + "." + key;
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(fileName, java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(out.toByteArray());
  }

  /** A download name from the title, without characters file systems or headers dislike. */
  static String fileName(String title) {
    String cleaned = title.replaceAll("[\\p{Cntrl}\\\\/:*?\"<>|]+", " ").strip();
    if (cleaned.length() > 80) {
      cleaned = cleaned.substring(0, 80).strip();
    }
    return cleaned.isEmpty() ? "meeting" : cleaned;
  }
}
