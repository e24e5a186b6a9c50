package dev.verbatim.transcribe.edit;

import dev.verbatim.core.Segment;
import java.util.List;

/**
 * A transcript after find-and-replace.
 *
 * @param segments every segment, in the given order; unchanged ones are the same instances
 * @param replacements how many occurrences were replaced
 */
public record FindReplaceResult(List<Segment> segments, int replacements) {

  public FindReplaceResult {
    segments = List.copyOf(segments);
  }
}
