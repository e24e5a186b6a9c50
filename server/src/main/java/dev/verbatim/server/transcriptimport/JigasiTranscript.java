package dev.verbatim.server.transcriptimport;

import dev.verbatim.ingest.transcript.ImportedTranscript;
import dev.verbatim.ingest.transcript.TranscriptAssembler;
import dev.verbatim.ingest.transcript.TranscriptRejectedException;
import dev.verbatim.server.upload.RoomNames;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The final transcript Jigasi saves when a conference ends ({@code SAVE_JSON}: {@code
 * transcript_<instant>_<uuid>.json}): who said what and when, per participant, without audio.
 */
final class JigasiTranscript {

  /** Roughly how long a word takes to say; Jigasi records when speech began, not how long. */
  static final long MS_PER_WORD = 400;

  private JigasiTranscript() {}

  /** The transcript and what it says about the conference. */
  record Conference(
      @Nullable String title, @Nullable LocalDate date, ImportedTranscript transcript) {}

  private record Speech(String speaker, long at, String text) {}

  /**
   * @throws TranscriptRejectedException if it is not Jigasi's transcript JSON, or says nothing
   */
  static Conference read(InputStream in, String name, JsonMapper json) throws IOException {
    JsonNode root;
    try {
      root = json.readTree(in);
    } catch (JacksonException e) {
      throw new TranscriptRejectedException(name + " is not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject() || !root.path("events").isArray()) {
      throw new TranscriptRejectedException(
          name + " is not a Jigasi transcript: it has no \"events\" list.");
    }
    Instant start = instant(root.path("start_time").asString(""));
    List<Speech> speech = new ArrayList<>();
    long first = Long.MAX_VALUE;
    for (JsonNode event : root.path("events")) {
      if (!"SPEECH".equals(event.path("event").asString(""))
          || event.path("is_interim").asBoolean(false)) {
        continue;
      }
      String text = event.path("transcript").path(0).path("text").asString("");
      long at = event.path("timestamp").asLong(-1);
      if (text.isBlank() || at < 0) {
        continue;
      }
      speech.add(new Speech(speaker(event.path("participant")), at, text));
      first = Math.min(first, at);
    }
    if (speech.isEmpty()) {
      throw new TranscriptRejectedException(name + " holds no speech: no final SPEECH events.");
    }
    long origin = start != null ? Math.min(start.toEpochMilli(), first) : first;
    speech.sort(java.util.Comparator.comparingLong(Speech::at));
    TranscriptAssembler transcript = new TranscriptAssembler();
    for (int i = 0; i < speech.size(); i++) {
      Speech s = speech.get(i);
      long begin = s.at() - origin;
      long end = begin + MS_PER_WORD * Math.max(1, s.text().strip().split("\\s+").length);
      // Not past the next thing the same person said.
      for (int j = i + 1; j < speech.size(); j++) {
        if (speech.get(j).speaker().equals(s.speaker())) {
          end = Math.min(end, speech.get(j).at() - origin);
          break;
        }
      }
      transcript.add(s.speaker(), begin, Math.max(begin, end), s.text());
    }
    return new Conference(
        title(root),
        start == null ? null : LocalDate.ofInstant(start, ZoneOffset.UTC),
        transcript.build());
  }

  /** The display name; else the account's; else the endpoint id, so speech is never ownerless. */
  private static String speaker(JsonNode participant) {
    for (String field : List.of("name", "identity_name", "email", "id")) {
      String value = participant.path(field).asString("");
      if (!value.isBlank()) {
        return value;
      }
    }
    return "";
  }

  /** The room's name: from its address ({@code …/weekly-sync}) or the MUC jid. */
  static @Nullable String title(JsonNode root) {
    String title = RoomNames.titleOf(root.path("room_url").asString(""));
    if (title != null) {
      return title;
    }
    String jid = root.path("room_name").asString("");
    String room = jid.contains("@") ? jid.substring(0, jid.indexOf('@')) : jid;
    return room.isBlank() ? null : RoomNames.title(room);
  }

  private static @Nullable Instant instant(String value) {
    if (value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
