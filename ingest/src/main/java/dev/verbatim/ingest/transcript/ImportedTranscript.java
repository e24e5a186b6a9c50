package dev.verbatim.ingest.transcript;

import dev.verbatim.core.Segment;
import dev.verbatim.core.Speaker;
import java.util.List;

/**
 * A transcript written by another tool (subtitles, a conference's transcript), as Verbatim's
 * speakers and segments. Word timings are estimated within each line, as no tool exports them.
 *
 * @param durationMs where the last line ends
 */
public record ImportedTranscript(List<Speaker> speakers, List<Segment> segments, long durationMs) {

  public ImportedTranscript {
    speakers = List.copyOf(speakers);
    segments = List.copyOf(segments);
  }
}
