package dev.verbatim.server.meeting;

import java.util.Locale;

/** Where a meeting is in its life: as the API and the UI show it. */
public enum MeetingStatus {
  /** Being transcribed as it happens (a Jitsi conference); finalised when it ends. */
  LIVE,
  QUEUED,
  PROCESSING,
  DONE,
  FAILED;

  /** The stored and displayed form: {@code queued}, {@code processing}, … */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  static MeetingStatus of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
