package dev.verbatim.core;

/**
 * A name the minutes engine gave an unnamed speaker, and why: for example, the speaker answered
 * "Priya, can you …" with "Sure, I'll …" in segment {@code segmentId}.
 */
public record SpeakerIdentification(
    String speakerId, String name, String segmentId, String evidence) {}
