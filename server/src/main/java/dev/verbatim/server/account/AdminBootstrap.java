package dev.verbatim.server.account;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * A fresh installation gets its first admin from {@link AdminProperties}, before the web server
 * takes requests: the account when no admin exists yet, and the admin's automation token. It logs
 * what it made, never the secrets.
 */
class AdminBootstrap implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
  static final String TOKEN_NAME = "bootstrap";

  private final Accounts accounts;
  private final AdminProperties properties;

  AdminBootstrap(Accounts accounts, AdminProperties properties) {
    this.accounts = accounts;
    this.properties = properties;
  }

  @Override
  public void afterSingletonsInstantiated() {
    String email = blankToNull(properties.email());
    String password = blankToNull(properties.password());
    String token = blankToNull(properties.token());
    if (!accounts.anyAdmin()) {
      if (email != null && password != null) {
        User admin = accounts.create(email, email, password, Role.ADMIN);
        log.info("Created the first admin, {}", admin.email());
      } else {
        log.warn(
            "There is no admin yet: set VERBATIM_ADMIN_EMAIL and VERBATIM_ADMIN_PASSWORD and"
                + " restart to create one.");
      }
    }
    if (token != null) {
      Optional<User> owner = email != null ? accounts.findByEmail(email) : Optional.empty();
      Optional<User> admin = owner.filter(u -> u.role() == Role.ADMIN && !u.disabled());
      if (admin.isEmpty()) {
        log.warn(
            "VERBATIM_ADMIN_TOKEN is set but VERBATIM_ADMIN_EMAIL names no admin who can sign in;"
                + " no token was made.");
      } else if (accounts.ensureToken(admin.get().id(), TOKEN_NAME, token)) {
        log.info("Created the API token \"{}\" of {}", TOKEN_NAME, admin.get().email());
      }
    }
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
