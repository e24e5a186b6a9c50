package dev.verbatim.server.events;

import org.jspecify.annotations.Nullable;

/**
 * Something that happened to a meeting, as its page hears it over Server-Sent Events.
 *
 * @param type {@code progress}, {@code done}, {@code failed}, {@code updated} (an edit) or {@code
 *     live} (a conference being transcribed as it happens; its captions come as {@link Caption}s)
 * @param stage the job's stage while it runs: decode, transcribe, minutes or index
 * @param progress from 0 to 1
 */
public record MeetingEvent(
    String meetingId,
    String type,
    @Nullable String stage,
    double progress,
    @Nullable String error) {

  public static MeetingEvent progress(String meetingId, String stage, double progress) {
    return new MeetingEvent(meetingId, "progress", stage, progress, null);
  }

  public static MeetingEvent live(String meetingId) {
    return new MeetingEvent(meetingId, "live", "live", 0, null);
  }

  public static MeetingEvent done(String meetingId) {
    return new MeetingEvent(meetingId, "done", null, 1, null);
  }

  public static MeetingEvent failed(String meetingId, String error) {
    return new MeetingEvent(meetingId, "failed", null, 0, error);
  }

  public static MeetingEvent updated(String meetingId) {
    return new MeetingEvent(meetingId, "updated", null, 1, null);
  }
}
