package dev.verbatim.server.meeting;

import dev.verbatim.core.SourceFile;
import dev.verbatim.server.storage.MediaStorage;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A meeting's recording as a response to play or download, with HTTP range requests for seeking:
 * for the meeting's own media route and for a share link's. It checks no access; its callers do.
 */
@Component
public class MeetingMedia {

  private final MeetingStore meetings;
  private final MediaStorage storage;

  MeetingMedia(MeetingStore meetings, MediaStorage storage) {
    this.meetings = meetings;
    this.storage = storage;
  }

  /**
   * Without {@code file}, what the player plays: the mix of all tracks for a meeting recorded one
   * file per participant, else its recording. With {@code file}, the N-th original upload.
   *
   * @param range the request's Range header, answered from any storage
   * @param head whether only the headers are wanted
   * @throws MediaRemovedException once retention removed the recordings
   * @throws MeetingNotFoundException for no such meeting or recording
   */
  public ResponseEntity<Resource> play(
      String meetingId, @Nullable Integer file, @Nullable String range, boolean head)
      throws IOException {
    Instant removed = meetings.header(meetingId).mediaDeletedAt();
    if (removed != null) {
      throw new MediaRemovedException(meetingId, removed);
    }
    if (file == null) {
      Optional<String> mix = meetings.playbackKey(meetingId);
      if (mix.isPresent()) {
        return Playback.of(storage, mix.get(), MediaType.parseMediaType("audio/mp4"), range, head);
      }
    }
    int ordinal = file == null ? 0 : file;
    List<MediaFile> files = meetings.media(meetingId);
    MediaFile chosen =
        files.stream()
            .filter(f -> f.ordinal() == ordinal)
            .findFirst()
            .orElseThrow(
                () -> new MeetingNotFoundException("Recording " + ordinal + " of " + meetingId));
    return Playback.of(storage, chosen.storageKey(), mediaType(meetingId, chosen), range, head);
  }

  private MediaType mediaType(String id, MediaFile file) {
    // The player asks for many ranges; each reads the probe only, not the whole meeting.
    List<SourceFile> probed = meetings.source(id).files();
    String type =
        file.ordinal() < probed.size() ? probed.get(file.ordinal()).mediaType() : file.mediaType();
    // Browsers play MP4-family QuickTime files only when told they are MP4, and Ogg recordings
    // here are audio whatever the generic container type says.
    if ("video/quicktime".equals(type)) {
      return MediaType.parseMediaType("video/mp4");
    }
    if ("application/ogg".equals(type)) {
      return MediaType.parseMediaType("audio/ogg");
    }
    try {
      return type != null ? MediaType.parseMediaType(type) : MediaType.APPLICATION_OCTET_STREAM;
    } catch (IllegalArgumentException e) {
      return MediaType.APPLICATION_OCTET_STREAM;
    }
  }
}
