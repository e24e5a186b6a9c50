package dev.verbatim.core;

/**
 * A name the minutes engine worked out for an unnamed speaker from what was said, and why: the
 * speaker introduced themselves ("Hi, I'm Dana from facilities"), was thanked by name right after
 * speaking, or answered "Priya, can you …" with "Sure, I'll …".
 *
 * @param segmentId the segment that holds the evidence
 * @param evidence the lines that name the speaker, quoted
 * @param confidence how sure the engine is, from 0 to 1
 * @param applied whether the name was given to the speaker (and their action items); below the
 *     engine's threshold it is only a suggestion for a person to accept
 */
public record SpeakerIdentification(
    String speakerId,
    String name,
    String segmentId,
    String evidence,
    double confidence,
    boolean applied) {

  /** A name given for certain, as by a reply that took on a named request. */
  public SpeakerIdentification(String speakerId, String name, String segmentId, String evidence) {
    this(speakerId, name, segmentId, evidence, 1.0, true);
  }
}
