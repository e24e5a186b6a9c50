package dev.verbatim.server.account;

import dev.verbatim.server.audit.AuditAction;
import dev.verbatim.server.audit.AuditTarget;
import dev.verbatim.server.audit.AuditTrail;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The accounts API: who am I, the users (for admins), and one's own API tokens. Changes are
 * recorded in the audit trail here rather than with {@code @Audited}, as what changed depends on
 * the body.
 */
@RestController
class AccountController {

  private final Accounts accounts;
  private final Callers callers;
  private final AuditTrail audit;

  AccountController(Accounts accounts, Callers callers, AuditTrail audit) {
    this.accounts = accounts;
    this.callers = callers;
    this.audit = audit;
  }

  /** The caller, with what their credentials allow. */
  record Me(
      String id,
      String email,
      String name,
      String role,
      List<String> scopes,
      @Nullable String tokenId) {}

  @Operation(summary = "Who the caller is: account, role, and the scopes of this request")
  @GetMapping("/api/me")
  Me me() {
    Caller caller = callers.current();
    return new Me(
        caller.id(),
        caller.email(),
        caller.name(),
        caller.role().value(),
        caller.scopes().stream().sorted().map(Scope::value).toList(),
        caller.tokenId());
  }

  @Operation(
      summary = "Change one's own password",
      description = "{\"current\": \"…\", \"password\": \"…\"}; with a signed-in session only.")
  @PutMapping("/api/me/password")
  ResponseEntity<Void> changePassword(@RequestBody JsonNode body) {
    Caller caller = callers.current();
    if (caller.tokenId() != null) {
      throw new AccessDeniedException("An API token cannot change its owner's password.");
    }
    String current = text(body, "current");
    String password = text(body, "password");
    if (current == null || password == null) {
      throw new IllegalArgumentException("Give the \"current\" and the new \"password\".");
    }
    accounts.changePassword(caller.id(), current, password);
    audit.record(AuditAction.PASSWORD_CHANGE, AuditTarget.user(caller.id()), null);
    return ResponseEntity.noContent().build();
  }

  /** A user as the users API shows one. */
  record UserView(
      String id, String email, String name, String role, boolean disabled, Instant createdAt) {
    static UserView of(User user) {
      return new UserView(
          user.id(),
          user.email(),
          user.name(),
          user.role().value(),
          user.disabled(),
          user.createdAt());
    }
  }

  @Operation(summary = "Every account (admins only)")
  @GetMapping("/api/users")
  List<UserView> users() {
    return accounts.all().stream().map(UserView::of).toList();
  }

  @Operation(
      summary = "Create an account (admins only)",
      description =
          "{\"email\", \"name\", \"password\" (8 characters or more), \"role\": admin|member}")
  @PostMapping("/api/users")
  ResponseEntity<UserView> createUser(@RequestBody JsonNode body) {
    String email = text(body, "email");
    if (email == null) {
      throw new IllegalArgumentException("Give the new account's \"email\".");
    }
    String name = text(body, "name");
    String role = text(body, "role");
    User user =
        accounts.create(
            email,
            name == null ? "" : name,
            text(body, "password"),
            role == null ? Role.MEMBER : Role.of(role));
    audit.record(AuditAction.USER_CREATE, AuditTarget.user(user.id()), user.role().value());
    return ResponseEntity.created(URI.create("/api/users/" + user.id())).body(UserView.of(user));
  }

