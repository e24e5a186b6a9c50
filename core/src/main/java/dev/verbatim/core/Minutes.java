package dev.verbatim.core;

import java.util.List;

/**
 * What the meeting produced: summary, chapters, keywords, decisions and action items.
 *
 * <p>The element types are deliberately open ({@link Object}) until the minutes engine defines
 * them; the transcript pipeline only ever writes {@link #empty()}.
 */
public record Minutes(
    List<String> summary,
    List<Object> chapters,
    List<String> keywords,
    List<Object> decisions,
    List<Object> actionItems) {

  public Minutes {
    summary = List.copyOf(summary);
    chapters = List.copyOf(chapters);
    keywords = List.copyOf(keywords);
    decisions = List.copyOf(decisions);
    actionItems = List.copyOf(actionItems);
  }

  /** Minutes not yet written. */
  public static Minutes empty() {
    return new Minutes(List.of(), List.of(), List.of(), List.of(), List.of());
  }
}
