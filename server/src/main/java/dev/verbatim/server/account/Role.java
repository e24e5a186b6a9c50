package dev.verbatim.server.account;

import java.util.Locale;

/** What a person may do beyond their own meetings: admins see and manage everything. */
public enum Role {
  ADMIN,
  MEMBER;

  /** As stored and as the API writes it: {@code admin}, {@code member}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role of(String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("A role is admin or member, not \"" + value + "\".", e);
    }
  }
}
