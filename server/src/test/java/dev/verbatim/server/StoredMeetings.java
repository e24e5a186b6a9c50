package dev.verbatim.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.ActionItem;
import dev.verbatim.core.ActionItemStatus;
import dev.verbatim.core.Meeting;
import dev.verbatim.core.Minutes;
import dev.verbatim.core.Segment;
import dev.verbatim.core.Source;
import dev.verbatim.core.Speaker;
import dev.verbatim.server.ApiClient.Response;
import dev.verbatim.server.meeting.MeetingChanged;
import dev.verbatim.server.meeting.MeetingStatus;
import dev.verbatim.server.meeting.MeetingStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Meetings with a transcript and minutes in seconds, for tests of what comes after processing: each
 * is uploaded through the API (so it has an owner and access rules) and gets its transcript the way
 * a finished job stores it. Run the server with {@code verbatim.jobs.enabled=false}.
 */
public final class StoredMeetings {

  /** A meeting's date, fixed so due dates and exports are predictable. */
  public static final LocalDate DATE = LocalDate.of(2025, 3, 14);

  private final MeetingStore meetings;
  private final ApplicationEventPublisher publisher;
  private final Path directory;

  public StoredMeetings(
      MeetingStore meetings, ApplicationEventPublisher publisher, Path directory) {
    this.meetings = meetings;
    this.publisher = publisher;
    this.directory = directory;
  }

  /** One thing a speaker said. */
  public record Line(String speaker, long startMs, String text) {}

  public static Line line(String speaker, long startMs, String text) {
    return new Line(speaker, startMs, text);
  }

  public static ActionItem action(String text, @Nullable String owner, @Nullable LocalDate due) {
    return action("a1", text, owner, due, 0);
  }

  public static ActionItem action(
      String id, String text, @Nullable String owner, @Nullable LocalDate due, long startMs) {
    return new ActionItem(
        id, text, owner, due, ActionItemStatus.OPEN, startMs, List.of("g1"), 0.9, text);
  }

  /**
   * Uploads a recording as {@code api}'s and stores a transcript for it as a finished job would.
   */
  public String processed(ApiClient api, String title, List<Line> lines, List<ActionItem> actions) {
    Path file;
    try {
      file = Files.createTempFile(directory, "recording", ".wav");
      Files.writeString(file, "not really audio " + UUID.randomUUID(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Response created = api.upload(List.of(file), Map.of("title", title, "date", DATE.toString()));
    assertThat(created.status()).as(created.body()).isEqualTo(202);
    String id = created.json().get("id").asString();
    store(id, title, lines, actions);
    return id;
  }

  /**
   * Stores a transcript and minutes for the meeting, replacing what it had, as a reprocess does.
   */
  public void store(String id, String title, List<Line> lines, List<ActionItem> actions) {
    List<Speaker> speakers = new ArrayList<>();
    List<Segment> segments = new ArrayList<>();
    for (Line line : lines) {
      String speakerId =
          speakers.stream()
              .filter(s -> line.speaker().equals(s.name()))
              .map(Speaker::id)
              .findFirst()
              .orElseGet(
                  () -> {
                    String sid = "S" + (speakers.size() + 1);
                    speakers.add(new Speaker(sid, line.speaker(), 1_000));
                    return sid;
                  });
      segments.add(
          new Segment(
              "g" + (segments.size() + 1),
              speakerId,
              line.startMs(),
              line.startMs() + 3_000,
              line.text(),
              List.of()));
    }
    Meeting meeting =
        new Meeting(
            Meeting.SCHEMA,
            id,
            title,
            DATE,
            60_000,
            "en",
            new Source(List.of()),
            speakers,
            segments,
            new Minutes(
                Minutes.GENERAL,
                List.of(),
                List.of(),
                List.of(),
                List.of("zeppelin"),
                List.of(),
                actions,
                List.of()));
    meetings.saveProcessed(id, meeting);
    meetings.progress(id, MeetingStatus.DONE, null, 1.0);
    publisher.publishEvent(new MeetingChanged(id, MeetingChanged.Change.PROCESSED));
  }
}
