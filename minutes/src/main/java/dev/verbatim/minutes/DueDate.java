package dev.verbatim.minutes;

import java.time.LocalDate;
import java.util.Locale;

/**
 * A due date a sentence states.
 *
 * @param date the phrase resolved against the meeting date
 * @param start where the phrase starts in the text, so callers can cut "by Friday" out of it
 * @param end where the phrase ends (exclusive)
 * @param phrase the text between start and end, deadline word included ("by next Wednesday")
 */
record DueDate(LocalDate date, int start, int end, String phrase) {

  /**
   * Whether the phrase names a day ("by Thursday", "on the third", "tomorrow") rather than a span
   * ("this week", "end of the month", "next quarter") or a wish ("soon").
   */
  boolean specific() {
    return !phrase
        .toLowerCase(Locale.ROOT)
        .matches(".*\\b(week|weeks|month|months|quarter|year|soon|asap|end)\\b.*");
  }
}
