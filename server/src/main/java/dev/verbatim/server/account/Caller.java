package dev.verbatim.server.account;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The person a request acts for, signed in with a form or through one of their API tokens.
 *
 * @param scopes what the request may do: every scope for a signed-in person, the token's for a
 *     token
 * @param tokenId the token the request came with, or null when signed in with a form
 */
public record Caller(
    String id, String email, String name, Role role, Set<Scope> scopes, @Nullable String tokenId) {

  public Caller {
    scopes = Set.copyOf(scopes);
  }

  public boolean admin() {
    return role == Role.ADMIN;
  }

  public boolean may(Scope scope) {
    return scopes.contains(scope);
  }
}
