package dev.verbatim.search;

import dev.verbatim.core.ActionItem;
import dev.verbatim.core.ActionItemStatus;
import dev.verbatim.core.Meeting;
import dev.verbatim.core.Minutes;
import dev.verbatim.core.Segment;
import dev.verbatim.core.Source;
import dev.verbatim.core.Speaker;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Meetings made to order for search tests: speakers by name, one segment per line said. */
final class TestMeetings {

  private final String title;
  private final LocalDate date;
  private final List<Speaker> speakers = new ArrayList<>();
  private final List<Segment> segments = new ArrayList<>();
  private final List<ActionItem> actions = new ArrayList<>();
  private final List<String> keywords = new ArrayList<>();

  private TestMeetings(String title, LocalDate date) {
    this.title = title;
    this.date = date;
  }

  static TestMeetings meeting(String title, LocalDate date) {
    return new TestMeetings(title, date);
  }

  /** A line said by {@code name}, who becomes a speaker of the meeting on first use. */
  TestMeetings says(String name, String text) {
    String speakerId =
        speakers.stream()
            .filter(s -> name.equals(s.name()))
            .map(Speaker::id)
            .findFirst()
            .orElseGet(
                () -> {
                  String id = "S" + (speakers.size() + 1);
                  speakers.add(new Speaker(id, name, 0));
                  return id;
                });
    long start = segments.size() * 5_000L;
    segments.add(
        new Segment("g" + (segments.size() + 1), speakerId, start, start + 4_000, text, List.of()));
    return this;
  }

  TestMeetings action(
      String text, @Nullable String owner, @Nullable LocalDate due, ActionItemStatus status) {
    String segmentId = segments.isEmpty() ? "g1" : segments.get(segments.size() - 1).id();
    actions.add(
        new ActionItem(
            "a" + (actions.size() + 1),
            text,
            owner,
            due,
            status,
            segments.size() * 5_000L,
            List.of(segmentId),
            0.8,
            text));
    return this;
  }

  TestMeetings keywords(String... words) {
    keywords.addAll(List.of(words));
    return this;
  }

  Meeting build() {
    return new Meeting(
        Meeting.SCHEMA,
        "ignored",
        title,
        date,
        segments.size() * 5_000L,
        "en",
        new Source(List.of()),
        speakers,
        segments,
        new Minutes(
            Minutes.GENERAL,
            List.of(),
            List.of(),
            List.of(),
            keywords,
            List.of(),
            actions,
            List.of()));
  }
}
