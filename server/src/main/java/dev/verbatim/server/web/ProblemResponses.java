package dev.verbatim.server.web;

import dev.verbatim.ingest.MediaRejectedException;
import dev.verbatim.ingest.transcript.TranscriptRejectedException;
import dev.verbatim.server.VerbatimProperties;
import dev.verbatim.server.account.AccountConflictException;
import dev.verbatim.server.account.AccountNotFoundException;
import dev.verbatim.server.meeting.EditConflictException;
import dev.verbatim.server.meeting.MediaRemovedException;
import dev.verbatim.server.meeting.MeetingForbiddenException;
import dev.verbatim.server.meeting.MeetingNotFoundException;
import dev.verbatim.server.storage.OutOfSpace;
import dev.verbatim.server.upload.UploadFailedException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.JsonNodeException;

/**
 * Every API error as an RFC 9457 problem detail, with a message meant for the person who caused it.
 * Spring's own exceptions (bad JSON, missing parts, wrong methods, an upload over the size limit)
 * are handled by the base class in the same format.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

  private final DataSize maxRecording;
  private final DataSize maxPartHeader;

  ProblemResponses(
      VerbatimProperties properties,
      @Value("${server.tomcat.max-part-header-size:512B}") DataSize maxPartHeader) {
    this.maxRecording = properties.upload().maxSize();
    this.maxPartHeader = maxPartHeader;
  }

  @ExceptionHandler(MeetingNotFoundException.class)
  ProblemDetail notFound(MeetingNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  /** Gone on purpose, not broken: the transcript is still there, the recording is not. */
  @ExceptionHandler(MediaRemovedException.class)
  ProblemDetail mediaRemoved(MediaRemovedException e) {
    ProblemDetail problem = problem(HttpStatus.GONE, "Recording removed", e.getMessage());
    problem.setProperty("removedAt", e.removedAt().toString());
    return problem;
  }

  @ExceptionHandler(MeetingForbiddenException.class)
  ProblemDetail forbidden(MeetingForbiddenException e) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
  }

  @ExceptionHandler(AccountNotFoundException.class)
  ProblemDetail accountNotFound(AccountNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(AccountConflictException.class)
  ProblemDetail accountConflict(AccountConflictException e) {
    return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail badRequest(IllegalArgumentException e) {
    return problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
  }

  @ExceptionHandler(MediaRejectedException.class)
  ProblemDetail rejected(MediaRejectedException e) {
    return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Recording rejected", e.getMessage());
  }

  @ExceptionHandler(TranscriptRejectedException.class)
  ProblemDetail rejected(TranscriptRejectedException e) {
    return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Transcript rejected", e.getMessage());
  }

  @ExceptionHandler(EditConflictException.class)
  ProblemDetail conflict(EditConflictException e) {
    HttpStatus status = e.stale() ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT;
    return problem(status, "Conflict", e.getMessage());
  }

  @ExceptionHandler(UploadFailedException.class)
  ProblemDetail uploadFailed(UploadFailedException e) {
    if (e.outOfSpace()) {
      // Logged where it happened; 507 tells the client it was the server's disk, not the file.
      return problem(HttpStatus.INSUFFICIENT_STORAGE, "Insufficient storage", e.getMessage());
    }
    log.error("Upload failed", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Upload failed", e.getMessage());
  }

  /** A JSON body whose values have the wrong type, such as an object where text belongs. */
  @ExceptionHandler(JsonNodeException.class)
  ProblemDetail wrongType(JsonNodeException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "Bad request",
        "A value in the request body has the wrong type: " + e.getOriginalMessage());
  }

  /** A multipart body the container could not parse, such as one without its boundary. */
  @ExceptionHandler(MultipartException.class)
  ProblemDetail badMultipart(MultipartException e) {
    if (OutOfSpace.causes(e)) {
      // The container spools each part to disk before the upload is looked at.
      log.error("No room left to receive an upload", e);
      return problem(
          HttpStatus.INSUFFICIENT_STORAGE,
          "Insufficient storage",
          "The server has no room left to receive the recording, so nothing was kept. Try again"
              + " later, or ask the administrator to free disk space.");
    }
    return problem(
        HttpStatus.BAD_REQUEST,
        "Bad request",
        "The upload is not a readable multipart/form-data request: "
            + NestedExceptionUtils.getMostSpecificCause(e).getMessage());
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String detail =
        NestedExceptionUtils.getMostSpecificCause(ex) instanceof JacksonException json
            ? "The request body is not valid JSON: "
                + json.getOriginalMessage()
                + (json.getLocation() != null
                    ? " (line "
                        + json.getLocation().getLineNr()
                        + ", column "
                        + json.getLocation().getColumnNr()
                        + ")"
                    : "")
            : "The request needs a JSON body.";
    return handleExceptionInternal(
        ex, problem(HttpStatus.BAD_REQUEST, "Bad request", detail), headers, status, request);
  }

  /** The container reports a part header over its limit (a file name of kilobytes) this way too. */
  @Override
  protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String detail =
        "The upload is over a size limit: each recording may be at most "
            + human(maxRecording)
            + ", and the headers of each part, its file name among them, at most "
            + human(maxPartHeader)
            + ".";
    return handleExceptionInternal(
        ex,
        problem(HttpStatus.CONTENT_TOO_LARGE, "Content too large", detail),
        headers,
        status,
        request);
  }

  private static String human(DataSize size) {
    long bytes = size.toBytes();
    String[] units = {"bytes", "KB", "MB", "GB", "TB"};
    int unit = 0;
    double value = bytes;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0
        ? bytes + " bytes"
        : String.format(Locale.ROOT, "%.1f %s", value, units[unit]).replace(".0 ", " ");
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
