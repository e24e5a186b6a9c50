package dev.verbatim.server.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims on PostgreSQL, where several worker processes share the queue: a claim passes over a row
 * another claim holds instead of waiting for it, and claims racing each other never take one job
 * twice.
 */
class PostgresJobClaimTests {

  private static final Duration LEASE = Duration.ofMinutes(1);

  private static EmbeddedPostgres postgres;
  private static DataSource source;
  private static JdbcClient jdbc;
  private static JobStore jobs;

  @BeforeAll
  static void database() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    source = postgres.getPostgresDatabase();
    Flyway.configure()
        .dataSource(source)
        .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
        .load()
        .migrate();
    jdbc = JdbcClient.create(source);
    jobs = new JobStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(source)));
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  @BeforeEach
  void emptyQueue() {
    jdbc.sql("DELETE FROM meeting").update();
  }

  @Test
  void aClaimPassesOverAJobAnotherClaimHoldsLocked() throws Exception {
    String first = jobs.enqueue(meeting("m-1"));
    Thread.sleep(5);
    String second = jobs.enqueue(meeting("m-2"));

    try (Connection other = source.getConnection()) {
      other.setAutoCommit(false);
      // Another worker's claim, between its SELECT … FOR UPDATE and its commit.
      other
          .createStatement()
          .executeQuery("SELECT id FROM job WHERE id = '" + first + "' FOR UPDATE");

      Optional<Job> claimed = jobs.claim("b", LEASE);

      assertThat(claimed).get().extracting(Job::id).isEqualTo(second);
      other.rollback();
    }
    assertThat(jobs.claim("c", LEASE)).get().extracting(Job::id).isEqualTo(first);
  }

  @Test
  void workersClaimingAtOnceNeverTakeTheSameJob() throws Exception {
    List<String> queued = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      queued.add(jobs.enqueue(meeting("m-" + i)));
    }
    ConcurrentLinkedQueue<String> claimed = new ConcurrentLinkedQueue<>();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService workers = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        String worker = "w" + w;
        running.add(
            workers.submit(
                () -> {
                  go.await();
                  Optional<Job> job;
                  while ((job = jobs.claim(worker, LEASE)).isPresent()) {
                    claimed.add(job.get().id());
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      workers.shutdownNow();
    }

    assertThat(claimed).containsExactlyInAnyOrderElementsOf(queued);
  }

  private static String meeting(String id) {
    jdbc.sql(
            """
            INSERT INTO meeting (id, title, meeting_date, language, layout, status, content_key,
                                 created_at, updated_at)
            VALUES (:id, 'Standup', DATE '2026-11-26', 'en', 'MIXED', 'queued', :id,
                    CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
            """)
        .param("id", id)
        .update();
    return id;
  }
}
