package dev.verbatim.minutes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.SpeakerIdentification;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Meetings stored before namings had a confidence still read, as certain and applied. */
class SpeakerIdentificationJsonTests {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void aNamingStoredWithoutConfidenceReadsAsAppliedAndCertain() {
    SpeakerIdentification old =
        json.readValue(
            "{\"speakerId\":\"S2\",\"name\":\"Priya\",\"segmentId\":\"g4\",\"evidence\":\"…\"}",
            SpeakerIdentification.class);
    assertThat(old.applied()).isTrue();
    assertThat(old.confidence()).isEqualTo(1.0);
  }

  @Test
  void aSuggestionKeepsItsConfidenceThroughJson() {
    SpeakerIdentification suggestion =
        new SpeakerIdentification("S3", "Dana", "g7", "Thanked by name", 0.7, false);
    SpeakerIdentification read =
        json.readValue(json.writeValueAsString(suggestion), SpeakerIdentification.class);
    assertThat(read).isEqualTo(suggestion);
  }
}
