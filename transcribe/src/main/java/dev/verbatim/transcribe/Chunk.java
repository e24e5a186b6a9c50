package dev.verbatim.transcribe;

import dev.verbatim.core.Word;
import java.util.List;

/**
 * A stretch of speech cut from the recording, decoded on its own.
 *
 * <p>Long pauses inside a chunk are left out of its audio, so the chunk is made of pieces that each
 * continue the recording from a later point.
 *
 * @param index the chunk's position in the recording, from 0
 * @param pcm s16le mono samples at 16 kHz
 * @param pieces where each contiguous piece starts, in the chunk and in the recording
 * @param endMs where the chunk's last piece ends in the recording
 * @param warmup speech from just before the chunk, decoded first so the recognizer's normalisation
 *     and speaker adaptation have settled when the chunk starts; its words are dropped
 */
record Chunk(int index, byte[] pcm, List<Piece> pieces, long endMs, byte[] warmup) {

  /** A contiguous run of the recording that starts {@code chunkMs} into the chunk's audio. */
  record Piece(long chunkMs, long recordingMs) {}

  Chunk {
    pieces = List.copyOf(pieces);
  }

  /** Where the chunk starts in the recording. */
  long offsetMs() {
    return pieces.get(0).recordingMs();
  }

  /** Moves {@code word}, timed within this chunk's audio, to its time in the recording. */
  Word place(Word word) {
    long start = toRecording(word.startMs());
    return new Word(
        word.text(), start, Math.max(start, toRecording(word.endMs())), word.confidence());
  }

  private long toRecording(long chunkMs) {
    Piece piece = pieces.get(0);
    for (Piece p : pieces) {
      if (p.chunkMs() > chunkMs) {
        break;
      }
      piece = p;
    }
    return piece.recordingMs() + chunkMs - piece.chunkMs();
  }
}
