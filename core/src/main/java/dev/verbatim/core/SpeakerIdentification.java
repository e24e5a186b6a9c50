package dev.verbatim.core;

import org.jspecify.annotations.Nullable;

/**
 * A name the minutes engine worked out for an unnamed speaker from what was said, and why: the
 * speaker introduced themselves ("Hi, I'm Dana from facilities"), was thanked by name right after
 * speaking, or answered "Priya, can you …" with "Sure, I'll …".
 *
 * <p>Meetings stored before confidences existed have neither of the last two: their names were all
 * applied, so they read as certain and applied.
 *
 * @param segmentId the segment that holds the evidence
 * @param evidence the lines that name the speaker, quoted
 * @param confidence how sure the engine is, from 0 to 1 (1 when not recorded)
 * @param applied whether the name was given to the speaker (and their action items); below the
 *     engine's threshold it is only a suggestion for a person to accept (true when not recorded)
 */
public record SpeakerIdentification(
    String speakerId,
    String name,
    String segmentId,
    String evidence,
    @Nullable Double confidence,
    @Nullable Boolean applied) {

  public SpeakerIdentification {
    confidence = confidence == null ? 1.0 : confidence;
    applied = applied == null ? Boolean.TRUE : applied;
  }

  /** A name given for certain, as by a reply that took on a named request. */
  public SpeakerIdentification(String speakerId, String name, String segmentId, String evidence) {
    this(speakerId, name, segmentId, evidence, 1.0, true);
  }
}
