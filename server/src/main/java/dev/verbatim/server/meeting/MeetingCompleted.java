package dev.verbatim.server.meeting;

/**
 * Processing stored a meeting's transcript and minutes. Published inside the transaction that
 * stores them, like {@link ActionItemChanged}; {@link MeetingChanged} follows after the commit.
 */
public record MeetingCompleted(String meetingId) {}
