package dev.verbatim.server.account;

/** An account or token that does not exist, or not for the caller. */
public class AccountNotFoundException extends RuntimeException {

  public AccountNotFoundException(String message) {
    super(message);
  }
}
