package dev.verbatim.server.api;

import dev.verbatim.server.TestData;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The meetings API on a real PostgreSQL server (an embedded one, started for this class), with the
 * same migrations and queries as production.
 */
class PostgresMeetingApiTests extends MeetingApiContract {

  static final Path DATA = TestData.directory("verbatim-pg");
  static final EmbeddedPostgres POSTGRES = start();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("verbatim.data", DATA::toString);
    registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  @Override
  Path dataDirectory() {
    return DATA;
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
