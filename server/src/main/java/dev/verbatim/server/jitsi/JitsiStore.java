package dev.verbatim.server.jitsi;

import dev.verbatim.core.Word;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Conferences going on, their participants and what was said, until they become meetings. */
@Repository
class JitsiStore {

  private static final TypeReference<List<Word>> WORDS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;

  JitsiStore(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A conference and the meeting it becomes; {@code endedAt} is null while it goes on. */
  record Conference(
      String meetingId,
      String roomKey,
      @Nullable String roomName,
      Instant startedAt,
      Instant lastActivityAt,
      @Nullable Instant endedAt,
      int present) {}

  /** What was said in one go, with its words timed in milliseconds since the epoch. */
  record Utterance(
      String id,
      @Nullable String streamId,
      @Nullable String participantId,
      long startAt,
      long endAt,
      String text,
      List<Word> words) {

    Utterance {
      words = List.copyOf(words);
    }

    Utterance attributedTo(String participant) {
      return new Utterance(id, streamId, participant, startAt, endAt, text, words);
    }
  }

  /** A conference with how many of its participants joined and did not leave. */
  private static final String CONFERENCE =
      """
      SELECT c.*, (SELECT COUNT(*) FROM jitsi_participant p WHERE p.meeting_id = c.meeting_id
                   AND p.joined_at IS NOT NULL AND p.left_at IS NULL) AS present
      FROM jitsi_conference c
      """;

  Optional<String> liveConference(String roomKey) {
    return jdbc
        .sql(
            """
            SELECT meeting_id FROM jitsi_conference WHERE room_key = :room AND ended_at IS NULL
            ORDER BY started_at DESC
            """)
        .param("room", roomKey)
        .query(String.class)
        .list()
        .stream()
        .findFirst();
  }

  void insertConference(String meetingId, String roomKey, @Nullable String roomName, Instant at) {
    jdbc.sql(
            """
            INSERT INTO jitsi_conference (meeting_id, room_key, room_name, started_at,
                                          last_activity_at)
            VALUES (:id, :room, :name, :at, :at)
            """)
        .param("id", meetingId)
        .param("room", roomKey)
        .param("name", roomName)
        .param("at", timestamp(at))
        .update();
  }

  void roomName(String meetingId, String roomName) {
    jdbc.sql("UPDATE jitsi_conference SET room_name = :name WHERE meeting_id = :id")
        .param("name", roomName)
        .param("id", meetingId)
        .update();
  }

  void touch(String meetingId, Instant at) {
    jdbc.sql("UPDATE jitsi_conference SET last_activity_at = :at WHERE meeting_id = :id")
        .param("at", timestamp(at))
        .param("id", meetingId)
        .update();
  }

  Optional<Conference> conference(String meetingId) {
    return jdbc.sql(CONFERENCE + " WHERE c.meeting_id = :id")
        .param("id", meetingId)
        .query((rs, n) -> conference(rs))
        .optional();
  }

  List<Conference> liveConferences() {
    return jdbc.sql(CONFERENCE + " WHERE c.ended_at IS NULL")
        .query((rs, n) -> conference(rs))
        .list();
  }

  /** Conferences that ended but whose meeting was never finalised (the server stopped first). */
  List<String> endedButLive() {
    return jdbc.sql(
            """
            SELECT c.meeting_id FROM jitsi_conference c JOIN meeting m ON m.id = c.meeting_id
            WHERE c.ended_at IS NOT NULL AND m.status = 'live'
            """)
        .query(String.class)
        .list();
  }

  /** Marks the conference ended; false if it had ended already (someone else finalises it). */
  boolean end(String meetingId, Instant at) {
    return jdbc.sql(
                """
                UPDATE jitsi_conference SET ended_at = :at
                WHERE meeting_id = :id AND ended_at IS NULL
                """)
            .param("at", timestamp(at))
            .param("id", meetingId)
            .update()
        == 1;
  }

  /** Adds the participant, or updates what is known of them (a later event may know more). */
  void saveParticipant(String meetingId, JigasiEvent.Participant p) {
    int updated =
        jdbc.sql(
                """
                UPDATE jitsi_participant SET
                  name = COALESCE(:name, name), email = COALESCE(:email, email),
                  identity_id = COALESCE(:identityId, identity_id),
                  identity_name = COALESCE(:identityName, identity_name)
                WHERE meeting_id = :meeting AND participant_id = :id
                """)
            .param("name", p.name())
            .param("email", p.email())
            .param("identityId", p.identityId())
            .param("identityName", p.identityName())
            .param("meeting", meetingId)
            .param("id", p.id())
            .update();
    if (updated == 0) {
      jdbc.sql(
              """
              INSERT INTO jitsi_participant (meeting_id, participant_id, ordinal, name, email,
                                             identity_id, identity_name)
              VALUES (:meeting, :id,
                      (SELECT COUNT(*) FROM jitsi_participant WHERE meeting_id = :meeting),
                      :name, :email, :identityId, :identityName)
              """)
          .param("meeting", meetingId)
          .param("id", p.id())
          .param("name", p.name())
          .param("email", p.email())
          .param("identityId", p.identityId())
          .param("identityName", p.identityName())
          .update();
    }
  }

  void participantJoined(String meetingId, String participantId, Instant at) {
    jdbc.sql(
            """
            UPDATE jitsi_participant SET joined_at = COALESCE(joined_at, :at)
            WHERE meeting_id = :meeting AND participant_id = :id
            """)
        .param("at", timestamp(at))
        .param("meeting", meetingId)
        .param("id", participantId)
        .update();
  }

  void participantLeft(String meetingId, String participantId, Instant at) {
    jdbc.sql(
            """
            UPDATE jitsi_participant SET left_at = :at
            WHERE meeting_id = :meeting AND participant_id = :id
            """)
        .param("at", timestamp(at))
        .param("meeting", meetingId)
        .param("id", participantId)
        .update();
  }

  /** The participants in the order they first appeared. */
  List<JigasiEvent.Participant> participants(String meetingId) {
    return jdbc.sql("SELECT * FROM jitsi_participant WHERE meeting_id = :id ORDER BY ordinal")
        .param("id", meetingId)
        .query(
            (rs, n) ->
                new JigasiEvent.Participant(
                    rs.getString("participant_id"),
                    rs.getString("name"),
                    rs.getString("email"),
                    rs.getString("identity_id"),
                    rs.getString("identity_name")))
        .list();
  }

  void saveUtterance(String meetingId, Utterance u) {
    jdbc.sql(
            """
            INSERT INTO jitsi_utterance (meeting_id, id, stream_id, participant_id, start_at_ms,
                                         end_at_ms, text, words_json)
            VALUES (:meeting, :id, :stream, :participant, :start, :end, :text, :words)
            """)
        .param("meeting", meetingId)
        .param("id", u.id())
        .param("stream", u.streamId())
        .param("participant", u.participantId())
        .param("start", u.startAt())
        .param("end", u.endAt())
        .param("text", u.text())
        .param("words", json.writeValueAsString(u.words()))
        .update();
  }

  /** Gives the stream's utterances that had no speaker yet to {@code participantId}. */
  void attribute(String meetingId, String streamId, String participantId) {
    jdbc.sql(
            """
            UPDATE jitsi_utterance SET participant_id = :participant
            WHERE meeting_id = :meeting AND stream_id = :stream AND participant_id IS NULL
            """)
        .param("participant", participantId)
        .param("meeting", meetingId)
        .param("stream", streamId)
        .update();
  }

  /** Everything said in the conference, in time order. */
  List<Utterance> utterances(String meetingId) {
    return jdbc.sql("SELECT * FROM jitsi_utterance WHERE meeting_id = :id ORDER BY start_at_ms, id")
        .param("id", meetingId)
        .query(
            (rs, n) ->
                new Utterance(
                    rs.getString("id"),
                    rs.getString("stream_id"),
                    rs.getString("participant_id"),
                    rs.getLong("start_at_ms"),
                    rs.getLong("end_at_ms"),
                    rs.getString("text"),
                    json.readValue(rs.getString("words_json"), WORDS)))
        .list();
  }

  private static Conference conference(ResultSet rs) throws SQLException {
    OffsetDateTime ended = rs.getObject("ended_at", OffsetDateTime.class);
    return new Conference(
        rs.getString("meeting_id"),
        rs.getString("room_key"),
        rs.getString("room_name"),
        rs.getObject("started_at", OffsetDateTime.class).toInstant(),
        rs.getObject("last_activity_at", OffsetDateTime.class).toInstant(),
        ended != null ? ended.toInstant() : null,
        rs.getInt("present"));
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
