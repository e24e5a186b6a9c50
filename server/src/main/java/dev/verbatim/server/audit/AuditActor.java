package dev.verbatim.server.audit;

import org.jspecify.annotations.Nullable;

/**
 * Who acted, as it was at the time.
 *
 * @param userId the account, or null for the system and for a failed sign-in
 * @param name the account's email then, {@code system}, or the address a sign-in was tried with
 * @param tokenId the API token the request came with, if any
 */
public record AuditActor(@Nullable String userId, String name, @Nullable String tokenId) {

  /** Scheduled work, such as retention. */
  public static final AuditActor SYSTEM = new AuditActor(null, "system", null);

  public AuditActor {
    name = clip(name, 320);
  }

  public static AuditActor user(String userId, String email, @Nullable String tokenId) {
    return new AuditActor(userId, email, tokenId);
  }

  /** Someone who tried to sign in with this address; it may name no account at all. */
  public static AuditActor attempt(String email) {
    String address = email.strip().toLowerCase(java.util.Locale.ROOT);
    return new AuditActor(null, address.isEmpty() ? "(no email)" : address, null);
  }

  static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
