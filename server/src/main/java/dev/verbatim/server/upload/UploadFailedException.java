package dev.verbatim.server.upload;

import dev.verbatim.server.storage.OutOfSpace;

/** An upload could not be stored (disk full, connection dropped); nothing was created. */
public final class UploadFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean outOfSpace;

  UploadFailedException(String message, Throwable cause) {
    super(message, cause);
    this.outOfSpace = OutOfSpace.causes(cause);
  }

  /** Whether the disk (or the quota) was full: the server's problem, which may pass. */
  public boolean outOfSpace() {
    return outOfSpace;
  }
}
