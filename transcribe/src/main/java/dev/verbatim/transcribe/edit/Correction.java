package dev.verbatim.transcribe.edit;

import dev.verbatim.core.Segment;
import java.util.List;

/**
 * A transcript after glossary correction.
 *
 * @param segments every segment, in the given order; those without replacements are unchanged
 * @param replacements what was replaced, in segment and word order
 */
public record Correction(List<Segment> segments, List<Replacement> replacements) {

  public Correction {
    segments = List.copyOf(segments);
    replacements = List.copyOf(replacements);
  }
}
