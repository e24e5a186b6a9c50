package dev.verbatim.transcribe.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.core.Segment;
import dev.verbatim.core.Word;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlossaryTests {

  /** A segment of {@code text}'s words, 300 ms each with 50 ms gaps, confidence falling. */
  static Segment segment(String id, String text) {
    List<Word> words = new ArrayList<>();
    long at = 1_000;
    double confidence = 0.9;
    for (String w : text.split(" ")) {
      words.add(new Word(w, at, at + 300, confidence));
      at += 350;
      confidence -= 0.05;
    }
    return new Segment(id, "S1", 1_000, at - 50, text, words);
  }

  static Glossary glossary(String... terms) {
    return Glossary.of(List.of(terms).stream().map(GlossaryTerm::new).toList());
  }

  @Test
  void regularToryBecomesRegulatorySpanningBothWords() {
    Segment segment = segment("seg-1", "the regular tory team met");

    Correction correction = glossary("regulatory").apply(List.of(segment));

    Segment corrected = correction.segments().get(0);
    assertThat(corrected.text()).isEqualTo("the regulatory team met");
    Word term = corrected.words().get(1);
    assertThat(term.startMs()).isEqualTo(segment.words().get(1).startMs());
    assertThat(term.endMs()).isEqualTo(segment.words().get(2).endMs());
    assertThat(term.confidence()).isEqualTo(segment.words().get(2).confidence());
    assertThat(correction.replacements())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.segmentId()).isEqualTo("seg-1");
              assertThat(r.wordIndex()).isEqualTo(1);
              assertThat(r.wordCount()).isEqualTo(2);
              assertThat(r.originalText()).isEqualTo("regular tory");
              assertThat(r.replacementText()).isEqualTo("regulatory");
            });
  }

  @Test
  void aPixieBanBecomesApixaban() {
    Correction correction =
        glossary("apixaban").apply(List.of(segment("seg-1", "we gave a pixie ban daily")));

    assertThat(correction.segments().get(0).text()).isEqualTo("we gave apixaban daily");
  }

  @Test
  void multiWordTermTakesOneWordPerTermWordSpreadByLetters() {
    Segment segment = segment("seg-1", "ask anna lima today");

    Segment corrected = glossary("Ana Lima").apply(List.of(segment)).segments().get(0);

    assertThat(corrected.text()).isEqualTo("ask Ana Lima today");
    Word ana = corrected.words().get(1);
    Word lima = corrected.words().get(2);
    assertThat(ana.startMs()).isEqualTo(1_350);
    assertThat(ana.endMs()).isEqualTo(lima.startMs());
    assertThat(lima.endMs()).isEqualTo(2_000);
    assertThat(lima.endMs() - lima.startMs()).isGreaterThan(ana.endMs() - ana.startMs());
  }

  @Test
  void wordsThatAlreadySpellTheTermAreNotReplaced() {
    Correction correction =
        glossary("regulatory", "Ana Lima")
            .apply(List.of(segment("seg-1", "the regulatory team and ana lima")));

    assertThat(correction.replacements()).isEmpty();
  }

  @Test
  void correctingTwiceChangesNothingMore() {
    Glossary glossary = glossary("apixaban");
    Correction once = glossary.apply(List.of(segment("seg-1", "a pixie ban works")));

    assertThat(glossary.apply(once.segments()).replacements()).isEmpty();
  }

  @Test
  void commonWordsAloneAreNeverReplaced() {
    Correction correction =
        glossary("Ay", "Thee", "Tu", "Ah").apply(List.of(segment("seg-1", "a the to oh a")));

    assertThat(correction.replacements()).isEmpty();
  }

  @Test
  void realWordsAndFormsOfTheTermAreLeftAlone() {
    Correction correction =
        glossary("regulatory", "Terraform")
            .apply(
                List.of(
                    segment("seg-1", "our regular meeting"),
                    segment("seg-2", "the regulator said no"),
                    segment("seg-3", "fill in the trip form")));

    assertThat(correction.replacements()).isEmpty();
  }

  @Test
  void replacementsNeverSpanTwoSegments() {
    Correction correction =
        glossary("regulatory")
            .apply(List.of(segment("seg-1", "it was regular"), segment("seg-2", "tory said")));

    assertThat(correction.replacements()).isEmpty();
  }

  @Test
  void revertPutsTheRecognisedWordsBack() {
    Segment original = segment("seg-1", "a pixie ban and regular tory");
    Correction correction = glossary("apixaban", "regulatory").apply(List.of(original));
    assertThat(correction.replacements()).hasSize(2);

    Segment corrected = correction.segments().get(0);
    Segment second = Glossary.revert(corrected, correction.replacements().get(1));
    Segment both = Glossary.revert(second, correction.replacements().get(0));

    assertThat(second.text()).isEqualTo("apixaban and regular tory");
    assertThat(both).isEqualTo(original);
  }

  @Test
  void revertAfterAnEditSaysWhy() {
    Correction correction =
        glossary("apixaban").apply(List.of(segment("seg-1", "a pixie ban works")));
    Segment edited = SegmentCorrection.correct(correction.segments().get(0), "Eliquis works");

    assertThatThrownBy(() -> Glossary.revert(edited, correction.replacements().get(0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no longer holds 'apixaban'");
    assertThatThrownBy(
            () -> Glossary.revert(segment("seg-9", "x"), correction.replacements().get(0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void termsAreValidated() {
    assertThatThrownBy(() -> new GlossaryTerm("  ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GlossaryTerm("x".repeat(101)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GlossaryTerm("one two three four"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GlossaryTerm("evil\u0000term"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new GlossaryTerm("  Ana \t Lima ").text()).isEqualTo("Ana Lima");
  }

  @Test
  void termsDifferingOnlyInCaseAreOne() {
    assertThat(glossary("Kubernetes", "kubernetes").terms())
        .containsExactly(new GlossaryTerm("Kubernetes"));
  }
}
