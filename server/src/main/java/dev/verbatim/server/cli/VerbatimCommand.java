package dev.verbatim.server.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code verbatim} command line: the one entry point to everything Verbatim does. */
@Command(
    name = "verbatim",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Offline meeting transcripts and minutes, on your own machine.",
    subcommands = {
      ProcessCommand.class,
      ServeCommand.class,
      ReindexCommand.class,
      BenchCommand.class,
      BenchMinutesCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 done, 1 failed, 2 bad arguments, 3 recording rejected, 4 speech model missing."
    })
public final class VerbatimCommand implements Runnable {

  /** Returned by {@link #execute} when a server is running and the JVM must stay up. */
  public static final int KEEP_RUNNING = Integer.MIN_VALUE;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    int exitCode = execute(args);
    // A running web server keeps the JVM alive; every other command is done here.
    if (exitCode != KEEP_RUNNING) {
      System.exit(exitCode);
    }
  }

  /** Parses {@code args}, runs the chosen command and returns the process exit code. */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /** Like {@link #execute(String...)}, writing to {@code out} and {@code err} instead. */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    return commandLine().setOut(out).setErr(err).execute(args);
  }

  private static CommandLine commandLine() {
    return new CommandLine(new VerbatimCommand()).setExecutionExceptionHandler(new FailureReport());
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
