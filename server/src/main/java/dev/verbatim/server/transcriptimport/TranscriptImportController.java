package dev.verbatim.server.transcriptimport;

import dev.verbatim.ingest.transcript.Captions;
import dev.verbatim.ingest.transcript.ImportedTranscript;
import dev.verbatim.ingest.transcript.TranscriptRejectedException;
import dev.verbatim.server.account.Callers;
import dev.verbatim.server.job.JobQueue;
import dev.verbatim.server.meeting.EditConflictException;
import dev.verbatim.server.meeting.MeetingStore;
import dev.verbatim.server.pipeline.TrackLayout;
import dev.verbatim.server.upload.Uploads;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/meetings/import}: a meeting from a transcript another tool wrote (Zoom or Teams
 * WebVTT, SRT, Jigasi's saved JSON), with or without its recording. It gets minutes and search like
 * an upload; the words are the other tool's, not recognised again.
 */
@RestController
class TranscriptImportController {

  private static final Logger log = LoggerFactory.getLogger(TranscriptImportController.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Subtitles of a ten-hour meeting are a few megabytes. */
  static final long MAX_TRANSCRIPT_BYTES = 50L << 20;

  private final Uploads uploads;
  private final MeetingStore meetings;
  private final JobQueue queue;
  private final TransactionTemplate transactions;
  private final Callers callers;
  private final JsonMapper json;

  TranscriptImportController(
      Uploads uploads,
      MeetingStore meetings,
      JobQueue queue,
      TransactionTemplate transactions,
      Callers callers,
      JsonMapper json) {
    this.uploads = uploads;
    this.meetings = meetings;
    this.queue = queue;
    this.transactions = transactions;
    this.callers = callers;
    this.json = json;
  }

  @Operation(
      summary = "Import a transcript as a new meeting",
      description =
          "Parts: transcript (.vtt with Teams <v Name> tags or Zoom 'Name:' lines, .srt, or"
              + " Jigasi's transcript_*.json), recording (optional: the meeting's audio or video,"
              + " played with the transcript), title, date (YYYY-MM-DD), template. Returns 202; a"
              + " job writes the minutes from the transcript (the recording is not transcribed),"
              + " announced by the meeting's events.")
  @PostMapping(path = "/api/meetings/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Map<String, Object>> importTranscript(
      @RequestPart("transcript") MultipartFile transcript,
      @RequestPart(name = "recording", required = false) @Nullable MultipartFile recording,
      @RequestParam(name = "title", required = false) @Nullable String title,
      @RequestParam(name = "date", required = false) @Nullable LocalDate date,
      @RequestParam(name = "template", required = false) @Nullable String template)
      throws IOException {
    Parsed parsed = parse(transcript);
    String chosenTitle = blankToNull(title) != null ? title.strip() : parsed.title();
    LocalDate chosenDate = date != null ? date : parsed.date();
    String owner = callers.current().id();
    ImportedTranscript imported = parsed.transcript();
    // Kept with the meeting and its job in one transaction; the job writes the minutes from it.
    String transcriptJson = json.writeValueAsString(imported);
    String id;
    if (recording != null && !recording.isEmpty()) {
      Uploads.Created created =
          uploads.createTranscribed(
              owner,
              new Part(recording),
              chosenTitle,
              chosenDate,
              blankToNull(template),
              meetingId -> meetings.saveImported(meetingId, transcriptJson));
      if (created.duplicate()) {
        throw new EditConflictException(
            "This recording is already meeting "
                + created.meetingId()
                + "; its transcript was left as it is.");
      }
      id = created.meetingId();
    } else {
      id = "m-" + HexFormat.of().formatHex(randomBytes());
      MeetingStore.NewMeeting meeting =
          new MeetingStore.NewMeeting(
              id,
              owner,
              Uploads.title(chosenTitle, String.valueOf(transcript.getOriginalFilename())),
              chosenDate != null ? chosenDate : LocalDate.now(),
              "en",
              TrackLayout.FILE_PER_SPEAKER,
              blankToNull(template),
              // Text alone is never a repeat of a recording.
              "import-" + id);
      transactions.executeWithoutResult(
          status -> {
            meetings.insert(meeting, List.of());
            meetings.saveImported(id, transcriptJson);
            queue.enqueue(id);
          });
    }
    log.info(
        "Meeting {} imported from {} ({} segments){}",
        id,
        transcript.getOriginalFilename(),
        imported.segments().size(),
        recording != null ? " with its recording" : "");
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/api/meetings/" + id))
        .body(Map.of("id", id, "status", "processing"));
  }

  private record Parsed(
      ImportedTranscript transcript, @Nullable String title, @Nullable LocalDate date) {}

  private Parsed parse(MultipartFile file) throws IOException {
    String name = file.getOriginalFilename() == null ? "transcript" : file.getOriginalFilename();
    if (file.isEmpty()) {
      throw new TranscriptRejectedException(name + " is empty.");
    }
    if (file.getSize() > MAX_TRANSCRIPT_BYTES) {
      throw new TranscriptRejectedException(
          name + " is larger than any transcript: " + file.getSize() + " bytes.");
    }
    if (json(file, name)) {
      try (InputStream in = file.getInputStream()) {
        JigasiTranscript.Conference conference = JigasiTranscript.read(in, name, json);
        return new Parsed(conference.transcript(), conference.title(), conference.date());
      }
    }
    try (InputStreamReader in =
        new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
      return new Parsed(Captions.read(in, name), null, null);
    }
  }

  /** By its name, or, when the name says nothing, by its first character. */
  private static boolean json(MultipartFile file, String name) throws IOException {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".json")) {
      return true;
    }
    if (lower.endsWith(".vtt") || lower.endsWith(".srt")) {
      return false;
    }
    try (InputStream in = file.getInputStream()) {
      int c;
      do {
        c = in.read();
      } while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB
          || c == 0xBF);
      return c == '{';
    }
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private record Part(MultipartFile file) implements Uploads.Incoming {
    @Override
    public String name() {
      return file.getOriginalFilename() == null ? "recording" : file.getOriginalFilename();
    }

    @Override
    public InputStream open() throws IOException {
      return file.getInputStream();
    }
  }
}
