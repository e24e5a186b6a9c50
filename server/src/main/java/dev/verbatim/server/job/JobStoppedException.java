package dev.verbatim.server.job;

/** Ends a running job early, from inside its progress reports. */
final class JobStoppedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the job stopped. */
  enum Reason {
    /** Someone cancelled it. */
    CANCELLED,
    /** This process is shutting down; the job runs again later. */
    SHUTDOWN,
    /** The lease ran out and another worker may have it now. */
    LEASE_LOST
  }

  private final Reason reason;

  JobStoppedException(Reason reason) {
    super("Job stopped: " + reason);
    this.reason = reason;
  }

  Reason reason() {
    return reason;
  }
}
