package dev.verbatim.server.export;

import dev.verbatim.core.Meeting;
import dev.verbatim.minutes.export.MinutesDocuments;
import dev.verbatim.server.pipeline.MeetingDocuments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A meeting as a download in one of the export formats: for the meeting's own export route and for
 * a share link's, so both give the same documents under the same names.
 */
@Component
public class MeetingExports {

  /** The names in the URL, and the document each one is. */
  private static final Map<String, MinutesDocuments.Format> FORMATS =
      Map.of(
          "md", MinutesDocuments.Format.MARKDOWN,
          "pdf", MinutesDocuments.Format.PDF,
          "docx", MinutesDocuments.Format.DOCX,
          "vtt", MinutesDocuments.Format.WEBVTT,
          "srt", MinutesDocuments.Format.SRT,
          "txt", MinutesDocuments.Format.TEXT);

  /** The minutes laid out by their template: they hold a transcript only if the meeting has one. */
  private static final Set<String> MINUTES = Set.of("md", "pdf", "docx");

  private final MinutesDocuments documents;
  private final MeetingDocuments json;

  MeetingExports(MinutesDocuments documents, MeetingDocuments json) {
    this.documents = documents;
    this.json = json;
  }

  /**
   * Whether the format is a minutes document (md, pdf, docx), whatever its case, rather than the
   * transcript (subtitles, text) or the whole meeting document (json).
   */
  public static boolean minutesDocument(String format) {
    return MINUTES.contains(format.toLowerCase(Locale.ROOT));
  }

  /**
   * The meeting as an attachment in {@code format}: md, pdf, docx, vtt, srt, txt or json.
   *
   * @throws IllegalArgumentException for any other format
   */
  /**
   * @param meetingLink the page readers of this download may open, to which Markdown and PDF link
   *     each action item at its second
   */
  public ResponseEntity<byte[]> download(Meeting meeting, String format, String meetingLink)
      throws IOException {
    String key = format.toLowerCase(Locale.ROOT);
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
      documents.write(meeting, chosen, out, meetingLink);
      type = MediaType.parseMediaType(chosen.mediaType());
    }
    String fileName = fileName(meeting.title()) + "." + key;
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(fileName, StandardCharsets.UTF_8)
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
