package dev.verbatim.search;

import dev.verbatim.core.Meeting;

/** A meeting to index under its id, for the people who may see it. */
public record IndexedMeeting(String id, Meeting meeting, Audience audience) {}
