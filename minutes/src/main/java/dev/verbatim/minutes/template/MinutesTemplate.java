package dev.verbatim.minutes.template;

import java.util.List;

/**
 * Which sections minutes show, and in what order, for one type of meeting: a stand-up leads with
 * action items, a customer call with its summary. Users add their own as plain files.
 *
 * @param id what meetings name the template by, for example {@code standup}
 * @param title what people see, for example "Stand-up"
 */
public record MinutesTemplate(String id, String title, List<Section> sections) {

  public MinutesTemplate {
    sections = List.copyOf(sections);
    if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
      throw new IllegalArgumentException(
          "A template id is lowercase letters, digits and dashes: '" + id + "'");
    }
    if (sections.isEmpty()) {
      throw new IllegalArgumentException("Template '" + id + "' shows no section");
    }
  }

  /** A part of the minutes, as documents and the meeting page show it. */
  public enum Section {
    PARTICIPANTS,
    SUMMARY,
    ACTION_ITEMS,
    DECISIONS,
    CHAPTERS,
    KEYWORDS,
    TRANSCRIPT
  }
}
