package dev.verbatim.server.account;

import dev.verbatim.server.audit.AuditAction;
import dev.verbatim.server.audit.AuditActor;
import dev.verbatim.server.audit.AuditTarget;
import dev.verbatim.server.audit.AuditTrail;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * People and their API tokens: creating and changing accounts, issuing, listing and revoking
 * tokens, and finding the account a token acts for.
 */
@Service
public class Accounts {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
  private static final int MIN_PASSWORD = 8;

  /** A token's last use is written at most this often, not on every request. */
  static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

  private final UserStore users;
  private final TokenStore tokens;
  private final PasswordEncoder passwords;
  private final AuditTrail audit;

  Accounts(UserStore users, TokenStore tokens, PasswordEncoder passwords, AuditTrail audit) {
    this.users = users;
    this.tokens = tokens;
    this.passwords = passwords;
    this.audit = audit;
  }

  public Optional<User> find(String id) {
    return users.find(id);
  }

  public Optional<User> findByEmail(String email) {
    return users.credentials(email).map(UserStore.Credentials::user);
  }

  public List<User> all() {
    return users.all();
  }

  boolean anyAdmin() {
    return users.anyAdmin();
  }

  /** Creates an account; the email must not be taken (whatever its case). */
  public User create(String email, String name, @Nullable String password, Role role) {
    String address = UserStore.normalise(email);
    if (!EMAIL.matcher(address).matches() || address.length() > 320) {
      throw new IllegalArgumentException("\"" + email + "\" is not an email address.");
    }
    String displayName = name.isBlank() ? address : name.strip();
    if (displayName.length() > 200) {
      throw new IllegalArgumentException("A name has at most 200 characters.");
    }
    User user = new User(newId("u-"), address, displayName, role, false, Instant.now());
    try {
      users.insert(user, password == null ? null : hash(password));
    } catch (DuplicateKeyException e) {
      throw new AccountConflictException("There is already an account for " + address + ".", e);
    }
    return user;
  }

  /**
   * Changes an account; null leaves a field as it is. The last admin who can sign in cannot be
   * disabled or made a member, or nobody could manage accounts any more.
   */
  public User update(
      String id,
      @Nullable String name,
      @Nullable Role role,
      @Nullable Boolean disabled,
      @Nullable String password) {
    User user = users.find(id).orElseThrow(() -> new AccountNotFoundException("User " + id));
    Role newRole = role != null ? role : user.role();
    boolean newDisabled = disabled != null ? disabled : user.disabled();
    String newName = name != null && !name.isBlank() ? name.strip() : user.name();
    boolean losesAdmin =
        user.role() == Role.ADMIN && !user.disabled() && (newRole != Role.ADMIN || newDisabled);
    if (losesAdmin && users.activeAdmins() <= 1) {
      throw new AccountConflictException(
          "This is the last admin who can sign in; make someone else admin first.");
    }
    users.update(id, newName, newRole, newDisabled);
    if (password != null) {
      users.updatePassword(id, hash(password));
    }
    return users.find(id).orElseThrow(() -> new AccountNotFoundException("User " + id));
  }

  /** A person changes their own password, knowing the current one. */
  void changePassword(String id, String current, String password) {
    Optional<UserStore.Credentials> found =
        users.find(id).flatMap(u -> users.credentials(u.email()));
    String stored = found.map(UserStore.Credentials::passwordHash).orElse(null);
    if (stored == null || !passwords.matches(current, stored)) {
      throw new IllegalArgumentException("The current password is not right.");
    }
    users.updatePassword(id, hash(password));
  }

  private String hash(String password) {
    if (password.length() < MIN_PASSWORD) {
      throw new IllegalArgumentException(
          "A password needs at least " + MIN_PASSWORD + " characters.");
    }
    return passwords.encode(password);
  }

  /** A token just issued: its value is shown this once and never again. */
  record IssuedToken(TokenStore.Token token, String value) {}

  /** Issues a new token for {@code owner} with a value nobody can guess. */
  IssuedToken issue(String ownerId, String name, Set<Scope> scopes) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String value = "vbt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return new IssuedToken(store(ownerId, name, scopes, value), value);
  }

  /** Makes sure a token with exactly this value exists (for automation that brings its own). */
  boolean ensureToken(String ownerId, String name, String value) {
    if (tokens.exists(sha256(value))) {
      return false;
    }
    store(ownerId, name, Scope.all(), value);
    return true;
  }

  private TokenStore.Token store(String ownerId, String name, Set<Scope> scopes, String value) {
    if (name.isBlank() || name.strip().length() > 100) {
      throw new IllegalArgumentException("A token needs a name of up to 100 characters.");
    }
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("A token needs at least one scope.");
    }
    TokenStore.Token token =
        new TokenStore.Token(
            newId("t-"), ownerId, name.strip(), Set.copyOf(scopes), Instant.now(), null, null);
    tokens.insert(token, sha256(value));
    return token;
  }

  List<TokenStore.Token> tokens(String userId) {
    return tokens.of(userId);
  }

  boolean revoke(String userId, String tokenId) {
    return tokens.revoke(userId, tokenId, Instant.now());
  }

  /** The caller a token value stands for, if it is a live token of an enabled account. */
  Optional<Caller> authenticate(String value) {
    Optional<TokenStore.Active> found = tokens.active(sha256(value));
    found.ifPresent(
        active -> {
          Instant now = Instant.now();
          Instant last = active.token().lastUsedAt();
          // The audit trail follows the last-use column: one record per token per minute at most,
          // decided by the database, so many requests at once (or many servers) make one.
          if ((last == null || last.isBefore(now.minus(USE_RESOLUTION)))
              && tokens.used(active.token().id(), now, now.minus(USE_RESOLUTION))) {
            audit.record(
                AuditActor.user(active.user().id(), active.user().email(), active.token().id()),
                AuditAction.TOKEN_USE,
                AuditTarget.token(active.token().id()),
                active.token().name());
          }
        });
    return found.map(
        active ->
            new Caller(
                active.user().id(),
                active.user().email(),
                active.user().name(),
                active.user().role(),
                active.token().scopes(),
                active.token().id()));
  }

  /** A secret as it is kept: its SHA-256, in hex. API, feed and share-link tokens are. */
  public static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }

  private static String newId(String prefix) {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return prefix + HexFormat.of().formatHex(bytes);
  }
}
