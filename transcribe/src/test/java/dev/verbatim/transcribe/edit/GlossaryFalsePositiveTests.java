package dev.verbatim.transcribe.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.Segment;
import dev.verbatim.testsupport.evaluation.EvaluationMeeting;
import dev.verbatim.testsupport.evaluation.EvaluationSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The glossary over meetings that never mention its terms: every replacement there breaks a word
 * that was said correctly.
 */
class GlossaryFalsePositiveTests {

  private static final Logger log = LoggerFactory.getLogger(GlossaryFalsePositiveTests.class);

  static final List<GlossaryTerm> TERMS =
      List.of(
              "apixaban",
              "rivaroxaban",
              "regulatory",
              "pharmacovigilance",
              "Kubernetes",
              "Ana Lima",
              "Grafana",
              "Terraform",
              "Postgres",
              "pembrolizumab",
              "Siobhan Nguyen",
              "dossier",
              "European Medicines Agency",
              "Opdivo",
              "Keytruda",
              "GitLab",
              "Datadog",
              "Figma")
          .stream()
          .map(GlossaryTerm::new)
          .toList();

  @Test
  void correctTranscriptsWithoutTheTermsAreLeftAlone() {
    List<Segment> segments = new ArrayList<>();
    for (String set : List.of("eval/minutes", "eval/minutes-holdout")) {
      for (EvaluationMeeting meeting : EvaluationSet.load(EvaluationSet.directory(set))) {
        segments.addAll(meeting.cleanTranscript().segments());
      }
    }
    long words = segments.stream().mapToLong(s -> s.words().size()).sum();

    Correction correction = Glossary.of(TERMS).apply(segments);

    correction
        .replacements()
        .forEach(r -> System.out.println("FP: " + r.originalText() + " -> " + r.replacementText()));
    System.out.println("Words " + words + ", replacements " + correction.replacements().size());
    assertThat(correction.replacements()).isEmpty();
  }
}
