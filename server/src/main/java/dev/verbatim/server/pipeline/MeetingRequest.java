package dev.verbatim.server.pipeline;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What to make a meeting from, and how.
 *
 * @param title the meeting's title; the first file's base name when null
 * @param language the speech model's language; the configured default when null
 * @param workers recognition threads; the configured default when null
 * @param template the minutes template; the configured default when null
 * @param roster full names of the people in the meeting, as its recording system listed them
 */
public record MeetingRequest(
    List<Path> files,
    @Nullable String title,
    LocalDate date,
    @Nullable String language,
    TrackLayout layout,
    @Nullable Integer workers,
    @Nullable String template,
    List<String> roster) {

  public MeetingRequest {
    files = List.copyOf(files);
    roster = List.copyOf(roster);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("A meeting needs at least one recording");
    }
    if (files.size() > 1 && layout != TrackLayout.FILE_PER_SPEAKER) {
      throw new IllegalArgumentException(
          "Several recordings make one meeting only as separate tracks: use --multitrack");
    }
  }
}
