package dev.verbatim.server.audit;

import java.util.Locale;

/** What an action was done to. */
public record AuditTarget(Kind kind, String id) {

  /** The kinds of things actions are done to. */
  public enum Kind {
    MEETING,
    USER,
    TOKEN,
    GLOSSARY_TERM,
    WEBHOOK,
    WEBHOOK_DELIVERY;

    public String value() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Kind of(String value) {
      return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  public AuditTarget {
    id = AuditActor.clip(id, 200);
  }

  public static AuditTarget meeting(String id) {
    return new AuditTarget(Kind.MEETING, id);
  }

  public static AuditTarget user(String id) {
    return new AuditTarget(Kind.USER, id);
  }

  public static AuditTarget token(String id) {
    return new AuditTarget(Kind.TOKEN, id);
  }
}
