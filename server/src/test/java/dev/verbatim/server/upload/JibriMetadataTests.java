package dev.verbatim.server.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JibriMetadataTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static JibriMetadata read(String json) throws IOException {
    return JibriMetadata.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), JSON);
  }

  @Test
  void theRoomNamesTheMeetingAndTheParticipantsAreListedOnceEach() throws IOException {
    JibriMetadata metadata =
        read(
            """
            {"meeting_url": "https://meet.example.com/weekly-sync",
             "participants": [
               {"user": {"id": "u1", "name": "Ann Lee", "avatar": "https://x/a.png"}},
               {"user": {"id": "u2", "name": "Bob  Stone"}, "group": "eng"},
               {"user": {"id": "u1", "name": "Ann Lee"}}],
             "upload_credentials": {"service_name": "dropbox", "token": "secret"}}
            """);

    assertThat(metadata.title()).isEqualTo("Weekly sync");
    assertThat(metadata.participants()).containsExactly("Ann Lee", "Bob Stone");
  }

  @Test
  void anAnonymousMeetingListsNobody() throws IOException {
    assertThat(
            read("{\"meeting_url\": \"https://meet.example.com/r\", \"participants\": []}")
                .participants())
        .isEmpty();
    assertThat(read("{\"meeting_url\": \"https://meet.example.com/r\"}").participants()).isEmpty();
    assertThat(read("{\"participants\": \"everyone\"}").participants()).isEmpty();
  }

  @Test
  void hostileDisplayNamesBecomeOneBoundedLine() throws IOException {
    String longName = "A".repeat(5000);
    JibriMetadata metadata =
        read(
            "{\"participants\": ["
                + "{\"user\": {\"name\": \"Eve\\n\\u0000<script>alert(1)</script>\\u2028x\"}},"
                + "{\"user\": {\"name\": \""
                + longName
                + "\"}},"
                + "{\"user\": {\"name\": \"   \"}},"
                + "{\"user\": {\"name\": 42}},"
                + "{\"user\": null}]}");

    // Kept as text (escaped wherever it is shown), but never more than one line of 100 characters.
    assertThat(metadata.participants())
        .containsExactly("Eve <script>alert(1)</script> x", "A".repeat(JibriMetadata.MAX_NAME));
  }

  @Test
  void aHugeListIsCut() throws IOException {
    StringBuilder json = new StringBuilder("{\"participants\": [");
    for (int i = 0; i < 2000; i++) {
      json.append(i == 0 ? "" : ",").append("{\"user\": {\"name\": \"P").append(i).append("\"}}");
    }
    json.append("]}");

    assertThat(read(json.toString()).participants()).hasSize(JibriMetadata.MAX_PARTICIPANTS);
  }

  @Test
  void somethingElseIsRefusedClearly() {
    assertThatThrownBy(() -> read("[1, 2]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("metadata.json");
    assertThatThrownBy(() -> read("not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not JSON");
  }
}
