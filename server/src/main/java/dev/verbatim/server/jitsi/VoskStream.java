package dev.verbatim.server.jitsi;

import dev.verbatim.core.Word;
import dev.verbatim.transcribe.StreamingRecognizer;
import dev.verbatim.transcribe.StreamingResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.WebSocketSession;

/**
 * One vosk-server connection: for Jigasi, one participant's audio. Jigasi says nothing of whose
 * audio it is; the stream learns its meeting from the room in its path or from the first of
 * Jigasi's events that repeats one of its results, and its participant from that event.
 *
 * <p>Audio is handled on the connection's thread, one message at a time; the sweeper closes it from
 * another, so the recognizer is guarded by the stream's lock.
 */
final class VoskStream {

  /** Recent results kept to be matched with Jigasi's events, which repeat them. */
  private static final int RECENT = 32;

  /** Results kept while nobody knows whose they are; beyond, the oldest are dropped. */
  private static final int UNPLACED = 512;

  /**
   * A result of this stream.
   *
   * @param heardAt when the result was sent back, as Jigasi will stamp its event
   */
  record Heard(JitsiStore.Utterance utterance, long heardAt) {}

  final String id = "st-" + UUID.randomUUID().toString().substring(0, 13);
  final WebSocketSession session;
  final @Nullable String roomKey;
  final long openedAt;
  private final StreamClock clock = new StreamClock();

  private float sampleRate = 48_000f;
  private boolean words = true;
  private List<String> phrases = List.of();
  private @Nullable StreamingRecognizer recognizer;
  private long bytes;
  private volatile long lastMessageAt;
  private volatile boolean receivedAnything;
  private volatile boolean closed;
  private volatile long closedAt;

  private @Nullable String meetingId;
  private @Nullable String participantId;
  private final Deque<Heard> recent = new ArrayDeque<>();
  private final List<JitsiStore.Utterance> unplaced = new ArrayList<>();
  private String lastPartial = "";
  private @Nullable String partialId;

  VoskStream(WebSocketSession session, @Nullable String roomKey, long now) {
    this.session = session;
    this.roomKey = roomKey;
    this.openedAt = now;
    this.lastMessageAt = now;
  }

  /** Takes vosk-server's config fields; once audio has started, the recognizer keeps its own. */
  synchronized void configure(@Nullable Float rate, @Nullable Boolean words, List<String> phrases) {
    if (recognizer != null) {
      return;
    }
    if (rate != null) {
      this.sampleRate = rate;
    }
    if (words != null) {
      this.words = words;
    }
    this.phrases = List.copyOf(phrases);
  }

  synchronized boolean words() {
    return words;
  }

  void received(long now) {
    lastMessageAt = now;
    receivedAnything = true;
  }

  long lastMessageAt() {
    return lastMessageAt;
  }

  boolean receivedAnything() {
    return receivedAnything;
  }

  /**
   * Recognises one piece of audio, starting the recognizer (48 kHz unless configured) on the first.
   *
   * @param engine makes the recognizer for the configured rate and phrases
   */
  synchronized StreamingResult accept(byte[] pcm, long now, RecognizerFactory engine) {
    if (closed) {
      return new StreamingResult.Partial("");
    }
    StreamingRecognizer r = recognizer;
    if (r == null) {
      r = engine.create(sampleRate, phrases);
      recognizer = r;
    }
    bytes += pcm.length;
    clock.arrived(r.millis(bytes), now);
    return r.accept(pcm, 0, pcm.length);
  }

  /** Ends the utterance going on (eof, reset, close); empty if no audio came at all. */
  synchronized StreamingResult.Final finish() {
    StreamingRecognizer r = recognizer;
    return r == null || closed ? new StreamingResult.Final("", List.of()) : r.finish();
  }

  /** Closes the recognizer after its last result; returns whether this call closed it. */
  synchronized boolean close(long now) {
    if (closed) {
      return false;
    }
    closed = true;
    closedAt = now;
    StreamingRecognizer r = recognizer;
    if (r != null) {
      r.close();
    }
    return true;
  }

  boolean closed() {
    return closed;
  }

  long closedAt() {
    return closedAt;
  }

  /** The result as an utterance on the wall clock. */
  JitsiStore.Utterance utterance(StreamingResult.Final result, long now) {
    List<Word> placed =
        result.words().stream()
            .map(
                w ->
                    new Word(
                        w.text(),
                        clock.wallTime(w.startMs(), now),
                        clock.wallTime(w.endMs(), now),
                        w.confidence()))
            .toList();
    long start = placed.isEmpty() ? now : placed.get(0).startMs();
    long end = placed.isEmpty() ? now : placed.get(placed.size() - 1).endMs();
    String id;
    synchronized (this) {
      id = partialId != null ? partialId : newUtteranceId();
      partialId = null;
      lastPartial = "";
    }
    return new JitsiStore.Utterance(
        id, this.id, participantId(), start, end, result.text(), placed);
  }

  /**
   * Whether {@code text} is new interim text (Jigasi ignores repeats, and so do the captions), and
   * the id the utterance it belongs to will keep.
   */
  synchronized @Nullable String partial(String text) {
    if (text.isBlank() || text.equals(lastPartial)) {
      return null;
    }
    lastPartial = text;
    if (partialId == null) {
      partialId = newUtteranceId();
    }
    return partialId;
  }

  private static String newUtteranceId() {
    return "u-" + UUID.randomUUID();
  }

  synchronized void remember(Heard heard) {
    recent.addLast(heard);
    if (recent.size() > RECENT) {
      recent.removeFirst();
    }
  }

  /** A recent result with this text heard around {@code at}, closest first. */
  synchronized @Nullable Heard find(String text, long at, long withinMs) {
    Heard best = null;
    for (Heard h : recent) {
      long distance = Math.abs(h.heardAt() - at);
      if (distance <= withinMs
          && h.utterance().text().equals(text)
          && (best == null || distance < Math.abs(best.heardAt() - at))) {
        best = h;
      }
    }
    return best;
  }

  /** Forgets a result once an event has claimed it, so that it is matched once. */
  synchronized void claimed(Heard heard) {
    recent.remove(heard);
  }

  synchronized @Nullable String meetingId() {
    return meetingId;
  }

  synchronized @Nullable String participantId() {
    return participantId;
  }

  /** Places the stream in a meeting, returning the results heard before, now its own. */
  synchronized List<JitsiStore.Utterance> place(String meeting) {
    meetingId = meeting;
    List<JitsiStore.Utterance> before = List.copyOf(unplaced);
    unplaced.clear();
    return before;
  }

  synchronized void attribute(String participant) {
    participantId = participant;
  }

  /** Keeps a result until the stream is placed in a meeting. */
  synchronized void keepUnplaced(JitsiStore.Utterance utterance) {
    unplaced.add(utterance);
    if (unplaced.size() > UNPLACED) {
      unplaced.remove(0);
    }
  }

  /** Makes the recognizer for a stream once its configuration is known. */
  @FunctionalInterface
  interface RecognizerFactory {
    StreamingRecognizer create(float sampleRate, List<String> phrases);
  }
}
