package dev.verbatim.server.meeting;

import dev.verbatim.server.account.AccountNotFoundException;
import dev.verbatim.server.account.Accounts;
import dev.verbatim.server.account.User;
import dev.verbatim.server.audit.AuditAction;
import dev.verbatim.server.audit.AuditTrail;
import dev.verbatim.server.audit.Audited;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Sharing a meeting with people, to view or to edit: for its owner and admins only. Whether the
 * whole organisation may view it is {@code orgVisible} of {@code PATCH /api/meetings/{id}}.
 */
@RestController
class ShareController {

  private final ShareStore shares;
  private final ApplicationEventPublisher publisher;
  private final MeetingStore meetings;
  private final Accounts accounts;
  private final AuditTrail audit;
  private final TransactionOperations transactions;

  ShareController(
      ShareStore shares,
      MeetingStore meetings,
      Accounts accounts,
      AuditTrail audit,
      ApplicationEventPublisher publisher,
      TransactionOperations transactions) {
    this.shares = shares;
    this.transactions = transactions;
    this.publisher = publisher;
    this.meetings = meetings;
    this.accounts = accounts;
    this.audit = audit;
  }

  /** A person the meeting is shared with. */
  record ShareView(String userId, String email, String name, String permission) {}

  @Operation(summary = "The people the meeting is shared with (owner or admin only)")
  @GetMapping("/api/meetings/{id}/shares")
  @RequiresPermission(Permission.MANAGE)
  List<ShareView> shares(@PathVariable String id) {
    return shares.shares(id).stream()
        .map(
            s ->
                accounts
                    .find(s.userId())
                    .map(u -> new ShareView(u.id(), u.email(), u.name(), s.permission().value())))
        .flatMap(Optional::stream)
        .toList();
  }

  @Operation(
      summary = "Share the meeting with a person, or change what they may do (owner or admin only)",
      description =
          "The person by user id or email address; body {\"permission\": \"view\"} or \"edit\".")
  @PutMapping("/api/meetings/{id}/shares/{user}")
  @RequiresPermission(Permission.MANAGE)
  @Audited(AuditAction.SHARE_GRANT)
  ShareView share(@PathVariable String id, @PathVariable String user, @RequestBody JsonNode body) {
    User person = person(user);
    JsonNode permission = body.get("permission");
    Permission chosen = permission(permission == null ? "" : permission.asString());
    Optional<String> owner = meetings.findOwner(id);
    if (owner.isPresent() && owner.get().equals(person.id())) {
      throw new IllegalArgumentException("The owner may already do everything with the meeting.");
    }
    // The event in the same transaction: the index feed records it on commit, with the share.
    transactions.executeWithoutResult(
        status -> {
          shares.share(id, person.id(), chosen);
          publisher.publishEvent(new MeetingChanged(id, MeetingChanged.Change.ACCESS));
        });
    audit.note("user=" + person.email() + ", permission=" + chosen.value());
    return new ShareView(person.id(), person.email(), person.name(), chosen.value());
  }

  @Operation(summary = "Stop sharing the meeting with a person (owner or admin only)")
  @DeleteMapping("/api/meetings/{id}/shares/{user}")
  @RequiresPermission(Permission.MANAGE)
  @Audited(AuditAction.SHARE_REVOKE)
  ResponseEntity<Void> unshare(@PathVariable String id, @PathVariable String user) {
    User person = person(user);
    // A revoked share that other processes' indexes missed would leak snippets: one transaction.
    transactions.executeWithoutResult(
        status -> {
          if (!shares.unshare(id, person.id())) {
            throw new MeetingNotFoundException("Share of " + user);
          }
          publisher.publishEvent(new MeetingChanged(id, MeetingChanged.Change.ACCESS));
        });
    audit.note("user=" + person.email());
    return ResponseEntity.noContent().build();
  }

  private User person(String user) {
    Optional<User> found = user.contains("@") ? accounts.findByEmail(user) : accounts.find(user);
    return found.orElseThrow(() -> new AccountNotFoundException("User " + user));
  }

  private static Permission permission(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "view" -> Permission.VIEW;
      case "edit" -> Permission.EDIT;
      default ->
          throw new IllegalArgumentException(
              "Give \"permission\" as \"view\" or \"edit\", not \"" + value + "\".");
    };
  }
}
