package dev.verbatim.server.jitsi;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Puts a stream's audio on the wall clock. Jigasi sends a piece as soon as it has filled it, so a
 * piece's last sample was spoken about when the piece arrives; while audio flows, stream time and
 * wall time advance together. When a participant mutes, Jigasi sends nothing, and stream time
 * stands still while the wall clock runs on: a piece that arrives more than a second later than the
 * audio before it foretold starts a new anchor. Pieces that arrive early (a client replaying a file
 * faster than real time) keep the old one, so a replay keeps its own timeline.
 */
final class StreamClock {

  /** A late piece moves the anchor by more than network jitter. */
  private static final long GAP_MS = 1000;

  /** Enough for the longest utterance Vosk keeps open between pauses. */
  private static final int KEEP = 256;

  private record Anchor(double streamMs, long wallMs) {}

  private final Deque<Anchor> anchors = new ArrayDeque<>();

  /** Notes that the stream's audio up to {@code streamEndMs} had arrived at {@code wallMs}. */
  synchronized void arrived(double streamEndMs, long wallMs) {
    Anchor last = anchors.peekLast();
    if (last == null || wallMs - wallOf(last, streamEndMs) > GAP_MS) {
      anchors.addLast(new Anchor(streamEndMs, wallMs));
      if (anchors.size() > KEEP) {
        anchors.removeFirst();
      }
    }
  }

  /** The wall time (epoch milliseconds) of the stream's moment {@code streamMs}. */
  synchronized long wallTime(double streamMs, long fallbackWallMs) {
    Anchor chosen = null;
    for (Anchor a : anchors) {
      if (chosen == null || a.streamMs() <= streamMs) {
        chosen = a;
      }
    }
    return chosen == null ? fallbackWallMs : wallOf(chosen, streamMs);
  }

  private static long wallOf(Anchor anchor, double streamMs) {
    return anchor.wallMs() + Math.round(streamMs - anchor.streamMs());
  }
}
