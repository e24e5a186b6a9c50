package dev.verbatim.transcribe;

/** Recognition stopped part-way: the audio could not be read or a decoding worker failed. */
public final class TranscriptionFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  TranscriptionFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
