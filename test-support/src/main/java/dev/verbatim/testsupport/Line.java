package dev.verbatim.testsupport;

/**
 * One utterance of a scripted meeting.
 *
 * @param speaker the participant's name, which is also the base name of their track
 * @param pauseAfterMs silence after the line, before the next one starts
 */
public record Line(String speaker, Voice voice, String text, long pauseAfterMs) {}
