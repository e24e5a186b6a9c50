package dev.verbatim.server.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The job queue's claims, leases and fencing, on a real (in-memory) database. */
class JobStoreTests {

  private static final Duration LEASE = Duration.ofMinutes(1);

  private JdbcClient jdbc;
  private JobStore jobs;
  private String meeting;

  @BeforeEach
  void database() {
    JdbcDataSource source = new JdbcDataSource();
    source.setURL(
        "jdbc:h2:mem:"
            + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(source).load().migrate();
    jdbc = JdbcClient.create(source);
    jobs = new JobStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(source)));
    meeting = "m-1";
    jdbc.sql(
            """
            INSERT INTO meeting (id, title, meeting_date, language, layout, status, content_key,
                                 created_at, updated_at)
            VALUES ('m-1', 'Standup', DATE '2026-11-26', 'en', 'MIXED', 'queued', 'k1',
                    CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
            """)
        .update();
  }

  @Test
  void aQueuedJobIsClaimedByOneWorkerOnly() {
    String id = jobs.enqueue(meeting);

    Optional<Job> first = jobs.claim("a", LEASE);
    Optional<Job> second = jobs.claim("b", LEASE);

    assertThat(first).get().extracting(Job::id, Job::attempts).containsExactly(id, 1);
    assertThat(second).isEmpty();
  }

  @Test
  void aJobWhoseLeaseRanOutIsClaimedAgainAndItsOldWorkerCanNoLongerFinishIt() {
    jobs.enqueue(meeting);
    Job taken = jobs.claim("dead", Duration.ofMillis(-1)).orElseThrow();

    Job again = jobs.claim("alive", LEASE).orElseThrow();

    assertThat(again.id()).isEqualTo(taken.id());
    assertThat(again.attempts()).isEqualTo(2);
    assertThat(jobs.complete(taken.id(), "dead")).isFalse();
    assertThat(jobs.heartbeat(taken.id(), "dead", LEASE)).isFalse();
    assertThat(jobs.complete(again.id(), "alive")).isTrue();
    assertThat(jobs.status(again.id())).contains("done");
    assertThat(jobs.claim("other", LEASE)).isEmpty();
  }

  @Test
  void aHeldLeaseIsRenewedByItsHeartbeat() {
    jobs.enqueue(meeting);
    Job job = jobs.claim("a", Duration.ofMillis(-1)).orElseThrow();

    assertThat(jobs.heartbeat(job.id(), "a", LEASE)).isTrue();

    assertThat(jobs.claim("b", LEASE)).isEmpty();
  }

  @Test
  void aRetriedJobWaitsForItsDelay() {
    jobs.enqueue(meeting);
    Job job = jobs.claim("a", LEASE).orElseThrow();

    assertThat(jobs.retry(job.id(), "a", "disk hiccup", Duration.ofHours(1))).isTrue();

    assertThat(jobs.status(job.id())).contains("queued");
    assertThat(jobs.claim("a", LEASE)).isEmpty();
  }

  @Test
  void aReleasedJobRunsAgainAtOnceWithoutCountingTheAttempt() {
    jobs.enqueue(meeting);
    Job job = jobs.claim("a", LEASE).orElseThrow();

    assertThat(jobs.release(job.id(), "a")).isTrue();

    assertThat(jobs.claim("b", LEASE)).get().extracting(Job::attempts).isEqualTo(1);
  }

  @Test
  void aCancelledJobIsNeverClaimedAndItsWorkerCannotCompleteIt() {
    jobs.enqueue(meeting);
    Job running = jobs.claim("a", LEASE).orElseThrow();
    jobs.enqueue(meeting);

    assertThat(jobs.cancel(meeting)).isEqualTo(2);

    assertThat(jobs.hasActiveJob(meeting)).isFalse();
    assertThat(jobs.complete(running.id(), "a")).isFalse();
    assertThat(jobs.claim("b", LEASE)).isEmpty();
  }

  @Test
  void aJobCancelledElsewhereRefusesItsWorkersProgressSoTheWorkerStopsAtOnce() {
    jobs.enqueue(meeting);
    Job running = jobs.claim("a", LEASE).orElseThrow();
    assertThat(jobs.progress(running.id(), "a", "transcribe", 0.2)).isTrue();

    jobs.cancel(meeting);

    assertThat(jobs.progress(running.id(), "a", "transcribe", 0.3)).isFalse();
  }

  @Test
  void deletingTheMeetingRemovesItsJobs() {
    jobs.enqueue(meeting);

    jdbc.sql("DELETE FROM meeting WHERE id = 'm-1'").update();

    assertThat(jobs.claim("a", LEASE)).isEmpty();
  }
}
