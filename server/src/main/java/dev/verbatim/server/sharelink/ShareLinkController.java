package dev.verbatim.server.sharelink;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.verbatim.server.account.Callers;
import dev.verbatim.server.audit.AuditAction;
import dev.verbatim.server.audit.AuditTrail;
import dev.verbatim.server.audit.Audited;
import dev.verbatim.server.meeting.MeetingNotFoundException;
import dev.verbatim.server.meeting.Permission;
import dev.verbatim.server.meeting.RequiresPermission;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * A meeting's share links, for its owner and admins: make one (its token shown this once), list
 * them (never with their tokens) and revoke one.
 */
@RestController
class ShareLinkController {

  private final ShareLinks links;
  private final Callers callers;
  private final AuditTrail audit;
  private final Clock clock;

  ShareLinkController(ShareLinks links, Callers callers, AuditTrail audit, Clock clock) {
    this.links = links;
    this.callers = callers;
    this.audit = audit;
    this.clock = clock;
  }

  /** A link as its owner sees it in the list: what it shares and how it was used, no token. */
  record LinkView(
      String id,
      String name,
      boolean transcript,
      boolean exports,
      String state,
      Instant createdAt,
      @Nullable Instant expiresAt,
      @Nullable Instant revokedAt,
      @Nullable Instant lastViewedAt,
      long views) {}

  /** A link just made: the one answer that carries its token and address. */
  record CreatedView(@JsonUnwrapped LinkView link, String url, String token) {}

  @Operation(
      summary = "Make a read-only share link to the meeting (owner or admin only)",
      description =
          "Body, all optional: name; transcript (true: the transcript and recording too, false:"
              + " the minutes only; default true); exports (downloads allowed; default true);"
              + " expiresAt (YYYY-MM-DD, through that day in UTC, or an instant; null for never;"
              + " default 30 days from now). The answer holds the link's url and token: they are"
              + " shown this once and never again.")
  @PostMapping("/api/meetings/{id}/share-links")
  @RequiresPermission(Permission.MANAGE)
  @Audited(AuditAction.SHARE_LINK_CREATE)
  ResponseEntity<CreatedView> create(
      @PathVariable String id, @RequestBody(required = false) @Nullable JsonNode body) {
    ShareLinks.Options options =
        new ShareLinks.Options(
            text(body, "name", "Share link"),
            flag(body, "transcript"),
            flag(body, "exports"),
            expiry(body));
    ShareLinks.Created created = links.create(id, options, callers.current().id());
    ShareLink link = created.link();
    audit.note(
        "link="
            + link.id()
            + ", transcript="
            + link.transcript()
            + ", exports="
            + link.exports()
            + ", expiresAt="
            + (link.expiresAt() == null ? "never" : link.expiresAt()));
    String url =
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/s/{token}")
            .buildAndExpand(created.token())
            .toUriString();
    return ResponseEntity.created(URI.create("/api/meetings/" + id + "/share-links/" + link.id()))
        .body(new CreatedView(view(link), url, created.token()));
  }

  @Operation(summary = "The meeting's share links, without their tokens (owner or admin only)")
  @GetMapping("/api/meetings/{id}/share-links")
  @RequiresPermission(Permission.MANAGE)
  List<LinkView> list(@PathVariable String id) {
    return links.of(id).stream().map(this::view).toList();
  }

  @Operation(summary = "Revoke a share link at once (owner or admin only)")
  @DeleteMapping("/api/meetings/{id}/share-links/{linkId}")
  @RequiresPermission(Permission.MANAGE)
  @Audited(value = AuditAction.SHARE_LINK_REVOKE, detail = "linkId")
  ResponseEntity<Void> revoke(@PathVariable String id, @PathVariable String linkId) {
    if (!links.revoke(id, linkId)) {
      throw new MeetingNotFoundException("Share link " + linkId + " of meeting " + id);
    }
    return ResponseEntity.noContent().build();
  }

  private LinkView view(ShareLink link) {
    return new LinkView(
        link.id(),
        link.name(),
        link.transcript(),
        link.exports(),
        link.state(clock.instant()).value(),
        link.createdAt(),
        link.expiresAt(),
        link.revokedAt(),
        link.lastViewedAt(),
        link.views());
  }

  private static String text(@Nullable JsonNode body, String field, String otherwise) {
    JsonNode value = body == null ? null : body.get(field);
    if (value == null || value.isNull()) {
      return otherwise;
    }
    if (!value.isString()) {
      throw new IllegalArgumentException("\"" + field + "\" is text.");
    }
    return value.asString();
  }

  private static boolean flag(@Nullable JsonNode body, String field) {
    JsonNode value = body == null ? null : body.get(field);
    if (value == null || value.isNull()) {
      return true;
    }
    if (!value.isBoolean()) {
      throw new IllegalArgumentException("\"" + field + "\" is true or false.");
    }
    return value.asBoolean();
  }

  /** Absent: the default lifetime; null: never; a day: through its end in UTC; or an instant. */
  private @Nullable Instant expiry(@Nullable JsonNode body) {
    if (body == null || !body.has("expiresAt")) {
      return clock.instant().plus(ShareLinks.DEFAULT_LIFETIME);
    }
    JsonNode value = body.get("expiresAt");
    if (value.isNull()) {
      return null;
    }
    String text = value.isString() ? value.asString().strip() : "";
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "\"expiresAt\" is a date (YYYY-MM-DD), an instant (2030-03-01T09:30:00Z) or null for"
              + " never, not "
              + value
              + ".",
          e);
    }
  }
}
