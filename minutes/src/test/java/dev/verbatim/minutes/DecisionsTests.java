package dev.verbatim.minutes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.Decision;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecisionsTests {

  private final MinutesWriter writer = new MinutesWriter(MinutesProperties.defaults());

  private List<Decision> decisions(String line) {
    return writer.write(Transcripts.named("ana: good morning", "bob: " + line)).decisions();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "we decided to move the launch to the first week of june | Move the launch to the first week of June.",
        "okay we agreed that the pilot runs in two clinics | The pilot runs in two clinics.",
        "let's go with the cloud directory | Go with the cloud directory.",
        "the decision is to keep the old vendor | Keep the old vendor.",
        "so we have decided we will hire two engineers | Hire two engineers.",
        "so the consensus is to fully fund the three strongest | Fully fund the three strongest.",
        "we're sticking with the original opening hours | The original opening hours.",
        "then we'll go ahead with working from home two days a week | Go ahead with working from home two days a week.",
        "no grant goes over ten thousand and we're sticking with that | No grant goes over ten thousand.",
        "let's not so we're going with the single page checkout | The single page checkout.",
      })
  void decisionsAreCaughtAndWrittenAsStatements(String line, String expected) {
    assertThat(decisions(line))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.text()).isEqualTo(expected);
              assertThat(d.segmentIds()).containsExactly("seg-2");
              assertThat(d.quote()).isNotBlank();
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "we have not decided yet",
        "did we decide on the vendor",
        "we need to decide whether to hire",
        "i agree with you",
      })
  void undecidedTalkIsNotADecision(String line) {
    assertThat(decisions(line)).isEmpty();
  }
}
