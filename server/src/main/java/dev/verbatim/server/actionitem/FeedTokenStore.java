package dev.verbatim.server.actionitem;

import dev.verbatim.server.account.Accounts;
import dev.verbatim.server.account.Caller;
import dev.verbatim.server.account.Scope;
import dev.verbatim.server.account.User;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calendar feed tokens: one secret per user that stands in for them in a feed address, because
 * calendar apps cannot send a bearer token. It reads action items only, and a new one replaces the
 * old.
 */
@Repository
class FeedTokenStore {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Accounts accounts;
  private final Clock clock;

  FeedTokenStore(JdbcClient jdbc, Accounts accounts, Clock clock) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** Makes the user a new token, revoking any earlier one; the value is never stored. */
  @Transactional
  String renew(String userId) {
    byte[] secret = new byte[24];
    RANDOM.nextBytes(secret);
    String value = "vbf_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    revoke(userId);
    jdbc.sql("INSERT INTO feed_token (user_id, token_hash, created_at) VALUES (:user, :hash, :now)")
        .param("user", userId)
        .param("hash", Accounts.sha256(value))
        .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .update();
    return value;
  }

  boolean revoke(String userId) {
    return jdbc.sql("DELETE FROM feed_token WHERE user_id = :user").param("user", userId).update()
        == 1;
  }

  Optional<Instant> created(String userId) {
    return jdbc.sql("SELECT created_at FROM feed_token WHERE user_id = :user")
        .param("user", userId)
        .query(OffsetDateTime.class)
        .optional()
        .map(OffsetDateTime::toInstant);
  }

  /** The reader a token stands for: its user, able to read and nothing else; empty if disabled. */
  Optional<Caller> reader(String value) {
    return jdbc.sql("SELECT user_id FROM feed_token WHERE token_hash = :hash")
        .param("hash", Accounts.sha256(value))
        .query(String.class)
        .optional()
        .flatMap(accounts::find)
        .filter(user -> !user.disabled())
        .map(FeedTokenStore::reader);
  }

  private static Caller reader(User user) {
    return new Caller(
        user.id(), user.email(), user.name(), user.role(), Set.of(Scope.MEETINGS_READ), null);
  }
}
