package dev.verbatim.server.account;

/** A change to accounts that would break a rule: a taken email, or no admin left. */
public class AccountConflictException extends RuntimeException {

  public AccountConflictException(String message) {
    super(message);
  }

  public AccountConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
