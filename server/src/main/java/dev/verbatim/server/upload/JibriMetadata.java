package dev.verbatim.server.upload;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code metadata.json} Jibri writes beside a recording, as far as Verbatim uses it: the
 * meeting's address, whose room names the meeting, and its participants.
 *
 * <p>Jibri lists the members it saw with an identity (a JWT deployment), each as {@code {"user":
 * {"name": …}}} with the name they showed in the meeting; anonymous deployments list nobody.
 *
 * @param title the room's name as a title ("Weekly sync" from {@code …/weekly-sync})
 * @param participants the participants' names, each once, in Jibri's order
 */
public record JibriMetadata(@Nullable String title, List<String> participants) {

  /** The most Jibri could put there for a meeting; anything larger is not its metadata. */
  public static final long MAX_BYTES = 1 << 20;

  /** More than any meeting Jibri records; the rest are ignored. */
  static final int MAX_PARTICIPANTS = 500;

  /** Longer display names are cut to this. */
  static final int MAX_NAME = 100;

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
    String title = RoomNames.titleOf(root.path("meeting_url").asString(""));
    return new JibriMetadata(title, participants(root.path("participants")));
  }

  private static List<String> participants(JsonNode list) {
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode participant : list) {
      if (names.size() == MAX_PARTICIPANTS) {
        break;
      }
      JsonNode user = participant.path("user");
      JsonNode named = (user.isObject() ? user : participant).path("name");
      String name = named.isString() ? named.asString() : "";
      // Display names are whatever people typed: no control characters, one line, bounded.
      name = name.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", " ").replaceAll("\\s+", " ").strip();
      if (name.length() > MAX_NAME) {
        name = name.substring(0, MAX_NAME).strip();
      }
      if (!name.isEmpty()) {
        names.add(name);
      }
    }
    return List.copyOf(names);
  }
}
