package dev.verbatim.transcribe;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.vosk.Model;

/**
 * Keeps idle recognizers of one model for the next chunk, on any thread and across recordings.
 *
 * <p>A new recognizer costs about half a second before it decodes at full speed (Vosk composes its
 * lookahead graph lazily), so throwing them away per chunk would cost a third of the speed. Reuse
 * does not change results: after a final result Vosk starts from a fresh decoder and feature
 * pipeline.
 */
final class RecognizerPool implements AutoCloseable {

  private final Model model;
  private int keepIdle;
  private final Deque<ChunkRecognizer> idle = new ArrayDeque<>();
  private boolean closed;

  RecognizerPool(Model model, int keepIdle) {
    this.model = model;
    this.keepIdle = keepIdle;
  }

  Model model() {
    return model;
  }

  /**
   * Keeps at least {@code workers} recognizers idle between chunks, for a caller that wants more.
   */
  synchronized void keepAtLeast(int workers) {
    keepIdle = Math.max(keepIdle, workers);
  }

  /** Returns an idle recognizer, or a new one when all are busy. */
  ChunkRecognizer borrow() throws IOException {
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("The transcriber is closed");
      }
      ChunkRecognizer recognizer = idle.pollFirst();
      if (recognizer != null) {
        return recognizer;
      }
    }
    return new ChunkRecognizer(model);
  }

  /** Takes {@code recognizer} back; beyond the idle limit it is freed, bounding native memory. */
  void giveBack(ChunkRecognizer recognizer) {
    synchronized (this) {
      if (!closed && idle.size() < keepIdle && !recognizer.clockNearlyInexact()) {
        idle.addFirst(recognizer);
        return;
      }
    }
    recognizer.close();
  }

  /** Frees the idle recognizers and the model; callers must have given back what they borrowed. */
  @Override
  public synchronized void close() {
    closed = true;
    idle.forEach(ChunkRecognizer::close);
    idle.clear();
    model.close();
  }
}
