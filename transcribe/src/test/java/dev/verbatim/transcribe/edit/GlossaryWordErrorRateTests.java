package dev.verbatim.transcribe.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.Segment;
import dev.verbatim.core.Transcript;
import dev.verbatim.core.Word;
import dev.verbatim.testsupport.Line;
import dev.verbatim.testsupport.ScriptedMeeting;
import dev.verbatim.testsupport.SpeechModel;
import dev.verbatim.testsupport.Voice;
import dev.verbatim.transcribe.Track;
import dev.verbatim.transcribe.TranscribeProperties;
import dev.verbatim.transcribe.Transcriber;
import dev.verbatim.transcribe.TranscriptAssembler;
import dev.verbatim.transcribe.WordErrorRate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A flite meeting full of product and drug names the small English model does not know, recognised
 * and then corrected with a glossary of those names.
 */
@Tag("slow")
class GlossaryWordErrorRateTests {

  private static final Logger log = LoggerFactory.getLogger(GlossaryWordErrorRateTests.class);

  static final List<Line> SCRIPT =
      List.of(
          new Line("ana", Voice.SLT, "Good morning everyone. Let us start with the budget.", 600),
          new Line("bob", Voice.AWB, "Run the Terraform plan before the Kubernetes upgrade.", 700),
          new Line("carl", Voice.RMS, "Keytruda and Opdivo compete in this market.", 700),
          new Line("dana", Voice.KAL, "The apixaban study closes in June.", 700),
          new Line("ana", Voice.SLT, "The Datadog alerts fired twice last night.", 700),
          new Line("bob", Voice.AWB, "The Figma mockups are ready for the Postgres team.", 700),
          new Line(
              "carl", Voice.RMS, "We store the files in Dropbox and track work in GitLab.", 700),
          new Line("dana", Voice.KAL, "I will update the customer documentation.", 800),
          new Line("ana", Voice.SLT, "Our regular meeting moves to Tuesday.", 700),
          new Line("bob", Voice.AWB, "The regulatory review of Opdivo starts next week.", 400));

  static final List<GlossaryTerm> GLOSSARY =
      List.of(
              "Terraform",
              "Kubernetes",
              "Keytruda",
              "Opdivo",
              "apixaban",
              "Datadog",
              "Figma",
              "Postgres",
              "Dropbox",
              "GitLab",
              "regulatory")
          .stream()
          .map(GlossaryTerm::new)
          .toList();

  @TempDir Path dir;

  @Test
  void glossaryLowersWordErrorRateWithoutBreakingCorrectWords() throws IOException {
    ScriptedMeeting meeting = ScriptedMeeting.render(SCRIPT, dir.resolve("meeting"));
    List<Segment> recognised = transcribe(meeting.mixed());

    Correction correction = Glossary.of(GLOSSARY).apply(recognised);

    String reference = meeting.referenceText();
    String before = text(recognised);
    String after = text(correction.segments());
    double werBefore = WordErrorRate.between(reference, before);
    double werAfter = WordErrorRate.between(reference, after);
    int broken = brokenWords(reference, before, after);
    correction
        .replacements()
        .forEach(r -> log.info("Replaced '{}' by '{}'", r.originalText(), r.replacementText()));
    log.info(
        String.format(
            Locale.ROOT,
            "Glossary WER %.3f -> %.3f, %d replacements, %d correct words broken%n before: %s%n"
                + " after:  %s",
            werBefore,
            werAfter,
            correction.replacements().size(),
            broken,
            before,
            after));
    assertThat(werAfter).isLessThan(werBefore);
    assertThat(broken).isZero();
  }

  /** Reference words recognised right before the correction and wrong after it. */
  private static int brokenWords(String reference, String before, String after) {
    boolean[] rightBefore = recognisedRight(words(reference), words(before));
    boolean[] rightAfter = recognisedRight(words(reference), words(after));
    int broken = 0;
    for (int i = 0; i < rightBefore.length; i++) {
      broken += rightBefore[i] && !rightAfter[i] ? 1 : 0;
    }
    return broken;
  }

  /** Which reference words a minimum edit alignment pairs with an equal recognised word. */
  private static boolean[] recognisedRight(List<String> ref, List<String> hyp) {
    int[][] cost = new int[ref.size() + 1][hyp.size() + 1];
    for (int i = 0; i <= ref.size(); i++) {
      for (int j = 0; j <= hyp.size(); j++) {
        if (i == 0 || j == 0) {
          cost[i][j] = i + j;
        } else {
          int diagonal = cost[i - 1][j - 1] + (ref.get(i - 1).equals(hyp.get(j - 1)) ? 0 : 1);
          cost[i][j] = Math.min(diagonal, Math.min(cost[i - 1][j], cost[i][j - 1]) + 1);
        }
      }
    }
    boolean[] right = new boolean[ref.size()];
    int i = ref.size();
    int j = hyp.size();
    while (i > 0 && j > 0) {
      boolean same = ref.get(i - 1).equals(hyp.get(j - 1));
      if (cost[i][j] == cost[i - 1][j - 1] + (same ? 0 : 1)) {
        right[i - 1] = same;
        i--;
        j--;
      } else if (cost[i][j] == cost[i - 1][j] + 1) {
        i--;
      } else {
        j--;
      }
    }
    return right;
  }

  private static List<String> words(String text) {
    return java.util.Arrays.stream(text.split("\\s+"))
        .map(Spelling::letters)
        .filter(w -> !w.isEmpty())
        .toList();
  }

  private static List<Segment> transcribe(Path wav) throws IOException {
    byte[] pcm;
    try (InputStream in = javax.sound.sampled.AudioSystem.getAudioInputStream(wav.toFile())) {
      pcm = in.readAllBytes();
    } catch (javax.sound.sampled.UnsupportedAudioFileException e) {
      throw new IOException(wav + " is not a WAV file", e);
    }
    try (Transcriber transcriber =
        new Transcriber(TranscribeProperties.defaults(SpeechModel.english().getParent()))) {
      List<Word> words =
          transcriber.transcribe(new ByteArrayInputStream(pcm), "en", pcm.length / 32, 2, p -> {});
      Transcript transcript =
          new TranscriptAssembler(Duration.ofMillis(700), Duration.ofSeconds(30))
              .assemble(List.of(new Track("S1", null, words)));
      return transcript.segments();
    }
  }

  private static String text(List<Segment> segments) {
    return segments.stream().map(Segment::text).collect(Collectors.joining(" "));
  }
}
