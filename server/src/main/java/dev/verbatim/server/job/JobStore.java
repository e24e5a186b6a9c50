package dev.verbatim.server.job;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job queue, in the database so jobs outlive the process.
 *
 * <p>A worker claims a job by compare-and-set on its row and holds it with a lease that its
 * heartbeat renews. Every later write names the worker, so a worker that lost its lease (it
 * stalled, and another took the job over) can no longer complete or fail the job: a job's result is
 * stored once.
 *
 * <p>Workers in several processes share the table: a claim locks its candidate row with {@code FOR
 * UPDATE SKIP LOCKED}, so concurrent claims pass over each other's rows instead of waiting for them
 * or racing for the same one.
 */
@Repository
class JobStore {

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  JobStore(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  String enqueue(String meetingId) {
    String id = "j-" + UUID.randomUUID();
    Instant now = Instant.now();
    jdbc.sql(
            """
            INSERT INTO job (id, meeting_id, status, attempts, run_after, created_at, updated_at)
            VALUES (:id, :meeting, 'queued', 0, :now, :now, :now)
            """)
        .param("id", id)
        .param("meeting", meetingId)
        .param("now", at(now))
        .update();
    return id;
  }

  /** Whether the meeting has a job that is queued or running. */
  boolean hasActiveJob(String meetingId) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM job WHERE meeting_id = :m AND status IN ('queued', 'running')")
            .param("m", meetingId)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Claims the oldest runnable job: queued and due, or running under a lease that ran out because
   * its worker died.
   */
  Optional<Job> claim(String worker, Duration lease) {
    Optional<Job> claimed = transactions.execute(status -> claimInTransaction(worker, lease));
    return claimed == null ? Optional.empty() : claimed;
  }

  private Optional<Job> claimInTransaction(String worker, Duration lease) {
    Instant now = Instant.now();
    // The lock lasts until this transaction commits the claim; another worker's claim skips the
    // row meanwhile and takes the next one. (H2 accepts the clause too; with LIMIT it may find
    // nothing while a row is locked, and that worker simply looks again at its next poll.)
    Optional<String> candidate =
        jdbc.sql(
                """
                SELECT id FROM job
                WHERE (status = 'queued' AND run_after <= :now)
                   OR (status = 'running' AND lease_until < :now)
                ORDER BY created_at LIMIT 1
                FOR UPDATE SKIP LOCKED
                """)
            .param("now", at(now))
            .query(String.class)
            .optional();
    if (candidate.isEmpty()) {
      return Optional.empty();
    }
    // Still conditional: the lock keeps other claims away, the condition fences a stale one.
    int claimed =
        jdbc.sql(
                """
                UPDATE job SET status = 'running', worker = :worker, lease_until = :lease,
                       attempts = attempts + 1, updated_at = :now
                WHERE id = :id AND ((status = 'queued' AND run_after <= :now)
                                    OR (status = 'running' AND lease_until < :now))
                """)
            .param("worker", worker)
            .param("lease", at(now.plus(lease)))
            .param("now", at(now))
            .param("id", candidate.get())
            .update();
    if (claimed != 1) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT id, meeting_id, attempts FROM job WHERE id = :id")
        .param("id", candidate.get())
        .query(
            (rs, n) ->
                new Job(rs.getString("id"), rs.getString("meeting_id"), rs.getInt("attempts")))
        .optional();
  }

  /**
   * Jobs changed after {@code since} (by their writers' clocks), oldest change first, for processes
   * that follow the jobs other processes run.
   */
  List<JobChange> changedSince(Instant since, int limit) {
    return jdbc.sql(
            """
            SELECT id, meeting_id, status, stage, progress, error, worker, updated_at FROM job
            WHERE updated_at > :since ORDER BY updated_at LIMIT :limit
            """)
        .param("since", at(since))
        .param("limit", limit)
        .query(
            (rs, n) ->
                new JobChange(
                    rs.getString("id"),
                    rs.getString("meeting_id"),
                    rs.getString("status"),
                    rs.getString("stage"),
                    rs.getDouble("progress"),
                    rs.getString("error"),
                    rs.getString("worker"),
                    rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  /** A job as {@link #changedSince} reads it. */
  record JobChange(
      String id,
      String meetingId,
      String status,
      @Nullable String stage,
      double progress,
      @Nullable String error,
      @Nullable String worker,
      Instant updatedAt) {}

  /** Renews the lease; false when the job is no longer this worker's (cancelled, taken over). */
  boolean heartbeat(String jobId, String worker, Duration lease) {
    return jdbc.sql(
                """
                UPDATE job SET lease_until = :lease
                WHERE id = :id AND worker = :worker AND status = 'running'
                """)
            .param("lease", at(Instant.now().plus(lease)))
            .param("id", jobId)
            .param("worker", worker)
            .update()
        == 1;
  }

  /** Stores the job's progress; false when the job is no longer this worker's (cancelled). */
  boolean progress(String jobId, String worker, String stage, double progress) {
    return jdbc.sql(
                """
                UPDATE job SET stage = :stage, progress = :progress, updated_at = :now
                WHERE id = :id AND worker = :worker AND status = 'running'
                """)
            .param("stage", stage)
            .param("progress", progress)
            .param("now", at(Instant.now()))
            .param("id", jobId)
            .param("worker", worker)
            .update()
        == 1;
  }

  /** Marks the job done if it is still this worker's; false means the result must not count. */
  boolean complete(String jobId, String worker) {
    return finish(jobId, worker, "done", null);
  }

  boolean fail(String jobId, String worker, String error) {
    return finish(jobId, worker, "failed", error);
  }

  /** Puts the job back in the queue, to run again after {@code delay}. */
  boolean retry(String jobId, String worker, String error, Duration delay) {
    Instant now = Instant.now();
    return jdbc.sql(
                """
                UPDATE job SET status = 'queued', worker = NULL, lease_until = NULL,
                       run_after = :after, error = :error, updated_at = :now
                WHERE id = :id AND worker = :worker AND status = 'running'
                """)
            .param("after", at(now.plus(delay)))
            .param("error", error)
            .param("now", at(now))
            .param("id", jobId)
            .param("worker", worker)
            .update()
        == 1;
  }

  /**
   * Hands a job back untouched (the process is shutting down): it runs again at once elsewhere or
   * after the restart, and this attempt does not count.
   */
  boolean release(String jobId, String worker) {
    return jdbc.sql(
                """
                UPDATE job SET status = 'queued', worker = NULL, lease_until = NULL,
                       attempts = attempts - 1, updated_at = :now
                WHERE id = :id AND worker = :worker AND status = 'running'
                """)
            .param("now", at(Instant.now()))
            .param("id", jobId)
            .param("worker", worker)
            .update()
        == 1;
  }

  /** Cancels the meeting's queued or running jobs; returns how many. */
  int cancel(String meetingId) {
    return jdbc.sql(
            """
            UPDATE job SET status = 'cancelled', lease_until = NULL, updated_at = :now
            WHERE meeting_id = :m AND status IN ('queued', 'running')
            """)
        .param("now", at(Instant.now()))
        .param("m", meetingId)
        .update();
  }

  /** Jobs waiting to run, for the queue-depth gauge. */
  long queued() {
    return jdbc.sql("SELECT COUNT(*) FROM job WHERE status = 'queued'").query(Long.class).single();
  }

  /** The status of a job: queued, running, done, failed or cancelled. */
  Optional<String> status(String jobId) {
    return jdbc.sql("SELECT status FROM job WHERE id = :id")
        .param("id", jobId)
        .query(String.class)
        .optional();
  }

  private boolean finish(String jobId, String worker, String status, @Nullable String error) {
    return jdbc.sql(
                """
                UPDATE job SET status = :status, error = :error, lease_until = NULL,
                       updated_at = :now
                WHERE id = :id AND worker = :worker AND status = 'running'
                """)
            .param("status", status)
            .param("error", error)
            .param("now", at(Instant.now()))
            .param("id", jobId)
            .param("worker", worker)
            .update()
        == 1;
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
