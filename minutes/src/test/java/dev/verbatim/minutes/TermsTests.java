package dev.verbatim.minutes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermsTests {

  @Test
  void tokensAreLowercaseWordsWithoutPunctuation() {
    assertThat(Terms.tokens("Okay, so we'll ship it. Don't worry!"))
        .extracting(Terms.Token::surface)
        .containsExactly("okay", "so", "we'll", "ship", "it", "don't", "worry");
  }

  @Test
  void fillersStopWordsAndShortWordsAreNotContent() {
    assertThat(Terms.tokens("um so I think the budget is really uh going fine"))
        .filteredOn(Terms.Token::content)
        .extracting(Terms.Token::surface)
        .containsExactly("budget");
  }

  @Test
  void stemFoldsPluralsPossessivesAndVerbEndings() {
    assertThat(List.of("budget", "budgets", "budget's", "budgeting", "budgeted"))
        .extracting(Terms::stem)
        .containsOnly("budget");
    assertThat(List.of("plan", "plans", "planning", "planned"))
        .extracting(Terms::stem)
        .containsOnly("plan");
    assertThat(List.of("release", "releases", "released", "releasing"))
        .extracting(Terms::stem)
        .containsOnly(Terms.stem("release"));
    assertThat(Terms.stem("companies")).isEqualTo(Terms.stem("company"));
    assertThat(Terms.stem("processes")).isEqualTo(Terms.stem("process"));
  }

  @Test
  void stemLeavesWordsThatOnlyLookInflected() {
    assertThat(Terms.stem("status")).isEqualTo("status");
    assertThat(Terms.stem("analysis")).isEqualTo("analysis");
    assertThat(Terms.stem("business")).isEqualTo("business");
    assertThat(Terms.stem("string")).isEqualTo("string");
    assertThat(Terms.stem("staffing")).isEqualTo("staff");
  }

  @Test
  void backgroundCostsRiseWithRarity() {
    double the = BackgroundFrequencies.cost("the");
    double budget = BackgroundFrequencies.cost("budget");
    double documentation = BackgroundFrequencies.cost("documentation");
    assertThat(the).isLessThan(budget);
    assertThat(budget).isLessThan(documentation);
    assertThat(BackgroundFrequencies.cost("think")).isLessThan(Keywords.MIN_COST);
    assertThat(BackgroundFrequencies.known("zzyzzyxq")).isFalse();
    assertThat(BackgroundFrequencies.cost("zzyzzyxq")).isEqualTo(BackgroundFrequencies.MAX_COST);
  }
}
