package dev.verbatim.server.glossary;

import dev.verbatim.transcribe.edit.GlossaryTerm;
import dev.verbatim.transcribe.edit.Replacement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Glossary terms (the organisation's and each meeting's) and the corrections they made. */
@Repository
class GlossaryStore {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  GlossaryStore(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A stored term; {@code meetingId} is null for the organisation's list. */
  record Term(String id, @Nullable String meetingId, String text) {}

  /** A stored correction. */
  record Correction(String id, Replacement replacement, boolean reverted) {}

  List<Term> terms(@Nullable String meetingId) {
    String where = meetingId == null ? "meeting_id IS NULL" : "meeting_id = :m";
    var query = jdbc.sql("SELECT * FROM glossary_term WHERE " + where + " ORDER BY LOWER(text)");
    if (meetingId != null) {
      query = query.param("m", meetingId);
    }
    return query
        .query(
            (rs, n) ->
                new Term(rs.getString("id"), rs.getString("meeting_id"), rs.getString("text")))
        .list();
  }

  /** The organisation's terms and the meeting's own. */
  List<GlossaryTerm> termsFor(String meetingId) {
    return jdbc.sql(
            "SELECT text FROM glossary_term WHERE meeting_id IS NULL OR meeting_id = :m"
                + " ORDER BY meeting_id NULLS FIRST, text")
        .param("m", meetingId)
        .query((rs, n) -> new GlossaryTerm(rs.getString("text")))
        .list();
  }

  /** Adds a term unless the list already has it (in any case); returns the stored one. */
  Term add(@Nullable String meetingId, GlossaryTerm term) {
    Optional<Term> existing =
        terms(meetingId).stream().filter(t -> t.text().equalsIgnoreCase(term.text())).findFirst();
    if (existing.isPresent()) {
      return existing.get();
    }
    Term added =
        new Term("g-" + UUID.randomUUID().toString().substring(0, 13), meetingId, term.text());
    jdbc.sql(
            "INSERT INTO glossary_term (id, meeting_id, text, created_at)"
                + " VALUES (:id, :m, :text, :now)")
        .param("id", added.id())
        .param("m", meetingId)
        .param("text", added.text())
        .param("now", Instant.now().atOffset(ZoneOffset.UTC))
        .update();
    return added;
  }

  boolean delete(@Nullable String meetingId, String termId) {
    String where = meetingId == null ? "meeting_id IS NULL" : "meeting_id = :m";
    var update =
        jdbc.sql("DELETE FROM glossary_term WHERE id = :id AND " + where).param("id", termId);
    if (meetingId != null) {
      update = update.param("m", meetingId);
    }
    return update.update() == 1;
  }

  /** Replaces the meeting's recorded corrections; a new run of the pipeline made new ones. */
  void replaceCorrections(String meetingId, List<Replacement> replacements) {
    jdbc.sql("DELETE FROM glossary_replacement WHERE meeting_id = :m")
        .param("m", meetingId)
        .update();
    addCorrections(meetingId, replacements);
  }

  void addCorrections(String meetingId, List<Replacement> replacements) {
    for (Replacement r : replacements) {
      jdbc.sql(
              """
              INSERT INTO glossary_replacement (id, meeting_id, segment_id, original, replacement,
                                                start_ms, detail_json)
              VALUES (:id, :m, :segment, :original, :replacement, :start, :detail)
              """)
          .param("id", "r-" + UUID.randomUUID().toString().substring(0, 13))
          .param("m", meetingId)
          .param("segment", r.segmentId())
          .param("original", clip(r.originalText()))
          .param("replacement", clip(r.replacementText()))
          .param("start", r.startMs())
          .param("detail", json.writeValueAsString(r))
          .update();
    }
  }

  List<Correction> corrections(String meetingId) {
    return jdbc.sql(
            "SELECT * FROM glossary_replacement WHERE meeting_id = :m ORDER BY start_ms, id")
        .param("m", meetingId)
        .query(
            (rs, n) ->
                new Correction(
                    rs.getString("id"),
                    json.readValue(rs.getString("detail_json"), Replacement.class),
                    rs.getBoolean("reverted")))
        .list();
  }

  void markReverted(String correctionId) {
    jdbc.sql("UPDATE glossary_replacement SET reverted = TRUE WHERE id = :id")
        .param("id", correctionId)
        .update();
  }

  private static String clip(String text) {
    return text.length() <= 500 ? text : text.substring(0, 500);
  }
}
