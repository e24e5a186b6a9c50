package dev.verbatim.server.api;

import dev.verbatim.server.TestData;
import dev.verbatim.server.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The meetings API on a real PostgreSQL server (an embedded one, started for this class), with the
 * same migrations and queries as production.
 */
class PostgresMeetingApiTests extends MeetingApiContract {

  static final Path DATA = TestData.directory("verbatim-pg");
  static final EmbeddedPostgres POSTGRES = TestPostgres.startForTheJvm();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("verbatim.data", DATA::toString);
    TestPostgres.register(registry, POSTGRES);
  }

  @Override
  Path dataDirectory() {
    return DATA;
  }
}
