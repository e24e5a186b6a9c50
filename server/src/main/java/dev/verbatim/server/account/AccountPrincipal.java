package dev.verbatim.server.account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A person signed in with the form, as their session holds them. The password hash is dropped as
 * soon as sign-in succeeds.
 */
final class AccountPrincipal implements UserDetails, CredentialsContainer {

  private final User user;
  private @Nullable String passwordHash;

  AccountPrincipal(User user, @Nullable String passwordHash) {
    this.user = user;
    this.passwordHash = passwordHash;
  }

  User user() {
    return user;
  }

  Caller caller() {
    return new Caller(user.id(), user.email(), user.name(), user.role(), Scope.all(), null);
  }

  /** A role, and the scopes a caller has, as Spring Security's authorities. */
  static List<GrantedAuthority> authorities(Role role, Collection<Scope> scopes) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
    for (Scope scope : scopes) {
      authorities.add(new SimpleGrantedAuthority(scopeAuthority(scope)));
    }
    return authorities;
  }

  static String scopeAuthority(Scope scope) {
    return "SCOPE_" + scope.value();
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return authorities(user.role(), Scope.all());
  }

  @Override
  public @Nullable String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return user.email();
  }

  @Override
  public boolean isEnabled() {
    return !user.disabled();
  }

  @Override
  public void eraseCredentials() {
    passwordHash = null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AccountPrincipal p && p.user.id().equals(user.id());
  }

  @Override
  public int hashCode() {
    return user.id().hashCode();
  }

  @Override
  public String toString() {
    return "AccountPrincipal[" + user.email() + "]";
  }
}
