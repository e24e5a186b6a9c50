package dev.verbatim.server.cli;

import dev.verbatim.ingest.MediaRejectedException;
import dev.verbatim.transcribe.SpeechModelMissingException;
import dev.verbatim.transcribe.UnknownLanguageException;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanCreationException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into one clear line for the user and an exit code; the stack trace goes to
 * the log, where it helps without frightening.
 */
final class FailureReport implements IExecutionExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(FailureReport.class);

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    Throwable cause = rootOfInterest(exception);
    PrintWriter err = commandLine.getErr();
    err.println(commandLine.getColorScheme().errorText("verbatim: " + cause.getMessage()));
    err.flush();
    log.debug("Command failed", exception);
    if (cause instanceof MediaRejectedException) {
      return ExitCode.REJECTED;
    }
    if (cause instanceof SpeechModelMissingException) {
      return ExitCode.MODEL_MISSING;
    }
    if (cause instanceof UnknownLanguageException) {
      return ExitCode.USAGE;
    }
    log.error("Command failed", exception);
    return ExitCode.FAILED;
  }

  /** Unwraps Spring's bean-creation wrappers to the exception that says what went wrong. */
  private static Throwable rootOfInterest(Throwable exception) {
    Throwable current = exception;
    while (current instanceof BeanCreationException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
