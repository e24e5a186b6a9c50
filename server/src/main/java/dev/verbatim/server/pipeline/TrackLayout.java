package dev.verbatim.server.pipeline;

/** How the speakers of a meeting are laid out in its recordings. */
public enum TrackLayout {
  /** One recording with everyone mixed together; channels are downmixed. */
  MIXED,
  /** One recording whose every channel is one participant. */
  CHANNEL_PER_SPEAKER,
  /** One recording per participant, named after them, as Zoom and Jitsi deliver them. */
  FILE_PER_SPEAKER
}
