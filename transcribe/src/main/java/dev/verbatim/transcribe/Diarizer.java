package dev.verbatim.transcribe;

import dev.verbatim.core.Word;
import dev.verbatim.transcribe.SpeakerFeatures.VoiceWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Tells who speaks when in a mixed recording: clusters its one-second windows of speech by voice,
 * smooths the result, and gives every word the speaker of the window it lies in.
 *
 * <p>Speakers are numbered {@code S1}, {@code S2}... in order of first appearance. A speaker change
 * is moved to the longest pause between words within a second of where the windows put it, since
 * people take turns at pauses and the windows' grid does not.
 */
final class Diarizer {

  /**
   * The weight of the criterion's penalty (classically 1). Measured on flite meetings and read
   * speech (see docs/adr/0003-diarization.md): from 3.5 to 5 every test recording gets its true
   * number of speakers; below, one reader splits in two; from 6, two flite voices merge.
   */
  static final double LAMBDA = 4;

  static final int MAX_SPEAKERS = 8;

  /** A change of speaker is moved no further than this to reach a pause. */
  private static final long SNAP_MS = 1000;

  /** Who speaks from {@code startMs} to {@code endMs}, by the windows. */
  record Turn(String speakerId, long startMs, long endMs) {}

  /** The words grouped into turns, one track per turn, and the windows' turns. */
  record Diarization(List<Track> tracks, List<Turn> turns, int speakers) {}

  private final SpeakerClustering clustering;

  Diarizer() {
    this(LAMBDA);
  }

  Diarizer(double lambda) {
    this.clustering = new SpeakerClustering(lambda, MAX_SPEAKERS);
  }

  Diarization diarize(List<Word> words, List<VoiceWindow> windows) {
    if (windows.isEmpty()) {
      return new Diarization(
          words.isEmpty() ? List.of() : List.of(new Track("S1", null, words)),
          List.of(),
          words.isEmpty() ? 0 : 1);
    }
    int[] labels = clustering.cluster(windows.stream().map(VoiceWindow::stats).toList());
    smooth(labels);
    int[] wordLabels = new int[words.size()];
    for (int i = 0; i < words.size(); i++) {
      Word w = words.get(i);
      wordLabels[i] = labels[windowAt(windows, (w.startMs() + w.endMs()) / 2)];
    }
    snapToPauses(words, wordLabels);
    // Ids in order of first appearance among the words; clusters without words get none.
    int[] ids = new int[windows.size()];
    int next = 0;
    for (int label : wordLabels) {
      if (ids[label] == 0) {
        ids[label] = ++next;
      }
    }
    for (int label : labels) {
      if (ids[label] == 0) {
        ids[label] = ++next;
      }
    }
    List<Track> tracks = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= words.size(); i++) {
      if (i == words.size() || wordLabels[i] != wordLabels[start]) {
        tracks.add(new Track("S" + ids[wordLabels[start]], null, words.subList(start, i)));
        start = i;
      }
    }
    List<Turn> turns = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      String id = "S" + ids[labels[i]];
      VoiceWindow w = windows.get(i);
      @Nullable Turn last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
      if (last != null && last.speakerId().equals(id) && last.endMs() == w.startMs()) {
        turns.set(turns.size() - 1, new Turn(id, last.startMs(), w.endMs()));
      } else {
        turns.add(new Turn(id, w.startMs(), w.endMs()));
      }
    }
    int speakers = (int) Arrays.stream(wordLabels).distinct().count();
    return new Diarization(tracks, turns, words.isEmpty() ? 0 : speakers);
  }

  /**
   * A lone window between two of one other speaker is taken as theirs: a second is too short to be
   * sure of a voice, and windows that straddle a change of speaker sound like neither.
   */
  private static void smooth(int[] labels) {
    for (int i = 1; i + 1 < labels.length; i++) {
      if (labels[i - 1] == labels[i + 1] && labels[i] != labels[i - 1]) {
        labels[i] = labels[i - 1];
      }
    }
  }

  /** Returns the index of the window that holds {@code ms}, or else the nearest one. */
  private static int windowAt(List<VoiceWindow> windows, long ms) {
    int lo = 0;
    int hi = windows.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (windows.get(mid).endMs() <= ms) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo > 0 && windows.get(lo).startMs() > ms) {
      long before = ms - windows.get(lo - 1).endMs();
      long after = windows.get(lo).startMs() - ms;
      return before < after ? lo - 1 : lo;
    }
    return lo;
  }

  /** Moves each change of speaker to the longest pause between words near it. */
  private static void snapToPauses(List<Word> words, int[] labels) {
    int previousChange = 0;
    for (int c = 1; c < labels.length; c++) {
      if (labels[c] == labels[c - 1]) {
        continue;
      }
      int nextChange = c + 1;
      while (nextChange < labels.length && labels[nextChange] == labels[c]) {
        nextChange++;
      }
      long at = words.get(c).startMs();
      int best = c;
      long bestGap = gapBefore(words, c);
      for (int j = previousChange + 1; j < nextChange; j++) {
        long gap = gapBefore(words, j);
        boolean near =
            Math.abs(words.get(j).startMs() - at) <= SNAP_MS
                || Math.abs(words.get(j - 1).endMs() - at) <= SNAP_MS;
        if (near && gap > bestGap) {
          best = j;
          bestGap = gap;
        }
      }
      int before = labels[c - 1];
      int after = labels[c];
      for (int j = previousChange; j < nextChange; j++) {
        labels[j] = j < best ? before : after;
      }
      previousChange = best;
      c = Math.max(c, best);
    }
  }

  private static long gapBefore(List<Word> words, int i) {
    return words.get(i).startMs() - words.get(i - 1).endMs();
  }
}
