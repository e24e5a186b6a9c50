package dev.verbatim.core;

import java.time.LocalDate;
import java.util.List;

/**
 * The meeting document, schema {@value #SCHEMA}: what {@code meeting.json} holds and the API
 * serves.
 *
 * @param durationMs the length of the longest source recording
 * @param language the language code of the speech model used, such as {@code en}
 */
public record Meeting(
    String schema,
    String id,
    String title,
    LocalDate date,
    long durationMs,
    String language,
    Source source,
    List<Speaker> speakers,
    List<Segment> segments,
    Minutes minutes) {

  public static final String SCHEMA = "verbatim/meeting@1";

  public Meeting {
    speakers = List.copyOf(speakers);
    segments = List.copyOf(segments);
  }

  /** This meeting under another id, such as the one a server gave it before it was processed. */
  public Meeting withId(String id) {
    return new Meeting(
        schema, id, title, date, durationMs, language, source, speakers, segments, minutes);
  }

  /** This meeting with other minutes. */
  public Meeting withMinutes(Minutes minutes) {
    return new Meeting(
        schema, id, title, date, durationMs, language, source, speakers, segments, minutes);
  }

  /** This meeting with other speakers, for example once they have names. */
  public Meeting withSpeakers(List<Speaker> speakers) {
    return new Meeting(
        schema, id, title, date, durationMs, language, source, speakers, segments, minutes);
  }
}
