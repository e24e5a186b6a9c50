package dev.verbatim.server.meeting;

import dev.verbatim.server.pipeline.TrackLayout;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the meetings list shows of a meeting, without its transcript.
 *
 * @param progress from 0 to 1 while it is processed
 * @param error why processing failed, in words for its owner
 * @param participants speaker names (or ids where nobody is named yet), in order of appearance
 * @param createdAt when it was uploaded, from which retention counts its age
 * @param mediaDeletedAt when retention removed its recordings (transcript and minutes remain)
 */
public record MeetingHeader(
    String id,
    String title,
    LocalDate date,
    long durationMs,
    String language,
    TrackLayout layout,
    @Nullable String template,
    MeetingStatus status,
    @Nullable String stage,
    double progress,
    @Nullable String error,
    List<String> participants,
    Instant createdAt,
    Instant updatedAt,
    @Nullable Instant mediaDeletedAt) {

  public MeetingHeader {
    participants = List.copyOf(participants);
  }
}
