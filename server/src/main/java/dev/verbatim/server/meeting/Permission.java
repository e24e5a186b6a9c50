package dev.verbatim.server.meeting;

import java.util.Locale;

/** What a person may do with a meeting; each level includes the ones before it. */
public enum Permission {
  /** Read it, play it, export it, follow its events. */
  VIEW,
  /** Also correct the transcript and minutes, its glossary and action items. */
  EDIT,
  /** Also share it, make it visible to everyone, reprocess and delete it: its owner and admins. */
  MANAGE;

  public boolean includes(Permission other) {
    return compareTo(other) >= 0;
  }

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
