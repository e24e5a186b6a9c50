package dev.verbatim.server.account;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request authenticated by an API token: it acts as the token's owner, within its scopes. */
final class TokenAuthentication extends AbstractAuthenticationToken {

  private final Caller caller;

  TokenAuthentication(Caller caller) {
    super(AccountPrincipal.authorities(caller.role(), caller.scopes()));
    this.caller = caller;
    setAuthenticated(true);
  }

  Caller caller() {
    return caller;
  }

  @Override
  public Object getCredentials() {
    // The token's value is not kept past the lookup.
    return "";
  }

  @Override
  public Object getPrincipal() {
    return caller;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TokenAuthentication t && t.caller.equals(caller);
  }

  @Override
  public int hashCode() {
    return caller.hashCode();
  }
}
