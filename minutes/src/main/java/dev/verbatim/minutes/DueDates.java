package dev.verbatim.minutes;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Interim: weekdays, today and tomorrow only, until the full resolver lands. */
final class DueDates {

  private static final Pattern PHRASE =
      Pattern.compile(
          "\\b(?:by |on |before |until )?(today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b");

  private DueDates() {}

  static Optional<DueDate> find(String text, LocalDate meetingDate) {
    Matcher m = PHRASE.matcher(text.toLowerCase(Locale.ROOT));
    if (!m.find()) {
      return Optional.empty();
    }
    String word = m.group(1);
    LocalDate date =
        switch (word) {
          case "today" -> meetingDate;
          case "tomorrow" -> meetingDate.plusDays(1);
          default ->
              meetingDate.with(
                  TemporalAdjusters.next(DayOfWeek.valueOf(word.toUpperCase(Locale.ROOT))));
        };
    return Optional.of(new DueDate(date, m.start(), m.end(), m.group()));
  }
}
