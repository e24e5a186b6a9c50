package dev.verbatim.minutes;

/**
 * The chat API could not give a usable answer: unreachable, too slow, an HTTP error, or a reply
 * that is not what was asked for. The message says which, and never holds the API key.
 */
class LlmUnavailableException extends RuntimeException {

  LlmUnavailableException(String message) {
    super(message);
  }

  LlmUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
