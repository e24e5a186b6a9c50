package dev.verbatim.core;

import java.util.List;

/**
 * What a meeting host sends out after the meeting. Every point links to the segments, and so to the
 * second, it came from.
 *
 * @param template the minutes template that decides which sections appear, and in what order
 * @param identifiedSpeakers names given to unnamed speakers from what was said, with the evidence
 */
public record Minutes(
    String template,
    List<Sentence> sentences,
    List<SummaryPoint> summary,
    List<Chapter> chapters,
    List<String> keywords,
    List<Decision> decisions,
    List<ActionItem> actionItems,
    List<SpeakerIdentification> identifiedSpeakers) {

  /** The template used when nobody chose one. */
  public static final String GENERAL = "general";

  public Minutes {
    sentences = List.copyOf(sentences);
    summary = List.copyOf(summary);
    chapters = List.copyOf(chapters);
    keywords = List.copyOf(keywords);
    decisions = List.copyOf(decisions);
    actionItems = List.copyOf(actionItems);
    identifiedSpeakers = List.copyOf(identifiedSpeakers);
  }

  /** Minutes not yet written. */
  public static Minutes empty() {
    return new Minutes(
        GENERAL, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }
}
