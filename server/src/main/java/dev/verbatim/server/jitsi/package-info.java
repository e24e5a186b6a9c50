/**
 * Live meetings from Jitsi Meet: a vosk-server compatible WebSocket endpoint for Jigasi's
 * per-participant audio, a receiver for Jigasi's transcript events that says who spoke in which
 * room, live captions on the meeting page, and the meeting finalised with minutes when the
 * conference ends. Off unless {@code verbatim.jitsi.enabled}; see docs/adr/0010-jitsi.md.
 */
@NullMarked
package dev.verbatim.server.jitsi;

import org.jspecify.annotations.NullMarked;
