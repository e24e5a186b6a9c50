package dev.verbatim.transcribe;

/**
 * A stretch of speech cut from the recording, decoded on its own.
 *
 * @param index the chunk's position in the recording, from 0
 * @param offsetMs where the chunk starts in the recording
 * @param pcm s16le mono samples at 16 kHz
 */
record Chunk(int index, long offsetMs, byte[] pcm) {

  /** Where the chunk ends in the recording. */
  long endMs() {
    return offsetMs + pcm.length / 32;
  }
}
