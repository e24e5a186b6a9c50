package dev.verbatim.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Clustering of synthetic voices: Gaussian frames around a mean per voice. */
class SpeakerClusteringTests {

  private final Random random = new Random(7);

  /** A one-second window of {@code frames} frames of a voice centred on {@code mean}. */
  private VoiceStats window(double[] mean, double spread, int frames) {
    VoiceStats stats = new VoiceStats();
    double[] frame = new double[Mfcc.COEFFICIENTS];
    for (int f = 0; f < frames; f++) {
      for (int i = 0; i < frame.length; i++) {
        frame[i] = mean[i] + spread * random.nextGaussian();
      }
      stats.add(frame);
    }
    return stats;
  }

  private double[] voice() {
    double[] mean = new double[Mfcc.COEFFICIENTS];
    for (int i = 0; i < mean.length; i++) {
      mean[i] = 3 * random.nextGaussian();
    }
    return mean;
  }

  private static SpeakerClustering clustering() {
    return new SpeakerClustering(Diarizer.LAMBDA, Diarizer.MAX_SPEAKERS);
  }

  @Test
  void windowsOfThreeVoicesFormThreeClustersNumberedInOrderOfAppearance() {
    double[][] voices = {voice(), voice(), voice()};
    int[] truth = {1, 1, 0, 0, 0, 2, 2, 1, 1, 0, 2, 2, 2, 0, 1};
    List<VoiceStats> windows = new ArrayList<>();
    for (int v : truth) {
      windows.add(window(voices[v], 2, 80));
    }

    int[] labels = clustering().cluster(windows);

    assertThat(labels).containsExactly(0, 0, 1, 1, 1, 2, 2, 0, 0, 1, 2, 2, 2, 1, 0);
  }

  @Test
  void hoursOfTurnsAreMergedAlongTimeFirstAndStillTellTheVoicesApart() {
    // Two hours of one-second windows, four voices taking turns of 5 to 40 seconds.
    double[][] voices = {voice(), voice(), voice(), voice()};
    List<VoiceStats> windows = new ArrayList<>();
    List<Integer> truth = new ArrayList<>();
    while (windows.size() < 7200) {
      int v = random.nextInt(voices.length);
      int turn = 5 + random.nextInt(36);
      for (int k = 0; k < turn; k++) {
        windows.add(window(voices[v], 2, 60));
        truth.add(v);
      }
    }

    int[] labels = clustering().cluster(windows);

    assertThat(labels.length).isGreaterThan(SpeakerClustering.MAX_FREE);
    assertThat(Arrays.stream(labels).distinct().count()).isEqualTo(4);
    int[] voiceOf = new int[4];
    Arrays.fill(voiceOf, -1);
    int agree = 0;
    for (int i = 0; i < labels.length; i++) {
      if (voiceOf[labels[i]] < 0) {
        voiceOf[labels[i]] = truth.get(i);
      }
      agree += voiceOf[labels[i]] == truth.get(i) ? 1 : 0;
    }
    assertThat((double) agree / labels.length).isGreaterThan(0.95);
  }

  @Test
  void oneVoiceStaysOneCluster() {
    double[] voice = voice();
    List<VoiceStats> windows = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      windows.add(window(voice, 2, 40 + random.nextInt(60)));
    }

    int[] labels = clustering().cluster(windows);

    assertThat(Arrays.stream(labels).distinct().count()).isEqualTo(1);
  }

  @Test
  void voicesThatDifferOnlyInSpreadAreToldApart() {
    double[] mean = voice();
    List<VoiceStats> windows = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      windows.add(window(mean, i % 2 == 0 ? 1 : 4, 100));
    }

    int[] labels = clustering().cluster(windows);

    for (int i = 0; i < labels.length; i++) {
      assertThat(labels[i]).as("window %d", i).isEqualTo(i % 2);
    }
  }

  @Test
  void neverMoreClustersThanTheLimit() {
    List<VoiceStats> windows = new ArrayList<>();
    for (int v = 0; v < 12; v++) {
      double[] voice = voice();
      for (int i = 0; i < 3; i++) {
        windows.add(window(voice, 1, 100));
      }
    }

    int[] labels = new SpeakerClustering(Diarizer.LAMBDA, 8).cluster(windows);

    assertThat(Arrays.stream(labels).distinct().count()).isEqualTo(8);
  }

  @Test
  void noWindowsMakeNoClusters() {
    assertThat(clustering().cluster(List.of())).isEmpty();
  }
}
