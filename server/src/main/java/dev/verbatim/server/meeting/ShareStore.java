package dev.verbatim.server.meeting;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who a meeting belongs to and who it is shared with. */
@Repository
class ShareStore {

  private final JdbcClient jdbc;

  ShareStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A meeting's owner and visibility, and the share of one person, if any.
   *
   * @param ownerId null for meetings from before accounts, which only admins see
   * @param shared the person's share ({@code VIEW} or {@code EDIT}), or null
   */
  record Relation(@Nullable String ownerId, boolean orgVisible, @Nullable Permission shared) {}

  Optional<Relation> relation(String meetingId, String userId) {
    return jdbc.sql(
            """
            SELECT m.owner_id, m.org_visible,
                   (SELECT s.permission FROM meeting_share s
                    WHERE s.meeting_id = m.id AND s.user_id = :user) AS shared
            FROM meeting m WHERE m.id = :id
            """)
        .param("user", userId)
        .param("id", meetingId)
        .query(
            (rs, n) ->
                new Relation(
                    rs.getString("owner_id"),
                    rs.getBoolean("org_visible"),
                    rs.getString("shared") == null
                        ? null
                        : Permission.valueOf(rs.getString("shared").toUpperCase(Locale.ROOT))))
        .optional();
  }

  /** One person a meeting is shared with. */
  record Share(String userId, Permission permission, Instant createdAt) {}

  List<Share> shares(String meetingId) {
    return jdbc.sql(
            "SELECT * FROM meeting_share WHERE meeting_id = :id ORDER BY created_at, user_id")
        .param("id", meetingId)
        .query(
            (rs, n) ->
                new Share(
                    rs.getString("user_id"),
                    Permission.valueOf(rs.getString("permission").toUpperCase(Locale.ROOT)),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  /** Shares the meeting with a person, or changes what they may do with it. */
  void share(String meetingId, String userId, Permission permission) {
    if (permission == Permission.MANAGE) {
      throw new IllegalArgumentException("A meeting is shared to view or to edit.");
    }
    int updated =
        jdbc.sql("UPDATE meeting_share SET permission = :p WHERE meeting_id = :m AND user_id = :u")
            .param("p", permission.value())
            .param("m", meetingId)
            .param("u", userId)
            .update();
    if (updated == 0) {
      jdbc.sql(
              """
              INSERT INTO meeting_share (meeting_id, user_id, permission, created_at)
              VALUES (:m, :u, :p, :now)
              """)
          .param("m", meetingId)
          .param("u", userId)
          .param("p", permission.value())
          .param("now", Instant.now().atOffset(ZoneOffset.UTC))
          .update();
    }
  }

  boolean unshare(String meetingId, String userId) {
    return jdbc.sql("DELETE FROM meeting_share WHERE meeting_id = :m AND user_id = :u")
            .param("m", meetingId)
            .param("u", userId)
            .update()
        == 1;
  }

  void orgVisible(String meetingId, boolean visible) {
    jdbc.sql("UPDATE meeting SET org_visible = :visible WHERE id = :id")
        .param("visible", visible)
        .param("id", meetingId)
        .update();
  }
}
