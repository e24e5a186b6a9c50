package dev.verbatim.server.index;

import dev.verbatim.server.meeting.MeetingChanged;

/**
 * One entry of the change feed: the meeting whose searchable content changed. The id orders the
 * feed; a follower applies an entry by indexing the meeting as the database holds it then.
 */
record IndexEvent(long id, String meetingId, MeetingChanged.Change change) {}
