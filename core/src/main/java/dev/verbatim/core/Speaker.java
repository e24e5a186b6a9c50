package dev.verbatim.core;

import org.jspecify.annotations.Nullable;

/**
 * A participant as the transcript knows them.
 *
 * @param id a stable id within the meeting, such as {@code S1}
 * @param name the person's name, when known
 * @param talkTimeMs the total duration of this speaker's segments
 */
public record Speaker(String id, @Nullable String name, long talkTimeMs) {}
