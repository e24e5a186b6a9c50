package dev.verbatim.search;

import java.util.List;

/**
 * Hits counted by a property, most frequent first, to narrow a search by.
 *
 * @param speakers by speaker name (segments) and participant (meetings)
 * @param meetings by meeting: the value is its id, the label its title
 * @param months by the month the meeting was held, as {@code 2025-03}
 * @param owners by action item owner
 */
public record Facets(
    List<Count> speakers, List<Count> meetings, List<Count> months, List<Count> owners) {

  static final Facets NONE = new Facets(List.of(), List.of(), List.of(), List.of());

  public Facets {
    speakers = List.copyOf(speakers);
    meetings = List.copyOf(meetings);
    months = List.copyOf(months);
    owners = List.copyOf(owners);
  }

  /**
   * @param value what to filter by
   * @param label what to show
   * @param count how many hits have it
   */
  public record Count(String value, String label, long count) {}
}
