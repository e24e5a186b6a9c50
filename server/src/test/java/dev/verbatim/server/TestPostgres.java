package dev.verbatim.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A real PostgreSQL server (embedded) for a Spring test context to run against. */
public final class TestPostgres {

  private TestPostgres() {}

  /**
   * Starts a server that lives until the JVM exits: the Spring context is cached and closes at JVM
   * exit too, and the database must outlive it.
   */
  public static EmbeddedPostgres startForTheJvm() {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
    }
  }

  /** Points the context's data source at {@code postgres}. */
  public static void register(DynamicPropertyRegistry registry, EmbeddedPostgres postgres) {
    registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
  }

  private static void close(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
