package dev.verbatim.server.upload;

import dev.verbatim.minutes.template.MinutesTemplates;
import dev.verbatim.server.audit.AuditAction;
import dev.verbatim.server.audit.AuditTarget;
import dev.verbatim.server.audit.AuditTrail;
import dev.verbatim.server.job.JobQueue;
import dev.verbatim.server.meeting.MediaFile;
import dev.verbatim.server.meeting.MeetingStore;
import dev.verbatim.server.pipeline.TrackLayout;
import dev.verbatim.server.storage.MediaStorage;
import dev.verbatim.server.storage.OutOfSpace;
import dev.verbatim.transcribe.TranscribeProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns uploaded recordings into a queued meeting: streams them into storage, recognises a repeated
 * upload by its content hash, and queues the job in the transaction that creates the meeting, so no
 * meeting is ever left without its job.
 */
@Service
public class Uploads {

  private static final Logger log = LoggerFactory.getLogger(Uploads.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int MAX_TITLE = 200;

  private final MeetingStore meetings;
  private final MediaStorage storage;
  private final JobQueue queue;
  private final TransactionTemplate transactions;
  private final String language;
  private final MinutesTemplates templates;
  private final AuditTrail audit;

  Uploads(
      MeetingStore meetings,
      MediaStorage storage,
      JobQueue queue,
      TransactionTemplate transactions,
      TranscribeProperties transcribe,
      MinutesTemplates templates,
      AuditTrail audit) {
    this.meetings = meetings;
    this.storage = storage;
    this.queue = queue;
    this.transactions = transactions;
    this.language = transcribe.defaultLanguage();
    this.templates = templates;
    this.audit = audit;
  }

  /** One recording as it arrives. */
  public interface Incoming {
    /** The name the uploader's file had. */
    String name();

    InputStream open() throws IOException;
  }

  /**
   * The meeting an upload made.
   *
   * @param duplicate true when the same recordings had already made this meeting
   */
  public record Created(String meetingId, boolean duplicate) {}

  /** Checks an upload's title, date and template before its bytes arrive. */
  void validate(java.util.Map<String, String> metadata) {
    String template = metadata.get("template");
    if (template != null && !template.isBlank() && templates.find(template.strip()).isEmpty()) {
      throw new IllegalArgumentException(
          "Unknown minutes template \"" + template + "\"; GET /api/templates lists them.");
    }
    String date = metadata.get("date");
    if (date != null && !date.isBlank()) {
      try {
        LocalDate.parse(date.strip());
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("The date must be YYYY-MM-DD: " + date, e);
      }
    }
    String title = metadata.get("title");
    if (title != null && title.strip().length() > MAX_TITLE) {
      throw new IllegalArgumentException(
          "The title is too long: at most " + MAX_TITLE + " characters.");
    }
  }

  /**
   * Makes a meeting of {@code ownerId}'s from the files. The same recordings that the owner
   * uploaded before give back that meeting; someone else's meeting of the same recordings is not
   * theirs to see, so they get a meeting of their own. Recorded in the audit trail, for either way
   * of uploading.
   *
   * @param roster who was in the meeting (the participants Jibri lists), so that the minutes name
   *     owners in full; empty when nobody listed them
   */
  public Created create(
      String ownerId,
      List<? extends Incoming> files,
      @Nullable String title,
      @Nullable LocalDate date,
      boolean multitrack,
      @Nullable String template,
      List<String> roster) {
    Created created = make(ownerId, files, title, date, multitrack, template, roster, id -> {});
    audit.record(
        AuditAction.MEETING_UPLOAD,
        AuditTarget.meeting(created.meetingId()),
        files.size()
            + (files.size() == 1 ? " file" : " files")
            + (created.duplicate() ? ", repeats the meeting" : ""));
    return created;
  }

  /**
   * Makes a meeting of the recording whose transcript comes from elsewhere (an import): stored and
   * playable, and queued for a job that writes its minutes from that transcript rather than
   * transcribing the recording.
   *
   * @param keepTranscript stores the transcript for meeting {@code id}, in the transaction that
   *     makes the meeting and queues its job
   */
  public Created createTranscribed(
      String ownerId,
      Incoming recording,
      @Nullable String title,
      @Nullable LocalDate date,
      @Nullable String template,
      Consumer<String> keepTranscript) {
    Created created =
        make(ownerId, List.of(recording), title, date, false, template, List.of(), keepTranscript);
    audit.record(
        AuditAction.MEETING_UPLOAD,
        AuditTarget.meeting(created.meetingId()),
        "1 file with its transcript" + (created.duplicate() ? ", repeats the meeting" : ""));
    return created;
  }

  private Created make(
      String ownerId,
      List<? extends Incoming> files,
      @Nullable String title,
      @Nullable LocalDate date,
      boolean multitrack,
      @Nullable String template,
      List<String> roster,
      Consumer<String> inTransaction) {
    if (template != null && templates.find(template).isEmpty()) {
      throw new IllegalArgumentException(
          "Unknown minutes template \"" + template + "\"; GET /api/templates lists them.");
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("Upload at least one recording (part \"file\").");
    }
    if (files.size() > 1 && !multitrack) {
      throw new IllegalArgumentException(
          "Several files make one meeting only as separate tracks: set multitrack=true.");
    }
    String id = newId();
    List<MediaFile> media = new ArrayList<>();
    try {
      for (Incoming file : files) {
        String name = FileNames.safe(file.name());
        String key = id + "/" + media.size() + "/" + name;
        MediaStorage.StoredObject stored;
        try (InputStream in = file.open()) {
          stored = storage.store(key, in);
        }
        media.add(new MediaFile(media.size(), name, key, stored.size(), stored.sha256(), null));
      }
    } catch (IOException e) {
      discard(id);
      if (OutOfSpace.causes(e)) {
        log.error("No room left to store upload {}; nothing was kept", id, e);
        throw new UploadFailedException(
            "The server has no room left to store the recording, so nothing was kept. Try again"
                + " later, or ask the administrator to free disk space.",
            e);
      }
      throw new UploadFailedException("The upload could not be stored: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      discard(id);
      throw e;
    }
    TrackLayout layout = multitrack ? TrackLayout.FILE_PER_SPEAKER : TrackLayout.MIXED;
    String contentKey = contentKey(layout, media);
    Optional<String> existing = meetings.findByContentKey(ownerId, contentKey);
    if (existing.isPresent()) {
      discard(id);
      log.info("Upload repeats meeting {}; nothing new to do", existing.get());
      return new Created(existing.get(), true);
    }
    String meetingTitle = title(title, files.get(0).name());
    MeetingStore.NewMeeting meeting =
        new MeetingStore.NewMeeting(
            id,
            ownerId,
            meetingTitle,
            date != null ? date : LocalDate.now(),
            language,
            layout,
            template,
            contentKey);
    try {
      transactions.executeWithoutResult(
          status -> {
            meetings.insert(meeting, media);
            // Before the job is queued: a worker reads the roster when it writes the minutes.
            meetings.updateRoster(id, roster);
            inTransaction.accept(id);
            queue.enqueue(id);
          });
    } catch (DuplicateKeyException raced) {
      // The same recordings arrived twice at once; the other upload won.
      discard(id);
      return new Created(
          meetings.findByContentKey(ownerId, contentKey).orElseThrow(() -> raced), true);
    }
    log.info("Meeting {} created from {} file(s), queued", id, media.size());
    return new Created(id, false);
  }

  /** The title given, else one from the file's name; refused when too long. */
  public static String title(@Nullable String title, String fileName) {
    String chosen = title == null || title.isBlank() ? FileNames.title(fileName) : title.strip();
    if (chosen.length() > MAX_TITLE) {
      throw new IllegalArgumentException(
          "The title is too long: " + chosen.length() + " characters, at most " + MAX_TITLE + ".");
    }
    return chosen;
  }

  private void discard(String id) {
    try {
      storage.deleteAll(id);
    } catch (IOException e) {
      log.warn("Could not remove the media of the unused upload {}", id, e);
    }
  }

  private static String newId() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return "m-" + HexFormat.of().formatHex(bytes);
  }

  /** The same files in the same layout have the same key, whatever they are called. */
  private static String contentKey(TrackLayout layout, List<MediaFile> media) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(layout.name().getBytes(StandardCharsets.UTF_8));
      for (MediaFile file : media) {
        digest.update(file.sha256().getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }
}
