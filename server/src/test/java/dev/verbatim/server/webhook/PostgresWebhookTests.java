package dev.verbatim.server.webhook;

import dev.verbatim.server.TestData;
import dev.verbatim.server.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The webhook tests on a real PostgreSQL server (an embedded one, started for this class): the
 * outbox's queries, claims and transactions as production runs them there.
 */
class PostgresWebhookTests extends WebhookContract {

  static final Path PG_DATA = TestData.directory("verbatim-webhooks-pg");
  static final EmbeddedPostgres POSTGRES = TestPostgres.startForTheJvm();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("verbatim.data", PG_DATA::toString);
    TestPostgres.register(registry, POSTGRES);
  }
}
