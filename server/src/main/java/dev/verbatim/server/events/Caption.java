package dev.verbatim.server.events;

/**
 * A line of live captions of a meeting going on, as its page hears it over Server-Sent Events.
 *
 * @param id the utterance's id; interim captions of one speaker share theirs until it is final
 * @param speakerKey stands for one speaker throughout the meeting (a participant or a stream)
 * @param speaker the speaker's display name
 * @param text what was said; an interim caption may still change
 * @param interim whether more of the utterance is to come
 * @param at when it was said, in milliseconds since the epoch
 */
public record Caption(
    String meetingId,
    String id,
    String speakerKey,
    String speaker,
    String text,
    boolean interim,
    long at) {}
