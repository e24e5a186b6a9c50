package dev.verbatim.transcribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WordErrorRateTests {

  @Test
  void identicalTextsHaveNoErrors() {
    assertThat(WordErrorRate.between("the budget review", "the budget review")).isZero();
  }

  @Test
  void caseAndPunctuationAreIgnored() {
    assertThat(
            WordErrorRate.between(
                "Good morning, everyone. I'll go!", "good morning everyone i'll go"))
        .isZero();
  }

  @Test
  void substitutionsInsertionsAndDeletionsCountOnceEach() {
    assertThat(WordErrorRate.between("a b c d", "a x c d")).isCloseTo(0.25, within(1e-9));
    assertThat(WordErrorRate.between("a b c d", "a b c d e")).isCloseTo(0.25, within(1e-9));
    assertThat(WordErrorRate.between("a b c d", "a c d")).isCloseTo(0.25, within(1e-9));
  }

  @Test
  void errorsAreDividedByTheReferenceLengthSoCanExceedOne() {
    assertThat(WordErrorRate.between("a", "x y z")).isCloseTo(3.0, within(1e-9));
  }

  @Test
  void emptyReferenceIsPerfectOnlyForEmptyHypothesis() {
    assertThat(WordErrorRate.between("", " ")).isZero();
    assertThat(WordErrorRate.between("...", "word")).isEqualTo(1.0);
  }
}
