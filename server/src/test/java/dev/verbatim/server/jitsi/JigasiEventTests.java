package dev.verbatim.server.jitsi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Jigasi's event bodies, from the fixtures, read as the receiver reads them. */
class JigasiEventTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static JigasiEvent read(String fixture) {
    return JigasiEvent.parse(
        JSON.readTree(
            JigasiEvents.fill(
                JigasiEvents.fixture(fixture),
                Map.of(
                    "room", "weekly",
                    "timestamp", "1735725605000",
                    "id", "a1b2c3d4",
                    "name", "Ann",
                    "identity", "user-42",
                    "text", "good morning"))));
  }

  @Test
  void speechCarriesItsParticipantTextAndTime() {
    JigasiEvent speech = read("speech");

    assertThat(speech.type()).isEqualTo(JigasiEvent.Type.SPEECH);
    assertThat(speech.roomName()).isEqualTo("weekly@conference.meet.example.com");
    assertThat(speech.timestamp()).isEqualTo(Instant.ofEpochMilli(1735725605000L));
    assertThat(speech.text()).isEqualTo("good morning");
    assertThat(speech.interim()).isFalse();
    assertThat(speech.participant())
        .isEqualTo(
            new JigasiEvent.Participant(
                "a1b2c3d4", "Ann", "a1b2c3d4@example.com", "user-42", "Ann"));
  }

  @Test
  void lifecycleEventsAreRecognised() {
    assertThat(read("start").type()).isEqualTo(JigasiEvent.Type.START);
    assertThat(read("end").type()).isEqualTo(JigasiEvent.Type.END);
    assertThat(read("join").type()).isEqualTo(JigasiEvent.Type.JOIN);
    assertThat(read("leave").participant().id()).isEqualTo("a1b2c3d4");
    assertThat(read("speech-interim").interim()).isTrue();
  }

  @Test
  void aBareRoomNameIsWillEndAndUnknownEventsAreOther() {
    assertThat(read("will-end").type()).isEqualTo(JigasiEvent.Type.WILL_END);
    assertThat(
            JigasiEvent.parse(JSON.readTree("{\"room_name\":\"r\",\"event\":\"RAISE_HAND\"}"))
                .type())
        .isEqualTo(JigasiEvent.Type.OTHER);
  }

  @Test
  void aParticipantWithoutANameIsShownByIdentityOrId() {
    assertThat(new JigasiEvent.Participant("e1", null, null, "u", "Eve").displayName())
        .isEqualTo("Eve");
    assertThat(new JigasiEvent.Participant("e1", " ", null, null, null).displayName())
        .isEqualTo("e1");
  }
}
