package dev.verbatim.server.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API tokens in the database, by the SHA-256 of their value; the value itself is never kept. */
@Repository
class TokenStore {

  private final JdbcClient jdbc;

  TokenStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A token as its owner sees it in the list. */
  record Token(
      String id,
      String userId,
      String name,
      Set<Scope> scopes,
      Instant createdAt,
      @Nullable Instant lastUsedAt,
      @Nullable Instant revokedAt) {}

  /** A token that may be used, with the account it acts for. */
  record Active(Token token, User user) {}

  void insert(Token token, String hash) {
    jdbc.sql(
            """
            INSERT INTO api_token (id, user_id, name, scopes, token_hash, created_at)
            VALUES (:id, :user, :name, :scopes, :hash, :created)
            """)
        .param("id", token.id())
        .param("user", token.userId())
        .param("name", token.name())
        .param("scopes", Scope.join(token.scopes()))
        .param("hash", hash)
        .param("created", timestamp(token.createdAt()))
        .update();
  }

  /** The unrevoked token with this hash, if its owner's account is not disabled. */
  Optional<Active> active(String hash) {
    return jdbc.sql(
            """
            SELECT t.*, u.email, u.name AS user_name, u.role, u.disabled,
                   u.created_at AS user_created_at
            FROM api_token t JOIN app_user u ON u.id = t.user_id
            WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND u.disabled = FALSE
            """)
        .param("hash", hash)
        .query(
            (rs, n) ->
                new Active(
                    token(rs),
                    new User(
                        rs.getString("user_id"),
                        rs.getString("email"),
                        rs.getString("user_name"),
                        Role.of(rs.getString("role")),
                        rs.getBoolean("disabled"),
                        instant(rs, "user_created_at"))))
        .optional();
  }

  /** Whether any token, revoked or not, has this hash. */
  boolean exists(String hash) {
    return jdbc.sql("SELECT COUNT(*) FROM api_token WHERE token_hash = :hash")
            .param("hash", hash)
            .query(Long.class)
            .single()
        > 0;
  }

  /** A user's tokens, newest first, revoked ones included. */
  List<Token> of(String userId) {
    return jdbc.sql("SELECT * FROM api_token WHERE user_id = :user ORDER BY created_at DESC, id")
        .param("user", userId)
        .query((rs, n) -> token(rs))
        .list();
  }

  boolean revoke(String userId, String tokenId, Instant when) {
    return jdbc.sql(
                """
                UPDATE api_token SET revoked_at = :when
                WHERE id = :id AND user_id = :user AND revoked_at IS NULL
                """)
            .param("when", timestamp(when))
            .param("id", tokenId)
            .param("user", userId)
            .update()
        == 1;
  }

  /**
   * Records a use, unless one was recorded since {@code notBefore}: one write a minute at most.
   * Returns whether it did.
   */
  boolean used(String tokenId, Instant when, Instant notBefore) {
    return jdbc.sql(
                """
            UPDATE api_token SET last_used_at = :when
            WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :notBefore)
            """)
            .param("when", timestamp(when))
            .param("id", tokenId)
            .param("notBefore", timestamp(notBefore))
            .update()
        == 1;
  }

  private static Token token(ResultSet rs) throws SQLException {
    return new Token(
        rs.getString("id"),
        rs.getString("user_id"),
        rs.getString("name"),
        Scope.parse(rs.getString("scopes")),
        instant(rs, "created_at"),
        nullableInstant(rs, "last_used_at"),
        nullableInstant(rs, "revoked_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  private static @Nullable Instant nullableInstant(ResultSet rs, String column)
      throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
