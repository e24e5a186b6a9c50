package dev.verbatim.server.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.verbatim.server.audit.AuditAction;
import dev.verbatim.server.audit.AuditTarget;
import dev.verbatim.server.audit.Audited;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

/** Webhook subscriptions and their delivery log, for admins (see {@code account.WebSecurity}). */
@RestController
class WebhookController {

  static final int MAX_LOG = 200;

  private final Webhooks webhooks;

  WebhookController(Webhooks webhooks) {
    this.webhooks = webhooks;
  }

  /**
   * A subscription as the API shows it.
   *
   * @param secret only in the answer that made it (or replaced it)
   */
  record SubscriptionResource(
      String id,
      String url,
      List<String> events,
      boolean active,
      @Nullable String description,
      Instant createdAt,
      Instant updatedAt,
      @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String secret) {

    static SubscriptionResource of(Subscription s, @Nullable String secret) {
      return new SubscriptionResource(
          s.id(),
          s.url().toString(),
          s.events().stream().sorted().map(EventType::value).toList(),
          s.active(),
          s.description(),
          s.createdAt(),
          s.updatedAt(),
          secret);
    }

    @Override
    public String toString() {
      return "SubscriptionResource[" + id + " " + url + "]";
    }
  }

  @Operation(
      summary = "Subscribe a URL to events",
      description =
          "Fields: url (http or https), secret (16 to 200 characters; made for you if left out),"
              + " events (meeting.completed, action_item.created, action_item.updated,"
              + " action_item.deleted; all if left out), active (default true), description."
              + " The answer holds the secret: it is shown this once.")
  @PostMapping("/api/webhooks")
  @Audited(value = AuditAction.WEBHOOK_CREATE, kind = AuditTarget.Kind.WEBHOOK, target = "")
  ResponseEntity<SubscriptionResource> create(@RequestBody JsonNode body) {
    Webhooks.WithSecret created =
        webhooks.create(
            text(body, "url"),
            text(body, "secret"),
            list(body, "events"),
            !body.has("active") || bool(body, "active"),
            text(body, "description"));
    return ResponseEntity.created(URI.create("/api/webhooks/" + created.subscription().id()))
        .body(SubscriptionResource.of(created.subscription(), created.secret()));
  }

  @Operation(summary = "Every webhook subscription, oldest first (without secrets)")
  @GetMapping("/api/webhooks")
  List<SubscriptionResource> list() {
    return webhooks.all().stream().map(s -> SubscriptionResource.of(s, null)).toList();
  }

  @Operation(summary = "One webhook subscription (without its secret)")
  @GetMapping("/api/webhooks/{id}")
  SubscriptionResource get(@PathVariable String id) {
    return SubscriptionResource.of(webhooks.find(id).orElseThrow(() -> notFound(id)), null);
  }

  @Operation(
      summary = "Change a webhook subscription",
      description =
          "Fields: url, events, active, description, secret (a new one), rotateSecret (true: a new"
              + " one made for you). The answer holds a new secret, if there is one.")
  @PatchMapping("/api/webhooks/{id}")
  @Audited(value = AuditAction.WEBHOOK_UPDATE, kind = AuditTarget.Kind.WEBHOOK)
  SubscriptionResource update(@PathVariable String id, @RequestBody JsonNode body) {
    String secret = text(body, "secret");
    if (secret == null && body.has("rotateSecret") && bool(body, "rotateSecret")) {
      secret = "";
    }
    Webhooks.Changed changed =
        webhooks
            .update(
                id,
                text(body, "url"),
                list(body, "events"),
                body.has("active") ? bool(body, "active") : null,
                body.has("description")
                    ? Optional.ofNullable(text(body, "description"))
                    : Optional.empty(),
                secret)
            .orElseThrow(() -> notFound(id));
    return SubscriptionResource.of(changed.subscription(), changed.secret());
  }

  @Operation(summary = "Delete a webhook subscription with its delivery log")
  @DeleteMapping("/api/webhooks/{id}")
  @Audited(value = AuditAction.WEBHOOK_DELETE, kind = AuditTarget.Kind.WEBHOOK)
  ResponseEntity<Void> delete(@PathVariable String id) {
    if (!webhooks.delete(id)) {
      throw notFound(id);
    }
    return ResponseEntity.noContent().build();
  }

  @Operation(
      summary = "A subscription's delivery log, newest first",
      description = "Status, attempts, the last answer's status code and error, next attempt.")
  @GetMapping("/api/webhooks/{id}/deliveries")
  List<Delivery> deliveries(@PathVariable String id, @RequestParam(defaultValue = "50") int limit) {
    return webhooks
        .deliveries(id, Math.max(1, Math.min(limit, MAX_LOG)))
        .orElseThrow(() -> notFound(id));
  }

  @Operation(
      summary = "Send a delivery again",
      description =
          "Queues it at once with the same Idempotency-Key and a new retry period, whatever its"
              + " status.")
  @PostMapping("/api/webhooks/deliveries/{deliveryId}/replay")
  @Audited(
      value = AuditAction.WEBHOOK_REPLAY,
      kind = AuditTarget.Kind.WEBHOOK_DELIVERY,
      target = "deliveryId")
  ResponseEntity<Delivery> replay(@PathVariable String deliveryId) {
    long id;
    try {
      id = Long.parseLong(deliveryId);
    } catch (NumberFormatException e) {
      throw new ResponseStatusException(
          HttpStatus.NOT_FOUND, "There is no webhook delivery " + deliveryId + ".", e);
    }
    Delivery queued =
        webhooks
            .replay(id)
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "There is no webhook delivery " + deliveryId + "."));
    return ResponseEntity.accepted().body(queued);
  }

  private static ResponseStatusException notFound(String id) {
    return new ResponseStatusException(
        HttpStatus.NOT_FOUND, "There is no webhook subscription " + id + ".");
  }

  private static @Nullable String text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isString()) {
      throw new IllegalArgumentException("\"" + field + "\" must be text.");
    }
    return node.asString();
  }

  private static boolean bool(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || !node.isBoolean()) {
      throw new IllegalArgumentException("\"" + field + "\" must be true or false.");
    }
    return node.booleanValue();
  }

  private static @Nullable List<String> list(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException(
          "\"" + field + "\" must be a list, like [\"action_item.updated\"].");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode value : node) {
      if (!value.isString()) {
        throw new IllegalArgumentException("\"" + field + "\" must be a list of names.");
      }
      values.add(value.asString());
    }
    return values;
  }
}
