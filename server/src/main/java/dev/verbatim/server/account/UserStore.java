package dev.verbatim.server.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts in the database. Emails are compared lower-cased, as they are stored. */
@Repository
class UserStore {

  private final JdbcClient jdbc;

  UserStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A user with the password hash, for signing in only. */
  record Credentials(User user, @Nullable String passwordHash) {}

  static String normalise(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  void insert(User user, @Nullable String passwordHash) {
    jdbc.sql(
            """
            INSERT INTO app_user (id, email, name, password_hash, role, disabled, created_at)
            VALUES (:id, :email, :name, :hash, :role, :disabled, :created)
            """)
        .param("id", user.id())
        .param("email", normalise(user.email()))
        .param("name", user.name())
        .param("hash", passwordHash)
        .param("role", user.role().value())
        .param("disabled", user.disabled())
        .param("created", user.createdAt().atOffset(ZoneOffset.UTC))
        .update();
  }

  Optional<User> find(String id) {
    return jdbc.sql("SELECT * FROM app_user WHERE id = :id")
        .param("id", id)
        .query((rs, n) -> user(rs))
        .optional();
  }

  Optional<Credentials> credentials(String email) {
    return jdbc.sql("SELECT * FROM app_user WHERE email = :email")
        .param("email", normalise(email))
        .query((rs, n) -> new Credentials(user(rs), rs.getString("password_hash")))
        .optional();
  }

  List<User> all() {
    return jdbc.sql("SELECT * FROM app_user ORDER BY email").query((rs, n) -> user(rs)).list();
  }

  boolean anyAdmin() {
    return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE role = 'admin'").query(Long.class).single()
        > 0;
  }

  long activeAdmins() {
    return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE role = 'admin' AND disabled = FALSE")
        .query(Long.class)
        .single();
  }

  boolean update(String id, String name, Role role, boolean disabled) {
    return jdbc.sql(
                "UPDATE app_user SET name = :name, role = :role, disabled = :disabled WHERE id = :id")
            .param("name", name)
            .param("role", role.value())
            .param("disabled", disabled)
            .param("id", id)
            .update()
        == 1;
  }

  boolean updatePassword(String id, String passwordHash) {
    return jdbc.sql("UPDATE app_user SET password_hash = :hash WHERE id = :id")
            .param("hash", passwordHash)
            .param("id", id)
            .update()
        == 1;
  }

  private static User user(ResultSet rs) throws SQLException {
    return new User(
        rs.getString("id"),
        rs.getString("email"),
        rs.getString("name"),
        Role.of(rs.getString("role")),
        rs.getBoolean("disabled"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
