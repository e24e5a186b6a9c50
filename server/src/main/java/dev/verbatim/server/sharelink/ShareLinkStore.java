package dev.verbatim.server.sharelink;

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

/** The {@code share_link} table. Tokens never come here, only their hashes. */
@Repository
class ShareLinkStore {

  private final JdbcClient jdbc;

  ShareLinkStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(ShareLink link, String tokenHash) {
    jdbc.sql(
            """
            INSERT INTO share_link (id, meeting_id, name, token_hash, transcript, exports,
                                    created_by, created_at, expires_at)
            VALUES (:id, :meeting, :name, :hash, :transcript, :exports, :by, :created, :expires)
            """)
        .param("id", link.id())
        .param("meeting", link.meetingId())
        .param("name", link.name())
        .param("hash", tokenHash)
        .param("transcript", link.transcript())
        .param("exports", link.exports())
        .param("by", link.createdBy())
        .param("created", utc(link.createdAt()))
        .param("expires", utc(link.expiresAt()))
        .update();
  }

  /** A meeting's links, newest first, revoked and expired ones too. */
  List<ShareLink> of(String meetingId) {
    return jdbc.sql("SELECT * FROM share_link WHERE meeting_id = :m ORDER BY created_at DESC, id")
        .param("m", meetingId)
        .query((rs, n) -> link(rs))
        .list();
  }

  Optional<ShareLink> find(String meetingId, String linkId) {
    return jdbc.sql("SELECT * FROM share_link WHERE meeting_id = :m AND id = :id")
        .param("m", meetingId)
        .param("id", linkId)
        .query((rs, n) -> link(rs))
        .optional();
  }

  Optional<ShareLink> byTokenHash(String tokenHash) {
    return jdbc.sql("SELECT * FROM share_link WHERE token_hash = :h")
        .param("h", tokenHash)
        .query((rs, n) -> link(rs))
        .optional();
  }

  /** Revokes the link, unless it was already; a second revocation keeps the first one's time. */
  void revoke(String linkId, Instant when) {
    jdbc.sql("UPDATE share_link SET revoked_at = :t WHERE id = :id AND revoked_at IS NULL")
        .param("t", utc(when))
        .param("id", linkId)
        .update();
  }

  void viewed(String linkId, Instant when) {
    jdbc.sql("UPDATE share_link SET views = views + 1, last_viewed_at = :t WHERE id = :id")
        .param("t", utc(when))
        .param("id", linkId)
        .update();
  }

  private static ShareLink link(ResultSet rs) throws SQLException {
    return new ShareLink(
        rs.getString("id"),
        rs.getString("meeting_id"),
        rs.getString("name"),
        rs.getBoolean("transcript"),
        rs.getBoolean("exports"),
        rs.getString("created_by"),
        instant(rs, "created_at"),
        nullableInstant(rs, "expires_at"),
        nullableInstant(rs, "revoked_at"),
        nullableInstant(rs, "last_viewed_at"),
        rs.getLong("views"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Instant value = nullableInstant(rs, column);
    if (value == null) {
      throw new IllegalStateException("share_link." + column + " is never null");
    }
    return value;
  }

  private static @Nullable Instant nullableInstant(ResultSet rs, String column)
      throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
