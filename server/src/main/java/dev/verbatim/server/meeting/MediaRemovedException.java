package dev.verbatim.server.meeting;

import java.time.Instant;

/** The meeting's recordings were removed by the retention policy; its transcript remains. */
public class MediaRemovedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Instant removedAt;

  public MediaRemovedException(String meetingId, Instant removedAt) {
    super(
        "The recording of meeting "
            + meetingId
            + " was removed by the retention policy on "
            + removedAt.toString().substring(0, 10)
            + "; its transcript and minutes remain.");
    this.removedAt = removedAt;
  }

  public Instant removedAt() {
    return removedAt;
  }
}
