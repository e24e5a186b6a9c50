package dev.verbatim.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SilenceGateTests {

  /** 10 ms at 16 kHz. */
  private static final int FRAME = 320;

  private static final long HANGOVER_MS = SilenceGate.HANGOVER_FRAMES * 10L;
  private static final long PREROLL_MS = SilenceGate.PREROLL_FRAMES * 10L;

  /** Records what the gate passes on: the audio heard, and where in the stream each pause fell. */
  private static final class Recorder implements SilenceGate.Listener {
    final SilenceGate gate;
    final ByteArrayOutputStream heard = new ByteArrayOutputStream();
    final List<Long> pausesAtMs = new ArrayList<>();

    Recorder(SilenceGate gate) {
      this.gate = gate;
    }

    @Override
    public void hear(byte[] pcm) {
      heard.writeBytes(pcm);
    }

    @Override
    public void pause() {
      pausesAtMs.add(Math.round(heard.size() / 32.0 + gate.skippedMillis()));
    }
  }

  private static Recorder pass(SilenceGate gate, byte[] pcm, int piece) {
    Recorder recorder = new Recorder(gate);
    for (int at = 0; at < pcm.length; at += piece) {
      byte[] part = new byte[Math.min(piece, pcm.length - at)];
      System.arraycopy(pcm, at, part, 0, part.length);
      gate.process(part, recorder);
    }
    gate.flush(recorder);
    return recorder;
  }

  /** Speech, a long pause in a quiet room, speech again. */
  private static byte[] twoUtterances() {
    return new Pcm()
        .noise(4000, 0.001)
        .tone(2000, 0.3)
        .noise(10_000, 0.001)
        .tone(2000, 0.3)
        .noise(1000, 0.001)
        .bytes();
  }

  @Test
  void aLongPauseIsHeldBackAfterTheUtteranceEnds() {
    SilenceGate gate = new SilenceGate(16_000);

    Recorder recorder = pass(gate, twoUtterances(), 48_000 / 3);

    long heardMs = recorder.heard.size() / 32L;
    assertThat(heardMs).isEqualTo(Math.round(gate.heardMillis()));
    // The quiet start until the hangover ends it; then each speech with the preroll before it and
    // the hangover after it.
    assertThat(heardMs).isEqualTo(HANGOVER_MS + 2 * (PREROLL_MS + 2000 + HANGOVER_MS));
    assertThat(recorder.pausesAtMs)
        .containsExactly(HANGOVER_MS, 6000 + HANGOVER_MS, 18_000 + HANGOVER_MS);
  }

  @Test
  void theUtteranceEndsFourHundredMillisecondsIntoThePause() {
    Recorder recorder = pass(new SilenceGate(16_000), twoUtterances(), 48_000 / 3);

    // The first speech ends 6,000 ms into the stream.
    assertThat(recorder.pausesAtMs.get(1)).isEqualTo(6000 + 400);
  }

  @Test
  void theSkippedTimeMovesLaterWordsBackToTheirPlaceInTheStream() {
    SilenceGate gate = new SilenceGate(16_000);
    byte[] pcm = twoUtterances();
    Recorder recorder = new Recorder(gate);
    double skippedWhenSecondSpeechWasHeard = -1;
    for (int at = 0; at < pcm.length; at += FRAME) {
      byte[] part = new byte[FRAME];
      System.arraycopy(pcm, at, part, 0, FRAME);
      gate.process(part, recorder);
      if (at / 32 == 16_500) {
        skippedWhenSecondSpeechWasHeard = gate.skippedMillis();
        // The second speech starts at 16,000 ms in the stream; on the recognizer's clock it starts
        // after all that was heard before it.
        long heardBefore = recorder.heard.size() / 32L - 500;
        assertThat(heardBefore + skippedWhenSecondSpeechWasHeard).isCloseTo(16_000, within(10));
      }
    }
    // Skipped: 0.4 s to 3.7 s, and 6.4 s to 15.7 s.
    assertThat(skippedWhenSecondSpeechWasHeard).isCloseTo(3300 + 9300, within(10));
  }

  @Test
  void howTheAudioIsCutIntoPiecesDoesNotMatter() {
    byte[] pcm = twoUtterances();

    Recorder whole = pass(new SilenceGate(16_000), pcm, pcm.length);
    Recorder odd = pass(new SilenceGate(16_000), pcm, 333);

    assertThat(odd.heard.toByteArray()).isEqualTo(whole.heard.toByteArray());
    assertThat(odd.pausesAtMs).isEqualTo(whole.pausesAtMs);
  }

  @Test
  void untilTheNoiseFloorIsKnownOnlyQuietCountsAsSilence() {
    // -40 dBFS: a noisy room, or a stream that opens with speech; measured only after 3 s.
    Recorder noisy = pass(new SilenceGate(16_000), new Pcm().noise(5000, 0.01).bytes(), 9600);
    // -60 dBFS: quiet from the first frame.
    Recorder quiet = pass(new SilenceGate(16_000), new Pcm().noise(5000, 0.001).bytes(), 9600);

    assertThat(noisy.pausesAtMs).containsExactly(3000 + HANGOVER_MS);
    assertThat(quiet.pausesAtMs).containsExactly(HANGOVER_MS);
  }

  @Test
  void quietSpeechInANoisyRoomStillPasses() {
    // A voice about 10 dB above the room's noise, in syllables that dip to the noise.
    Pcm room = new Pcm().noise(4000, 0.01);
    byte[] pcm = room.tone(3000, 0.045).noise(1000, 0.01).bytes();
    byte[] noiseOnly = new Pcm().noise(8000, 0.01).bytes();
    for (int i = 0; i < pcm.length; i += 2) {
      // The noise goes on under the voice.
      int s = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8));
      int n =
          i >= 128_000 && i < 224_000
              ? (short) ((noiseOnly[i] & 0xff) | (noiseOnly[i + 1] << 8))
              : 0;
      int sum = Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, s + n));
      pcm[i] = (byte) sum;
      pcm[i + 1] = (byte) (sum >> 8);
    }

    Recorder recorder = pass(new SilenceGate(16_000), pcm, 9600);

    // Held back only before the voice (after the floor was measured) and after it.
    assertThat(recorder.pausesAtMs).hasSize(2);
    assertThat(recorder.pausesAtMs.get(1)).isBetween(7000L, 7000L + HANGOVER_MS + 100);
  }

  private static org.assertj.core.data.Offset<Double> within(double ms) {
    return org.assertj.core.data.Offset.offset(ms);
  }
}
