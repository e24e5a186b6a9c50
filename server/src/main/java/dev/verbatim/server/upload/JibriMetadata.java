package dev.verbatim.server.upload;

import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code metadata.json} Jibri writes beside a recording, as far as Verbatim uses it: the
 * meeting's address, whose room names the meeting.
 *
 * @param title the room's name as a title ("Weekly sync" from {@code …/weekly-sync})
 */
public record JibriMetadata(@Nullable String title) {

  /** The most Jibri could put there for a meeting; anything larger is not its metadata. */
  public static final long MAX_BYTES = 1 << 20;

  /**
   * @throws IllegalArgumentException if it is not JSON or not Jibri's shape
   */
  public static JibriMetadata read(InputStream in, JsonMapper json) throws IOException {
    JsonNode root;
    try {
      root = json.readTree(in);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "\"metadata\" is not JSON (Jibri's metadata.json): " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(
          "\"metadata\" is not Jibri's metadata.json: expected an object with meeting_url.");
    }
    String title = RoomNames.titleOf(root.path("meeting_url").asString(""));
    return new JibriMetadata(title);
  }
}
