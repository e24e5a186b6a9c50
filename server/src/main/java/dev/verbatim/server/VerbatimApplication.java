package dev.verbatim.server;

import dev.verbatim.ingest.IngestConfiguration;
import dev.verbatim.server.cli.VerbatimCommand;
import dev.verbatim.transcribe.TranscribeConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Starts Verbatim; every entry point goes through the command line in {@link VerbatimCommand}. */
@SpringBootApplication
@Import({IngestConfiguration.class, TranscribeConfiguration.class})
public class VerbatimApplication {

  public static void main(String[] args) {
    int exitCode = VerbatimCommand.execute(args);
    // A running web server keeps the JVM alive; every other command is done here.
    if (exitCode != VerbatimCommand.KEEP_RUNNING) {
      System.exit(exitCode);
    }
  }
}
