package dev.verbatim.server.upload;

/** An upload could not be stored (disk full, connection dropped); nothing was created. */
public final class UploadFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UploadFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
