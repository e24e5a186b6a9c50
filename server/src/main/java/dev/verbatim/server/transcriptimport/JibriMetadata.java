package dev.verbatim.server.transcriptimport;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code metadata.json} Jibri writes beside a recording: the meeting's address and the people
 * with an identity (JWT) who took part. Anonymous deployments list nobody.
 *
 * @param title the room's name as a title ("Weekly sync" from {@code …/weekly-sync})
 * @param participants display names, in the order Jibri saw them
 */
public record JibriMetadata(@Nullable String title, List<String> participants) {

  /** The most Jibri could put there for a meeting; anything larger is not its metadata. */
  public static final long MAX_BYTES = 1 << 20;

  public JibriMetadata {
    participants = List.copyOf(participants);
  }

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
    String title = JigasiTranscript.titleOf(root.path("meeting_url").asString(""));
    List<String> names = new ArrayList<>();
    for (JsonNode participant : root.path("participants")) {
      String name = participant.path("user").path("name").asString("").strip();
      if (!name.isEmpty() && !names.contains(name) && names.size() < 500) {
        names.add(name.length() > 200 ? name.substring(0, 200) : name);
      }
    }
    return new JibriMetadata(title, names);
  }
}
