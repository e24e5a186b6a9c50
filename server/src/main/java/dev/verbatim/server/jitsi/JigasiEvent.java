package dev.verbatim.server.jitsi;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One of the JSON bodies Jigasi POSTs to each of its {@code SEND_JSON_REMOTE_URLS}: a final
 * transcription result with its participant ({@code SPEECH}), the conference starting or ending,
 * someone joining or leaving, or a bare {@code {"room_name": …}} when it is about to end. Read
 * tolerantly: fields Jigasi leaves out are null, unknown events are {@link Type#OTHER}.
 *
 * @param timestamp when Jigasi saw it; null if the body has none
 * @param text the transcript text of a SPEECH event
 */
record JigasiEvent(
    Type type,
    @Nullable String roomName,
    @Nullable Instant timestamp,
    @Nullable Participant participant,
    @Nullable String text,
    boolean interim) {

  enum Type {
    START,
    END,
    WILL_END,
    JOIN,
    LEAVE,
    SPEECH,
    OTHER
  }

  /**
   * A conference participant as Jigasi describes them.
   *
   * @param id the Jitsi endpoint id (the MUC nickname), unique within the conference
   * @param name the display name
   * @param identityId the JWT {@code context.user.id}, stable across conferences
   */
  record Participant(
      String id,
      @Nullable String name,
      @Nullable String email,
      @Nullable String identityId,
      @Nullable String identityName) {

    /** The name to show: the display name, else the JWT's, else the endpoint id. */
    String displayName() {
      if (name != null && !name.isBlank()) {
        return name;
      }
      return identityName != null && !identityName.isBlank() ? identityName : id;
    }
  }

  static JigasiEvent parse(JsonNode body) {
    String event = text(body, "event");
    Type type;
    if (event == null) {
      type = "transcription-result".equals(text(body, "type")) ? Type.SPEECH : Type.WILL_END;
    } else {
      try {
        type = Type.valueOf(event.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        type = Type.OTHER;
      }
    }
    JsonNode stamp = body.path("timestamp");
    Instant timestamp = stamp.isNumber() ? Instant.ofEpochMilli(stamp.asLong()) : null;
    JsonNode who = body.path("participant");
    Participant participant = null;
    if (who.isObject() && text(who, "id") != null) {
      participant =
          new Participant(
              limit(text(who, "id"), 100),
              limit(text(who, "name"), 200),
              limit(text(who, "email"), 320),
              limit(text(who, "identity_id"), 200),
              limit(text(who, "identity_name"), 200));
    }
    JsonNode transcript = body.path("transcript");
    String text =
        transcript.isArray() && !transcript.isEmpty() ? text(transcript.get(0), "text") : null;
    return new JigasiEvent(
        type,
        limit(text(body, "room_name"), 500),
        timestamp,
        participant,
        text,
        body.path("is_interim").asBoolean(false));
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isString() || value.isNumber() ? value.asString() : null;
  }

  private static @Nullable String limit(@Nullable String value, int length) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    return trimmed.length() <= length ? trimmed : trimmed.substring(0, length);
  }
}
