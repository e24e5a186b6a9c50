package dev.verbatim.server.export;

import dev.verbatim.server.audit.AuditAction;
import dev.verbatim.server.audit.Audited;
import dev.verbatim.server.meeting.MeetingLinks;
import dev.verbatim.server.meeting.MeetingStore;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/meetings/{id}/export/{format}}: the minutes and transcript as documents. */
@RestController
class ExportController {

  private final MeetingStore meetings;
  private final MeetingExports exports;
  private final MeetingLinks links;

  ExportController(MeetingStore meetings, MeetingExports exports, MeetingLinks links) {
    this.meetings = meetings;
    this.exports = exports;
    this.links = links;
  }

  @Operation(summary = "Export as md, pdf, docx, vtt, srt, txt or json")
  @GetMapping("/api/meetings/{id}/export/{format}")
  @Audited(value = AuditAction.MEETING_EXPORT, detail = "format")
  ResponseEntity<byte[]> export(@PathVariable String id, @PathVariable String format)
      throws IOException {
    return exports.download(meetings.load(id), format, links.meeting(id));
  }
}