  @Operation(
      summary = "Change an account (admins only)",
      description = "Any of: name, role (admin|member), disabled, password.")
  @PatchMapping("/api/users/{userId}")
  UserView updateUser(@PathVariable String userId, @RequestBody JsonNode body) {
    String role = text(body, "role");
    JsonNode disabled = body.get("disabled");
    User before =
        accounts.find(userId).orElseThrow(() -> new AccountNotFoundException("User " + userId));
    String password = text(body, "password");
    User after =
        accounts.update(
            userId,
            text(body, "name"),
            role == null ? null : Role.of(role),
            disabled == null || disabled.isNull() ? null : disabled.asBoolean(),
            password);
    AuditTarget target = AuditTarget.user(userId);
    if (after.role() != before.role()) {
      audit.record(
          AuditAction.USER_ROLE, target, before.role().value() + " → " + after.role().value());
    }
    if (after.disabled() != before.disabled()) {
      audit.record(
          after.disabled() ? AuditAction.USER_DISABLE : AuditAction.USER_ENABLE, target, null);
    }
    if (!after.name().equals(before.name())) {
      audit.record(AuditAction.USER_UPDATE, target, "name");
    }
    if (password != null) {
      audit.record(AuditAction.USER_UPDATE, target, "password");
    }
    return UserView.of(after);
  }

  /** A token as its owner sees it; the value is in {@link NewToken} only, once. */
  record TokenView(
      String id,
      String name,
      List<String> scopes,
      Instant createdAt,
      @Nullable Instant lastUsedAt,
      @Nullable Instant revokedAt) {
    static TokenView of(TokenStore.Token token) {
      return new TokenView(
          token.id(),
          token.name(),
          token.scopes().stream().sorted().map(Scope::value).toList(),
          token.createdAt(),
          token.lastUsedAt(),
          token.revokedAt());
    }
  }

  /** A token just made, with its value: shown this once, stored only as a hash. */
  record NewToken(String id, String name, List<String> scopes, Instant createdAt, String token) {}

  @Operation(summary = "The caller's API tokens, newest first, with when each was last used")
  @GetMapping("/api/tokens")
  List<TokenView> tokens() {
    return accounts.tokens(callers.current().id()).stream().map(TokenView::of).toList();
  }

  @Operation(
      summary = "Create an API token; its value is in this answer only",
      description =
          "{\"name\": \"Jira sync\", \"scopes\": [\"meetings:read\", \"action-items:write\"]}."
              + " A token can only make tokens with scopes it has itself.")
  @PostMapping("/api/tokens")
  ResponseEntity<NewToken> createToken(@RequestBody JsonNode body) {
    Caller caller = callers.current();
    String name = text(body, "name");
    if (name == null) {
      throw new IllegalArgumentException("Give the token a \"name\".");
    }
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    JsonNode requested = body.get("scopes");
    if (requested == null || !requested.isArray()) {
      throw new IllegalArgumentException("Give the token's \"scopes\", e.g. [\"meetings:read\"].");
    }
    requested.forEach(s -> scopes.add(Scope.of(s.asString())));
    if (!caller.scopes().containsAll(scopes)) {
      throw new AccessDeniedException("A token cannot make a token with more scopes than it has.");
    }
    Accounts.IssuedToken issued = accounts.issue(caller.id(), name, scopes);
    TokenStore.Token token = issued.token();
    audit.record(
        AuditAction.TOKEN_CREATE,
        AuditTarget.token(token.id()),
        token.name()
            + " ("
            + String.join(" ", token.scopes().stream().sorted().map(Scope::value).toList())
            + ")");
    return ResponseEntity.created(URI.create("/api/tokens/" + token.id()))
        .header("Cache-Control", "no-store")
        .body(
            new NewToken(
                token.id(),
                token.name(),
                token.scopes().stream().sorted().map(Scope::value).toList(),
                token.createdAt(),
                issued.value()));
  }

  @Operation(summary = "Revoke one of the caller's API tokens; it stops working at once")
  @DeleteMapping("/api/tokens/{tokenId}")
  ResponseEntity<Void> revoke(@PathVariable String tokenId) {
    if (!accounts.revoke(callers.current().id(), tokenId)) {
      throw new AccountNotFoundException("Token " + tokenId);
    }
    audit.record(AuditAction.TOKEN_REVOKE, AuditTarget.token(tokenId), null);
    return ResponseEntity.noContent().build();
  }

  private static @Nullable String text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    return node == null || node.isNull() ? null : node.asString();
  }
}
