package dev.verbatim.minutes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.Meeting;
import dev.verbatim.core.Minutes;
import dev.verbatim.core.Speaker;
import dev.verbatim.core.SpeakerIdentification;
import dev.verbatim.testsupport.evaluation.EvaluationMeeting;
import dev.verbatim.testsupport.evaluation.EvaluationSet;
import dev.verbatim.testsupport.evaluation.MeetingScore;
import dev.verbatim.testsupport.evaluation.Scorer;
import dev.verbatim.testsupport.evaluation.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names from the conversation, measured the way a mixed recording arrives: the scripted meetings'
 * clean text with every speaker unnamed (S1, S2, …). Counts how many namings are right when applied
 * and when only suggested, and how many action items then have the right owner. Writes the figures
 * to {@code target/speaker-names-<set>.txt}.
 */
class SpeakerNamesEvaluationTests {

  private final MinutesWriter writer = new MinutesWriter(MinutesProperties.defaults());

  @ParameterizedTest
  @ValueSource(strings = {"eval/minutes", "eval/minutes-holdout"})
  void namesFromTheConversationAreRightWhenApplied(String set) throws IOException {
    int appliedRight = 0, appliedWrong = 0, suggestedRight = 0, suggestedWrong = 0;
    List<MeetingScore> named = new ArrayList<>();
    List<MeetingScore> unnamed = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (EvaluationMeeting meeting : EvaluationSet.load(EvaluationSet.directory(set))) {
      Meeting clean = meeting.cleanTranscript();
      Map<String, String> truth = new HashMap<>();
      clean.speakers().forEach(s -> truth.put(s.id(), s.name()));
      Meeting anonymous =
          clean.withSpeakers(
              clean.speakers().stream()
                  .map(s -> new Speaker(s.id(), null, s.talkTimeMs()))
                  .toList());
      Minutes minutes = writer.write(anonymous);
      named.add(Scorer.score(meeting, meeting.syntheticTimeline(), writer.write(clean)));
      unnamed.add(Scorer.score(meeting, meeting.syntheticTimeline(), minutes));
      for (SpeakerIdentification naming : minutes.identifiedSpeakers()) {
        boolean right = naming.name().equalsIgnoreCase(truth.get(naming.speakerId()));
        if (naming.applied()) {
          appliedRight += right ? 1 : 0;
          appliedWrong += right ? 0 : 1;
        } else {
          suggestedRight += right ? 1 : 0;
          suggestedWrong += right ? 0 : 1;
        }
        if (!right) {
          wrong.add(
              meeting.name()
                  + ": "
                  + naming.speakerId()
                  + " ("
                  + truth.get(naming.speakerId())
                  + ") named "
                  + naming.name()
                  + " at "
                  + naming.confidence()
                  + ": "
                  + naming.evidence());
        }
      }
    }
    Summary withNames = Summary.of(named);
    Summary withoutNames = Summary.of(unnamed);
    List<String> report = new ArrayList<>();
    report.add(
        String.format(
            Locale.ROOT,
            "%s: namings applied %d right, %d wrong; suggested %d right, %d wrong;"
                + " owner right %.2f with speakers named, %.2f unnamed",
            set,
            appliedRight,
            appliedWrong,
            suggestedRight,
            suggestedWrong,
            withNames.ownerAccuracy(),
            withoutNames.ownerAccuracy()));
    report.addAll(wrong);
    Path out = Path.of("target/speaker-names-" + Path.of(set).getFileName() + ".txt");
    Files.createDirectories(out.getParent());
    Files.write(out, report);
    System.out.println(String.join("\n", report));

    // A wrong name given without asking misleads every owner it touches.
    assertThat(appliedWrong).isLessThanOrEqualTo(appliedRight / 10);
  }
}
