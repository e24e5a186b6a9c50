package dev.verbatim.server.jitsi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may reach the Jitsi endpoints, and how a path names the room and the secret. */
class NetworksTests {

  private static final String SECRET = "a-secret-of-24-characters";

  private static JitsiProperties properties(List<String> networks, String secret) {
    return new JitsiProperties(
        true,
        networks,
        secret,
        null,
        null,
        Duration.ofSeconds(30),
        Duration.ofMinutes(10),
        Duration.ofMinutes(2),
        Duration.ofSeconds(3),
        0);
  }

  @Test
  void addressesInsideAllowedRangesAreLetInAndOthersNot() {
    Networks networks =
        new Networks(properties(List.of("10.1.0.0/16", "192.0.2.7", "fd00::/8"), null));

    assertThat(networks.allows("10.1.200.3")).isTrue();
    assertThat(networks.allows("10.2.0.1")).isFalse();
    assertThat(networks.allows("192.0.2.7")).isTrue();
    assertThat(networks.allows("192.0.2.8")).isFalse();
    assertThat(networks.allows("fd12::1")).isTrue();
    assertThat(networks.allows("127.0.0.1")).isFalse();
    assertThat(networks.allows("jigasi.example.com")).as("names are never looked up").isFalse();
    assertThat(networks.allows(null)).isFalse();
  }

  @Test
  void loopbackIsTheDefault() {
    Networks networks = new Networks(properties(List.of("127.0.0.0/8", "::1/128"), null));

    assertThat(networks.allows("127.0.0.1")).isTrue();
    assertThat(networks.allows("0:0:0:0:0:0:0:1")).isTrue();
    assertThat(networks.allows("10.0.0.1")).isFalse();
  }

  @Test
  void thePathNamesTheRoomAndMayCarryTheSecret() {
    JitsiGate gate = new JitsiGate(new Networks(properties(List.of(), SECRET)));

    assertThat(gate.target("/asr/vosk")).isEqualTo(new JitsiGate.Target(false, null));
    assertThat(gate.target("/asr/vosk/weekly")).isEqualTo(new JitsiGate.Target(false, "weekly"));
    assertThat(gate.target("/asr/vosk/" + SECRET)).isEqualTo(new JitsiGate.Target(true, null));
    assertThat(gate.target("/asr/vosk/" + SECRET + "/weekly"))
        .isEqualTo(new JitsiGate.Target(true, "weekly"));
    assertThat(gate.target("/asr/vosk/wrong/weekly"))
        .isEqualTo(new JitsiGate.Target(false, "weekly"));
    assertThat(gate.target("/asr/vosk/a/b/c")).isNull();
    assertThat(gate.admits("203.0.113.9", false)).isFalse();
    assertThat(gate.admits("203.0.113.9", true)).isTrue();
  }

  @Test
  void roomsAreTheLocalPartOfTheirJid() {
    assertThat(Conferences.roomKey("Weekly@conference.meet.example.com")).isEqualTo("weekly");
    assertThat(Conferences.roomKey("weekly")).isEqualTo("weekly");
    assertThat(Conferences.roomKey(" ")).isNull();
  }

  @Test
  void aShortSecretOrABadRangeStopsTheStart() {
    assertThatThrownBy(() -> properties(List.of(), "short"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> properties(List.of("10.0.0.0/33"), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> properties(List.of("example.com"), null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
