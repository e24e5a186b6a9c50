package dev.verbatim.transcribe;

import dev.verbatim.core.Progress;
import dev.verbatim.core.Word;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Decodes a stream chunk by chunk on a pool of workers sharing one model.
 *
 * <p>Workers borrow recognizers from the model's pool chunk by chunk. The calling thread reads and
 * chunks the audio; at most {@code workers + 2} chunks wait or decode at once, so memory stays flat
 * however long the recording. Words are merged in chunk order, so the result does not depend on
 * which worker finished first.
 */
final class ParallelDecoder {

  private static final AtomicInteger POOLS = new AtomicInteger();

  private final RecognizerPool recognizers;
  private final Duration maxChunk;
  private final int workers;

  ParallelDecoder(RecognizerPool recognizers, Duration maxChunk, int workers) {
    this.recognizers = recognizers;
    this.maxChunk = maxChunk;
    this.workers = workers;
  }

  private record Pending(Chunk chunk, Future<List<Word>> words) {}

  List<Word> decode(InputStream pcm, long expectedDurationMs, Consumer<Progress> progress) {
    return decode(pcm, expectedDurationMs, progress, null);
  }

  /** Decodes {@code pcm}, also showing every frame read to {@code features} if given. */
  List<Word> decode(
      InputStream pcm,
      long expectedDurationMs,
      Consumer<Progress> progress,
      @Nullable SpeakerFeatures features) {
    ExecutorService pool = Executors.newFixedThreadPool(workers, threadFactory());
    // A permit per chunk from submission until its words are merged: that, not decoding, is what
    // bounds memory, since a slow chunk holds finished ones behind it in the queue.
    Semaphore inFlight = new Semaphore(2 * workers + 2);
    ArrayDeque<Pending> queue = new ArrayDeque<>();
    List<Word> words = new ArrayList<>();
    Merger merger = new Merger(queue, inFlight, words, expectedDurationMs, progress);
    try {
      VoiceActivityChunker chunker = new VoiceActivityChunker(pcm, maxChunk, features);
      for (Chunk chunk = chunker.next(); chunk != null; chunk = chunker.next()) {
        while (!inFlight.tryAcquire(200, TimeUnit.MILLISECONDS)) {
          merger.takeDone(false);
        }
        Chunk job = chunk;
        Future<List<Word>> future = pool.submit(() -> decodeOnWorker(job));
        queue.addLast(new Pending(job, future));
        merger.takeDone(false);
      }
      merger.takeDone(true);
      progress.accept(new Progress(Transcriber.STAGE, 1));
      return words;
    } catch (IOException e) {
      throw new TranscriptionFailedException("Could not read the audio stream", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TranscriptionFailedException("Interrupted while transcribing", e);
    } finally {
      stop(pool);
    }
  }

  private List<Word> decodeOnWorker(Chunk chunk) throws IOException {
    ChunkRecognizer recognizer = recognizers.borrow();
    boolean decoded = false;
    try {
      List<Word> words = recognizer.decode(chunk);
      decoded = true;
      return words;
    } finally {
      if (decoded) {
        recognizers.giveBack(recognizer);
      } else {
        // Stopped mid-chunk, its state is not fresh: it must not decode another chunk.
        recognizer.close();
      }
    }
  }

  /** Returns only once no worker can be inside native code, so the pool may be closed after. */
  private void stop(ExecutorService pool) {
    pool.shutdownNow();
    boolean interrupted = false;
    while (!pool.isTerminated()) {
      try {
        pool.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        // Vosk does not stop mid-block; wait for it and hand the interrupt back to the caller.
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Moves finished chunks' words, in chunk order, from the queue to the result. */
  private record Merger(
      ArrayDeque<Pending> queue,
      Semaphore inFlight,
      List<Word> words,
      long expectedDurationMs,
      Consumer<Progress> progress) {

    void takeDone(boolean wait) throws InterruptedException {
      boolean moved = false;
      long doneMs = 0;
      while (!queue.isEmpty() && (wait || queue.peekFirst().words().isDone())) {
        Pending head = queue.pollFirst();
        inFlight.release();
        try {
          words.addAll(head.words().get());
        } catch (ExecutionException e) {
          throw new TranscriptionFailedException(
              "Decoding the chunk at " + head.chunk().offsetMs() + " ms failed", e.getCause());
        }
        moved = true;
        doneMs = head.chunk().endMs();
      }
      if (moved && expectedDurationMs > 0) {
        progress.accept(new Progress(Transcriber.STAGE, (double) doneMs / expectedDurationMs));
      }
    }
  }

  private static ThreadFactory threadFactory() {
    int pool = POOLS.incrementAndGet();
    AtomicInteger thread = new AtomicInteger();
    return runnable -> {
      Thread t = new Thread(runnable, "vosk-" + pool + "-" + thread.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
