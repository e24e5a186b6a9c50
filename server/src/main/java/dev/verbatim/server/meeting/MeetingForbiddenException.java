package dev.verbatim.server.meeting;

/**
 * The caller may see the meeting but not do this with it (HTTP 403). A caller who may not even see
 * it gets {@link MeetingNotFoundException} instead, so its existence stays secret.
 */
public final class MeetingForbiddenException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public MeetingForbiddenException(String message) {
    super(message);
  }
}
