package dev.verbatim.server.meeting;

/** No meeting (or no part of one) has the id asked for. */
public final class MeetingNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public MeetingNotFoundException(String what) {
    super(what + " not found");
  }
}
