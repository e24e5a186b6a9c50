package dev.verbatim.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL the audit trail is append-only in the database itself: the migrations the service
 * runs there (common and PostgreSQL's own) leave a table that refuses to change or lose a row,
 * whoever asks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditAppendOnlyTests {

  EmbeddedPostgres postgres;
  JdbcClient jdbc;
  AuditStore store;

  @BeforeAll
  void migrate() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    DataSource source = postgres.getPostgresDatabase();
    // The locations of application.properties, with {vendor} as Spring Boot fills it in.
    Flyway.configure()
        .dataSource(source)
        .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
        .load()
        .migrate();
    jdbc = JdbcClient.create(source);
    store =
        new AuditStore(
            jdbc, source, new TransactionTemplate(new DataSourceTransactionManager(source)));
    for (int i = 0; i < 3; i++) {
      store.insert(
          Instant.parse("2026-03-01T09:00:00Z").plusSeconds(i),
          AuditActor.user("u-1", "ana@example.com", null),
          AuditAction.MEETING_VIEW,
          AuditTarget.meeting("m-" + i),
          null,
          "127.0.0.1");
    }
  }

  @AfterAll
  void stop() throws IOException {
    postgres.close();
  }

  @Test
  void anUpdateIsRefused() {
    assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET actor = 'someone else'").update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThat(jdbc.sql("SELECT DISTINCT actor FROM audit_event").query(String.class).list())
        .containsExactly("ana@example.com");
  }

  @Test
  void aDeleteOrTruncateIsRefused() {
    assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE target_id = 'm-1'").update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event").query(Long.class).single())
        .isEqualTo(3);
  }

  @Test
  void recordsStreamNewestFirstWithTheirFilters() {
    List<String> targets = new ArrayList<>();
    store.forEach(AuditQuery.ALL, e -> targets.add(e.target().id()));
    List<String> filtered = new ArrayList<>();
    store.forEach(
        AuditQuery.parse("ANA@example.com", "meeting.view", "m-1", "2026-03-01", "2026-03-01"),
        e -> filtered.add(e.target().id()));

    assertThat(targets).containsExactly("m-2", "m-1", "m-0");
    assertThat(filtered).containsExactly("m-1");
    assertThat(store.count(AuditQuery.parse(null, null, null, "2026-03-02", null))).isZero();
  }
}
