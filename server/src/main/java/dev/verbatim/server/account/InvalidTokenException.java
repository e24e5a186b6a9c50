package dev.verbatim.server.account;

import org.springframework.security.core.AuthenticationException;

/** A bearer token that is unknown, revoked, or of a disabled account. */
final class InvalidTokenException extends AuthenticationException {

  InvalidTokenException(String message) {
    super(message);
  }
}
