package dev.verbatim.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.Word;
import dev.verbatim.testsupport.Line;
import dev.verbatim.testsupport.ReadSpeech;
import dev.verbatim.testsupport.ScriptedMeeting;
import dev.verbatim.testsupport.SpeechModel;
import dev.verbatim.testsupport.SpokenLine;
import dev.verbatim.testsupport.Voice;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures diarization on flite meetings with known speakers and on one real reader: diarization
 * error rate, speakers found and the share of words given their true speaker.
 */
class DiarizationTests {

  private static final Logger log = LoggerFactory.getLogger(DiarizationTests.class);

  /** The penalty weights around {@link Diarizer#LAMBDA} whose figures are logged too. */
  private static final double[] LAMBDAS = {2, 3, 3.5, 4, 5, 6, 8};

  @TempDir static Path dir;
  private static Transcriber transcriber;

  @BeforeAll
  static void load() {
    transcriber = new Transcriber(TranscribeProperties.defaults(SpeechModel.english().getParent()));
  }

  @AfterAll
  static void close() {
    transcriber.close();
  }

  /** Two minutes of four people, with short and long turns and the same voice back to back. */
  static List<Line> longMeeting() {
    Voice[] voices = {Voice.SLT, Voice.AWB, Voice.RMS, Voice.KAL};
    String[] names = {"ana", "bob", "carl", "dana"};
    String[] texts = {
      "Good afternoon everyone, thanks for joining the planning meeting.",
      "Happy to be here. I have a few points about the migration.",
      "Before that, can we look at the support tickets from last week?",
      "Sure. We closed forty tickets and twelve are still open.",
      "Most of the open ones are about the login page.",
      "I can take the login issues. They look related to the cache.",
      "Good. Please write down what you find in the tracker.",
      "Now the migration. The database copy takes about six hours.",
      "That is too long for a weekend window.",
      "We could copy the archive tables first, a week early.",
      "Yes, that would cut it to two hours.",
      "Who will test the copy on the staging server?",
      "I will do it on Wednesday.",
      "Thank you. Then we also need a rollback plan.",
      "I wrote a rollback plan last month, I will update it.",
      "Great. Let us talk about the budget for the new laptops.",
      "Finance approved eight laptops, not ten.",
      "Then the two interns keep their old machines until spring.",
      "One more thing about the laptops. Who orders them?",
      "I can order them this afternoon, the supplier is quick.",
      "Please check that they come with the docking stations.",
      "They do, I asked last time.",
      "Good. What about the training for the new support staff?",
      "The training starts on the fifteenth and lasts three days.",
      "I will prepare the slides for the first day.",
      "And I can do the session about the ticket system.",
      "Perfect. Let us share the agenda by Friday.",
      "Agreed. Anything else for today?",
      "Only a reminder that the office is closed on Monday.",
      "Right, the holiday. Thanks everyone, see you next week.",
      "Bye everyone.",
    };
    int[] who = {
      0, 1, 0, 2, 2, 3, 0, 1, 0, 3, 1, 0, 2, 0, 3, 0, 1, 2, 2, 1, 0, 1, 0, 3, 2, 3, 0, 0, 3, 0, 1
    };
    long[] pauses = {500, 400, 700, 300, 900, 500, 600, 400, 500, 800, 300, 500, 600, 400, 700};
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      lines.add(new Line(names[who[i]], voices[who[i]], texts[i], pauses[i % pauses.length]));
    }
    return lines;
  }

  @Test
  void standupFindsItsFourSpeakers() {
    Figures f = measure("standup", ScriptedMeeting.standup());

    // Measured: DER 0.000, 4 speakers, word accuracy 1.000.
    assertThat(f.speakers()).isBetween(3, 5);
    assertThat(f.der()).isLessThanOrEqualTo(0.15);
    assertThat(f.wordAccuracy()).isGreaterThanOrEqualTo(0.85);
  }

  @Test
  void longMeetingFindsItsFourSpeakers() {
    Figures f = measure("long meeting", longMeeting());

    // Measured: DER 0.040, 4 speakers, word accuracy 0.960.
    assertThat(f.speakers()).isBetween(3, 5);
    assertThat(f.der()).isLessThanOrEqualTo(0.15);
    assertThat(f.wordAccuracy()).isGreaterThanOrEqualTo(0.85);
  }

  @Test
  void oneRealReaderIsNotSplitIntoManySpeakers() {
    ByteArrayOutputStream audio = new ByteArrayOutputStream();
    for (ReadSpeech.Clip clip : ReadSpeech.librivox()) {
      audio.writeBytes(Pcm.wav(clip.wav()));
      audio.writeBytes(new byte[Pcm.RATE]);
    }
    byte[] pcm = audio.toByteArray();
    Transcriber.Recognised r = recognise(pcm);
    for (double lambda : LAMBDAS) {
      Diarizer.Diarization d = new Diarizer(lambda).diarize(r.words(), r.windows());
      log.info("librivox lambda={}: {} speakers", lambda, d.speakers());
    }
    Diarizer.Diarization d = new Diarizer().diarize(r.words(), r.windows());
    log.info("librivox ({} windows): {} speakers found", r.windows().size(), d.speakers());

    // Measured: 1 speaker.
    assertThat(d.speakers()).isBetween(1, 2);
  }

  record Figures(double der, int speakers, double wordAccuracy) {}

  private static Transcriber.Recognised recognise(byte[] pcm) {
    return transcriber.recognise(new ByteArrayInputStream(pcm), "en", Pcm.millis(pcm), 2, p -> {});
  }

  private static Figures measure(String name, List<Line> script) {
    ScriptedMeeting meeting = ScriptedMeeting.render(script, dir.resolve(name.replace(' ', '-')));
    byte[] pcm = Pcm.wav(meeting.mixed());
    Transcriber.Recognised r = recognise(pcm);
    for (double lambda : LAMBDAS) {
      Figures f = figures(meeting.spoken(), new Diarizer(lambda).diarize(r.words(), r.windows()));
      log.info("{} lambda={}: {}", name, lambda, f);
    }
    Figures f = figures(meeting.spoken(), new Diarizer().diarize(r.words(), r.windows()));
    log.info(
        String.format(
            Locale.ROOT,
            "%s (%d s, %d true speakers, %d windows): DER %.3f, %d speakers found, word speaker"
                + " accuracy %.3f",
            name,
            Pcm.millis(pcm) / 1000,
            meeting.spoken().stream().map(l -> l.line().speaker()).distinct().count(),
            r.windows().size(),
            f.der(),
            f.speakers(),
            f.wordAccuracy()));
    return f;
  }

  /**
   * Scores time within the scripted lines, 10 ms at a time, against the turn of the windows that
   * covers it (or the nearest turn), after the best one-to-one mapping of found to true speakers.
   */
  private static Figures figures(List<SpokenLine> spoken, Diarizer.Diarization d) {
    Map<String, Map<String, Long>> overlap = new HashMap<>();
    long total = 0;
    for (SpokenLine line : spoken) {
      for (long t = line.startMs(); t < line.endMs(); t += 10) {
        String hyp = turnAt(d.turns(), t);
        overlap
            .computeIfAbsent(line.line().speaker(), k -> new HashMap<>())
            .merge(hyp, 10L, Long::sum);
        total += 10;
      }
    }
    List<String> truths = new ArrayList<>(overlap.keySet());
    List<String> found =
        new ArrayList<>(
            new LinkedHashSet<>(d.turns().stream().map(Diarizer.Turn::speakerId).toList()));
    Map<String, String> mapping = new HashMap<>();
    long matched = bestMapping(truths, 0, found, overlap, new HashMap<>(), mapping);
    int right = 0;
    int words = 0;
    for (Track track : d.tracks()) {
      for (Word w : track.words()) {
        long mid = (w.startMs() + w.endMs()) / 2;
        SpokenLine truth = spoken.get(0);
        for (SpokenLine line : spoken) {
          if (distance(line, mid) < distance(truth, mid)) {
            truth = line;
          }
        }
        words++;
        if (track.speakerId().equals(mapping.get(truth.line().speaker()))) {
          right++;
        }
      }
    }
    return new Figures(
        1 - (double) matched / total, d.speakers(), words == 0 ? 0 : (double) right / words);
  }

  private static long distance(SpokenLine line, long ms) {
    return ms < line.startMs() ? line.startMs() - ms : Math.max(0, ms - line.endMs());
  }

  private static String turnAt(List<Diarizer.Turn> turns, long ms) {
    Diarizer.Turn best = null;
    long bestDistance = Long.MAX_VALUE;
    for (Diarizer.Turn turn : turns) {
      long dist = ms < turn.startMs() ? turn.startMs() - ms : Math.max(0, ms - turn.endMs() + 1);
      if (dist < bestDistance) {
        best = turn;
        bestDistance = dist;
      }
    }
    return best == null ? "" : best.speakerId();
  }

  /** Exhaustive one-to-one mapping of true speakers to found ones that maximises shared time. */
  private static long bestMapping(
      List<String> truths,
      int i,
      List<String> found,
      Map<String, Map<String, Long>> overlap,
      Map<String, String> current,
      Map<String, String> best) {
    if (i == truths.size()) {
      long sum = 0;
      for (Map.Entry<String, String> e : current.entrySet()) {
        sum += overlap.get(e.getKey()).getOrDefault(e.getValue(), 0L);
      }
      long bestSum = -1;
      if (!best.isEmpty() || current.isEmpty()) {
        bestSum = 0;
        for (Map.Entry<String, String> e : best.entrySet()) {
          bestSum += overlap.get(e.getKey()).getOrDefault(e.getValue(), 0L);
        }
      }
      if (sum > bestSum) {
        best.clear();
        best.putAll(current);
      }
      return Math.max(sum, bestSum);
    }
    long result = bestMapping(truths, i + 1, found, overlap, current, best);
    for (String f : found) {
      if (!current.containsValue(f)) {
        current.put(truths.get(i), f);
        result = Math.max(result, bestMapping(truths, i + 1, found, overlap, current, best));
        current.remove(truths.get(i));
      }
    }
    return result;
  }
}
