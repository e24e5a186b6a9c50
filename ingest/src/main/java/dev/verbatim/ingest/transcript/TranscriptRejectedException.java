package dev.verbatim.ingest.transcript;

/** A transcript file that cannot be read: the message says where and why, for the person. */
public final class TranscriptRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TranscriptRejectedException(String message) {
    super(message);
  }

  public TranscriptRejectedException(String message, Throwable cause) {
    super(message, cause);
  }
}
