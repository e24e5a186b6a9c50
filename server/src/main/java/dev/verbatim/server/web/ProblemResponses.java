package dev.verbatim.server.web;

import dev.verbatim.ingest.MediaRejectedException;
import dev.verbatim.server.account.AccountConflictException;
import dev.verbatim.server.account.AccountNotFoundException;
import dev.verbatim.server.meeting.EditConflictException;
import dev.verbatim.server.meeting.MeetingForbiddenException;
import dev.verbatim.server.meeting.MeetingNotFoundException;
import dev.verbatim.server.upload.UploadFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as an RFC 9457 problem detail, with a message meant for the person who caused it.
 * Spring's own exceptions (bad JSON, missing parts, wrong methods, an upload over the size limit)
 * are handled by the base class in the same format.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

  @ExceptionHandler(MeetingNotFoundException.class)
  ProblemDetail notFound(MeetingNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
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

  @ExceptionHandler(EditConflictException.class)
  ProblemDetail conflict(EditConflictException e) {
    HttpStatus status = e.stale() ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT;
    return problem(status, "Conflict", e.getMessage());
  }

  @ExceptionHandler(UploadFailedException.class)
  ProblemDetail uploadFailed(UploadFailedException e) {
    log.error("Upload failed", e);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Upload failed", e.getMessage());
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
