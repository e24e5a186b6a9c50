package dev.verbatim.transcribe;

import dev.verbatim.core.PcmFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Cuts a PCM stream into chunks of speech that can be decoded independently.
 *
 * <p>Cuts fall in pauses so no word is split between two recognizers: once a chunk is half of
 * {@code maxChunk} long it ends in the middle of the next pause of {@value #CUT_PAUSE_FRAMES}0 ms;
 * any pause of a second or more ends it too, and the rest of that silence is never decoded, apart
 * from {@value #PAD_FRAMES}0 ms kept on each side of speech. Only when nobody pauses for {@code
 * maxChunk} is the chunk cut at its quietest frame of the last three seconds. Every decision
 * depends only on the audio, so the chunks are the same however many workers decode them.
 */
final class VoiceActivityChunker {

  static final int FRAME_MS = 10;
  static final int FRAME_BYTES =
      (int) PcmFormat.SPEECH.samples(FRAME_MS) * PcmFormat.BYTES_PER_SAMPLE;
  private static final int CUT_PAUSE_FRAMES = 30;
  private static final int SKIP_PAUSE_FRAMES = 100;
  private static final int PAD_FRAMES = 20;
  private static final int QUIET_SEARCH_FRAMES = 300;

  private record Frame(long index, byte[] pcm, double energyDb, boolean speech) {}

  private final InputStream in;
  private final int maxFrames;
  private final int softFrames;
  private final SpeechDetector detector = new SpeechDetector();

  /** The open chunk's frames, or while no chunk is open the padding before the next one. */
  private final ArrayDeque<Frame> pending = new ArrayDeque<>();

  private boolean open;
  private int silenceRun;
  private long nextFrame;
  private int nextChunk;
  private boolean ended;

  VoiceActivityChunker(InputStream in, Duration maxChunk) {
    this.in = in;
    this.maxFrames = (int) (maxChunk.toMillis() / FRAME_MS);
    this.softFrames = maxFrames / 2;
  }

  /** Returns the next chunk of speech, or null at the end of the stream. */
  @Nullable Chunk next() throws IOException {
    while (!ended) {
      Frame frame = read();
      if (frame == null) {
        ended = true;
        return open ? emit(pending.size() - Math.max(0, silenceRun - PAD_FRAMES), false) : null;
      }
      Chunk chunk = accept(frame);
      if (chunk != null) {
        return chunk;
      }
    }
    return null;
  }

  private @Nullable Chunk accept(Frame frame) {
    pending.addLast(frame);
    if (!open) {
      if (pending.size() > PAD_FRAMES) {
        pending.pollFirst();
      }
      open = frame.speech();
      silenceRun = 0;
      return null;
    }
    silenceRun = frame.speech() ? 0 : silenceRun + 1;
    if (silenceRun >= SKIP_PAUSE_FRAMES) {
      return emit(pending.size() - silenceRun + PAD_FRAMES, false);
    }
    if (pending.size() >= softFrames && silenceRun >= CUT_PAUSE_FRAMES) {
      return emit(pending.size() - silenceRun / 2, false);
    }
    if (pending.size() >= maxFrames) {
      return emit(quietestCut(), true);
    }
    return null;
  }

  /** The frame to cut before when nobody has paused: the quietest of the last few seconds. */
  private int quietestCut() {
    List<Frame> frames = new ArrayList<>(pending);
    int best = frames.size() - 1;
    for (int i = frames.size() - 1; i >= Math.max(1, frames.size() - QUIET_SEARCH_FRAMES); i--) {
      if (frames.get(i).energyDb() < frames.get(best).energyDb()) {
        best = i;
      }
    }
    return best;
  }

  /**
   * Returns the first {@code count} pending frames as a chunk; the rest stay pending, as the start
   * of a chunk still open if {@code stillOpen}, or else as padding for the next one.
   */
  private Chunk emit(int count, boolean stillOpen) {
    ByteArrayOutputStream pcm = new ByteArrayOutputStream(count * FRAME_BYTES);
    long firstFrame = pending.getFirst().index();
    for (int i = 0; i < count; i++) {
      pcm.writeBytes(pending.pollFirst().pcm());
    }
    open = stillOpen;
    silenceRun = 0;
    for (Frame rest : pending) {
      silenceRun = rest.speech() ? 0 : silenceRun + 1;
    }
    while (!open && pending.size() > PAD_FRAMES) {
      pending.pollFirst();
    }
    return new Chunk(nextChunk++, firstFrame * FRAME_MS, pcm.toByteArray());
  }

  private @Nullable Frame read() throws IOException {
    byte[] pcm = in.readNBytes(FRAME_BYTES);
    int length = pcm.length - pcm.length % 2;
    if (length == 0) {
      return null;
    }
    if (length != pcm.length) {
      pcm = Arrays.copyOf(pcm, length);
    }
    double energy = SpeechDetector.energyDb(pcm, length);
    return new Frame(nextFrame++, pcm, energy, detector.isSpeech(energy));
  }
}
