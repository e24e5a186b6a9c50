package dev.verbatim.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.Word;
import dev.verbatim.transcribe.SpeakerFeatures.VoiceWindow;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Words get the speaker of their window; changes are smoothed and moved to pauses. */
class DiarizerTests {

  private final Random random = new Random(3);
  private final double[][] voices = {voice(), voice()};

  private double[] voice() {
    double[] mean = new double[Mfcc.COEFFICIENTS];
    for (int i = 0; i < mean.length; i++) {
      mean[i] = 3 * random.nextGaussian();
    }
    return mean;
  }

  /** One window per second, each spoken by the voice its letter names: 'a' or 'b'. */
  private List<VoiceWindow> windows(String who) {
    List<VoiceWindow> windows = new ArrayList<>();
    for (int s = 0; s < who.length(); s++) {
      VoiceStats stats = new VoiceStats();
      double[] frame = new double[Mfcc.COEFFICIENTS];
      for (int f = 0; f < 80; f++) {
        for (int i = 0; i < frame.length; i++) {
          frame[i] = voices[who.charAt(s) - 'a'][i] + 2 * random.nextGaussian();
        }
        stats.add(frame);
      }
      windows.add(new VoiceWindow(s * 1000L, s * 1000L + 1000, stats));
    }
    return windows;
  }

  private static Word word(String text, long startMs, long endMs) {
    return new Word(text, startMs, endMs, 1);
  }

  private static List<String> speakers(Diarizer.Diarization d) {
    List<String> out = new ArrayList<>();
    for (Track track : d.tracks()) {
      for (Word w : track.words()) {
        out.add(w.text() + ":" + track.speakerId());
      }
    }
    return out;
  }

  @Test
  void speakersAreNumberedInOrderOfFirstWordsAndEachTurnIsATrack() {
    List<Word> words =
        List.of(
            word("one", 100, 800),
            word("two", 1100, 1800),
            word("three", 2100, 2800),
            word("four", 3100, 3800),
            word("five", 4100, 4800),
            word("six", 5100, 5800));

    Diarizer.Diarization d = new Diarizer().diarize(words, windows("bbaabb"));

    assertThat(speakers(d))
        .containsExactly("one:S1", "two:S1", "three:S2", "four:S2", "five:S1", "six:S1");
    assertThat(d.tracks()).extracting(Track::speakerId).containsExactly("S1", "S2", "S1");
    assertThat(d.speakers()).isEqualTo(2);
    assertThat(d.turns())
        .containsExactly(
            new Diarizer.Turn("S1", 0, 2000),
            new Diarizer.Turn("S2", 2000, 4000),
            new Diarizer.Turn("S1", 4000, 6000));
  }

  @Test
  void aLoneSecondBetweenTwoOfOneSpeakerIsTheirs() {
    List<Word> words =
        List.of(word("one", 200, 700), word("two", 1200, 1700), word("x", 2200, 2700));

    Diarizer.Diarization d = new Diarizer().diarize(words, windows("aaaaabaaaaa"));

    assertThat(d.speakers()).isEqualTo(1);
    assertThat(d.turns()).containsExactly(new Diarizer.Turn("S1", 0, 11_000));
  }

  @Test
  void aChangeOfSpeakerMovesToTheLongestPauseNearby() {
    // The windows change at 3000 ms, but the words pause longest between 2350 and 2900 ms.
    List<Word> words =
        List.of(
            word("so", 1000, 1400),
            word("that", 1450, 1900),
            word("is", 1950, 2350),
            word("yes", 2900, 3200),
            word("agreed", 3250, 3700),
            word("then", 3750, 4200),
            word("go", 4250, 4600));

    Diarizer.Diarization d = new Diarizer().diarize(words, windows("aaabbb"));

    assertThat(speakers(d))
        .containsExactly("so:S1", "that:S1", "is:S1", "yes:S2", "agreed:S2", "then:S2", "go:S2");
  }

  @Test
  void wordsOutsideEveryWindowTakeTheNearest() {
    List<Word> words = List.of(word("early", 100, 300), word("late", 8200, 8500));

    Diarizer.Diarization d = new Diarizer().diarize(words, windows("aaaabbbb").subList(1, 7));

    assertThat(speakers(d)).containsExactly("early:S1", "late:S2");
  }

  @Test
  void withoutSpeechEverythingIsOneSpeaker() {
    List<Word> words = List.of(word("hm", 100, 300));

    Diarizer.Diarization d = new Diarizer().diarize(words, List.of());

    assertThat(speakers(d)).containsExactly("hm:S1");
    assertThat(new Diarizer().diarize(List.of(), List.of()).tracks()).isEmpty();
  }
}
