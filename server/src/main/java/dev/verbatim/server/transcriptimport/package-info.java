/**
 * Meetings from transcripts other tools wrote: Zoom and Teams WebVTT, SRT, Jigasi's saved JSON, and
 * Jibri's recordings with their metadata. The words are the other tool's; Verbatim adds the
 * minutes, search and everything after.
 */
@NullMarked
package dev.verbatim.server.transcriptimport;

import org.jspecify.annotations.NullMarked;
