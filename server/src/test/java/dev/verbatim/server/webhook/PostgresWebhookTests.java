package dev.verbatim.server.webhook;

import dev.verbatim.server.TestData;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The webhook tests on a real PostgreSQL server (an embedded one, started for this class): the
 * outbox's queries, claims and transactions as production runs them there.
 */
class PostgresWebhookTests extends WebhookContract {

  static final Path PG_DATA = TestData.directory("verbatim-webhooks-pg");
  static final EmbeddedPostgres POSTGRES = start();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("verbatim.data", PG_DATA::toString);
    registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  private static EmbeddedPostgres start() {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      // The Spring context closes at JVM exit too; the server must outlive it.
      Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
    }
  }

  private static void close(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
