package dev.verbatim.server.account;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first admin, for a fresh installation: {@code VERBATIM_ADMIN_EMAIL}, {@code
 * VERBATIM_ADMIN_PASSWORD} and {@code VERBATIM_ADMIN_TOKEN} in the environment, or the {@code
 * verbatim.admin.*} properties.
 *
 * @param email the admin's address; with {@code password}, creates the admin when there is none
 * @param password the admin's first password
 * @param token an API token value for automation; when set, a token of the admin with exactly this
 *     value and every scope is made to exist
 */
@ConfigurationProperties("verbatim.admin")
record AdminProperties(@Nullable String email, @Nullable String password, @Nullable String token) {

  /** Secrets stay out of logs and error messages, whoever prints this record. */
  @Override
  public String toString() {
    return "AdminProperties[email=" + email + ", password=***, token=***]";
  }
}
