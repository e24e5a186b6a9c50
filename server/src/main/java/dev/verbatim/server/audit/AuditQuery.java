package dev.verbatim.server.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Which records to read; every filter is optional and they all apply.
 *
 * @param actor an account id, or an email (or {@code system}) as recorded, whatever its case
 * @param target the id of what was acted on, such as a meeting id
 * @param from the first instant included
 * @param until the first instant no longer included
 */
public record AuditQuery(
    @Nullable String actor,
    @Nullable AuditAction action,
    @Nullable String target,
    @Nullable Instant from,
    @Nullable Instant until) {

  public static final AuditQuery ALL = new AuditQuery(null, null, null, null, null);

  public AuditQuery {
    if (from != null && until != null && !from.isBefore(until)) {
      throw new IllegalArgumentException("\"from\" must be before \"to\".");
    }
  }

  /**
   * The query of a request's parameters, blank ones ignored. Dates are YYYY-MM-DD in UTC, "to"
   * including its whole day; an instant (2025-03-01T09:30:00Z) is taken exactly, "to" excluded.
   */
  public static AuditQuery parse(
      @Nullable String actor,
      @Nullable String action,
      @Nullable String target,
      @Nullable String from,
      @Nullable String to) {
    return new AuditQuery(
        blankToNull(actor) == null ? null : actor.strip().toLowerCase(Locale.ROOT),
        blankToNull(action) == null ? null : AuditAction.of(action),
        blankToNull(target) == null ? null : target.strip(),
        blankToNull(from) == null ? null : time("from", from, false),
        blankToNull(to) == null ? null : time("to", to, true));
  }

  private static Instant time(String name, String value, boolean end) {
    String text = value.strip();
    try {
      if (text.length() == 10) {
        LocalDate day = LocalDate.parse(text);
        return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "\""
              + name
              + "\" is a date (YYYY-MM-DD) or an instant (2025-03-01T09:30:00Z), not \""
              + value
              + "\".",
          e);
    }
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
