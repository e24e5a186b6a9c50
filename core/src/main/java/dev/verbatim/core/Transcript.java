package dev.verbatim.core;

import java.util.List;

/** The speakers and segments of a meeting, in time order, as recognition produced them. */
public record Transcript(List<Speaker> speakers, List<Segment> segments) {

  public Transcript {
    speakers = List.copyOf(speakers);
    segments = List.copyOf(segments);
  }
}
