package dev.verbatim.server.cli;

/** The process exit codes of the command line, as documented in its help. */
final class ExitCode {

  static final int DONE = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int REJECTED = 3;
  static final int MODEL_MISSING = 4;

  private ExitCode() {}
}
