package dev.verbatim.server.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** What one run of the command line returned and printed. */
record CommandRun(int exitCode, String out, String err) {

  static CommandRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode =
        VerbatimCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CommandRun(exitCode, out.toString(), err.toString());
  }
}
