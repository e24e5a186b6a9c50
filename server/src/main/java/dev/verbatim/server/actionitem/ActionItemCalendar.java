package dev.verbatim.server.actionitem;

import dev.verbatim.core.ActionItemStatus;
import dev.verbatim.server.meeting.MeetingLinks;
import dev.verbatim.server.meeting.TrackedActionItem;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Action items as an iCalendar (RFC 5545) to-do list: one VTODO per item, which Thunderbird, Apple
 * Reminders and other calendar apps subscribe to. Written by hand, line by line, so a feed of many
 * items streams.
 */
final class ActionItemCalendar {

  static final String MEDIA_TYPE = "text/calendar;charset=UTF-8";

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

  /** RFC 5545 §3.1: lines longer than 75 octets are folded. */
  private static final int MAX_LINE_OCTETS = 75;

  private final Writer out;
  private final MeetingLinks links;

  ActionItemCalendar(Writer out, MeetingLinks links) {
    this.out = out;
    this.links = links;
  }

  void begin(String name) throws IOException {
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//Verbatim//Action items//EN");
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    line("X-WR-CALNAME:" + text(name));
  }

  void add(TrackedActionItem item) throws IOException {
    String link = links.at(item.meetingId(), item.startMs());
    line("BEGIN:VTODO");
    // Stable across feeds and edits, so a calendar app updates the entry rather than adding one.
    line("UID:" + text(item.id()) + "@verbatim");
    line("DTSTAMP:" + UTC.format(item.updatedAt()));
    line("LAST-MODIFIED:" + UTC.format(item.updatedAt()));
    line("SEQUENCE:" + item.version());
    line("SUMMARY:" + text(item.text()));
    if (item.due() != null) {
      line("DUE;VALUE=DATE:" + DATE.format(item.due()));
    }
    line("STATUS:" + status(item.status()));
    if (item.status() == ActionItemStatus.DONE) {
      line("COMPLETED:" + UTC.format(item.updatedAt().truncatedTo(ChronoUnit.SECONDS)));
      line("PERCENT-COMPLETE:100");
    }
    line("URL:" + link);
    String owner = item.owner() == null ? "" : "Owner: " + item.owner() + "\n";
    line(
        "DESCRIPTION:"
            + text(
                "\u201c"
                    + item.quote()
                    + "\u201d\n"
                    + owner
                    + "From "
                    + item.meetingTitle()
                    + " ("
                    + item.meetingDate()
                    + ")\n"
                    + link));
    if (item.externalUrl() != null) {
      line("ATTACH:" + item.externalUrl().replaceAll("[\\r\\n]", ""));
    }
    line("END:VTODO");
  }

  void end() throws IOException {
    line("END:VCALENDAR");
    out.flush();
  }

  static String status(ActionItemStatus status) {
    return switch (status) {
      case OPEN -> "NEEDS-ACTION";
      case IN_PROGRESS -> "IN-PROCESS";
      case DONE -> "COMPLETED";
      case DISMISSED -> "CANCELLED";
    };
  }

  /** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped. */
  static String text(String value) {
    StringBuilder escaped = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> escaped.append("\\\\");
        case ';' -> escaped.append("\\;");
        case ',' -> escaped.append("\\,");
        case '\n' -> escaped.append("\\n");
        case '\r' -> {}
        default -> {
          // Other control characters are not allowed in a TEXT value.
          if (c >= 0x20 && c != 0x7f) {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }

  /** Writes a content line, folded at 75 octets without splitting a UTF-8 character. */
  private void line(String content) throws IOException {
    int octets = 0;
    for (int i = 0; i < content.length(); ) {
      int codePoint = content.codePointAt(i);
      int chars = Character.charCount(codePoint);
      int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > MAX_LINE_OCTETS) {
        out.write("\r\n ");
        octets = 1;
      }
      out.write(content, i, chars);
      octets += size;
      i += chars;
    }
    out.write("\r\n");
  }
}
