package dev.verbatim.server.actionitem;

import dev.verbatim.core.ActionItemStatus;
import dev.verbatim.server.account.Callers;
import dev.verbatim.server.audit.AuditAction;
import dev.verbatim.server.audit.AuditTarget;
import dev.verbatim.server.audit.AuditTrail;
import dev.verbatim.server.events.MeetingEvent;
import dev.verbatim.server.events.MeetingEvents;
import dev.verbatim.server.meeting.ActionItemStore;
import dev.verbatim.server.meeting.MeetingAccess;
import dev.verbatim.server.meeting.MeetingChanged;
import dev.verbatim.server.meeting.MeetingLinks;
import dev.verbatim.server.meeting.MeetingNotFoundException;
import dev.verbatim.server.meeting.Permission;
import dev.verbatim.server.meeting.TrackedActionItem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/action-items}: action items across the meetings the caller may see, for task systems
 * that turn them into tasks and report back where the tasks stand.
 */
@RestController
@Tag(name = "Action items", description = "Action items across meetings, for task systems")
class ActionItemController {

  static final int DEFAULT_PAGE = 50;
  static final int MAX_PAGE = 200;
  private static final int MAX_OWNER = 100;
  private static final int MAX_EXTERNAL_ID = 200;
  private static final int MAX_EXTERNAL_URL = 2000;

  private final ActionItemStore items;
  private final MeetingAccess access;
  private final Callers callers;
  private final MeetingLinks links;
  private final AuditTrail audit;
  private final ApplicationEventPublisher publisher;
  private final MeetingEvents events;

  ActionItemController(
      ActionItemStore items,
      MeetingAccess access,
      Callers callers,
      MeetingLinks links,
      AuditTrail audit,
      ApplicationEventPublisher publisher,
      MeetingEvents events) {
    this.items = items;
    this.access = access;
    this.callers = callers;
    this.links = links;
    this.audit = audit;
    this.publisher = publisher;
    this.events = events;
  }

  /** One page of items and where the next starts. */
  record Page(List<ActionItemResource> items, @Nullable String nextCursor) {}

  @Operation(
      summary = "List action items across meetings",
      description =
          "Items of every meeting the caller may see, in the order they last changed (oldest"
              + " first), so a task system can poll with updatedSince and follow nextCursor (also"
              + " in the Link header) until it is null. status may repeat or be comma-separated."
              + " dueBefore and dueAfter exclude the day given.")
  @GetMapping("/api/action-items")
  ResponseEntity<Page> list(
      @RequestParam(required = false) @Nullable String owner,
      @RequestParam(required = false) @Nullable List<String> status,
      @RequestParam(required = false) @Nullable String dueBefore,
      @RequestParam(required = false) @Nullable String dueAfter,
      @RequestParam(required = false) @Nullable String meeting,
      @RequestParam(required = false) @Nullable String updatedSince,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(defaultValue = "" + DEFAULT_PAGE) int limit) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException("\"limit\" is 1 to " + MAX_PAGE + ": " + limit);
    }
    ActionItemStore.Filter filter =
        new ActionItemStore.Filter(
            blankToNull(owner),
            statuses(status),
            date("dueBefore", dueBefore),
            date("dueAfter", dueAfter),
            blankToNull(meeting),
            instant("updatedSince", updatedSince));
    ActionItemStore.Cursor after = cursor == null ? null : ActionItemStore.Cursor.decode(cursor);
    List<TrackedActionItem> found = items.list(callers.current(), filter, after, limit + 1);
    boolean more = found.size() > limit;
    List<TrackedActionItem> page = more ? found.subList(0, limit) : found;
    String next = more ? ActionItemStore.Cursor.after(page.get(limit - 1)).encode() : null;
    ResponseEntity.BodyBuilder response = ResponseEntity.ok();
    if (next != null) {
      URI nextPage =
          ServletUriComponentsBuilder.fromCurrentRequest()
              .replaceQueryParam("cursor", next)
              .build()
              .toUri();
      response.header(HttpHeaders.LINK, "<" + nextPage + ">; rel=\"next\"");
    }
    return response.body(
        new Page(page.stream().map(i -> ActionItemResource.of(i, links)).toList(), next));
  }

  @Operation(summary = "One action item; its ETag is the version PATCH expects in If-Match")
  @GetMapping("/api/action-items/{id}")
  ResponseEntity<ActionItemResource> get(@PathVariable String id) {
    TrackedActionItem item = visible(id, Permission.VIEW);
    ActionItemResource resource = ActionItemResource.of(item, links);
    return ResponseEntity.ok().eTag(resource.etag()).body(resource);
  }

  @Operation(
      summary = "Move an action item along, or link it to a task",
      description =
          "A JSON merge patch of status (open, in_progress, done, dismissed), owner, due"
              + " (YYYY-MM-DD), externalId and externalUrl; null clears a field. If-Match with the"
              + " item's ETag is required: 412 if someone changed it since, 428 without it.")
  @PatchMapping(
      path = "/api/action-items/{id}",
      consumes = {"application/json", "application/merge-patch+json"})
  ResponseEntity<ActionItemResource> patch(
      @PathVariable String id,
      @RequestBody JsonNode body,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    TrackedActionItem current = visible(id, Permission.EDIT);
    if (ifMatch == null || ifMatch.isBlank()) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.PRECONDITION_REQUIRED,
              "Send If-Match with the item's ETag (GET it first), so a change made meanwhile is"
                  + " not overwritten. Its ETag now is "
                  + ActionItemResource.of(current, links).etag()
                  + ".");
      problem.setTitle("If-Match required");
      throw new ErrorResponseException(HttpStatus.PRECONDITION_REQUIRED, problem, null);
    }
    if (!body.isObject()) {
      throw new IllegalArgumentException("The body is a JSON object of the fields to change.");
    }
    TrackedActionItem changed = apply(current, body);
    ActionItemStore.Update update = items.update(changed, version(ifMatch));
    if (update instanceof ActionItemStore.Update.Conflict conflict) {
      throw stale(ActionItemResource.of(conflict.current(), links));
    }
    if (!(update instanceof ActionItemStore.Update.Done done)) {
      throw new MeetingNotFoundException("Action item " + id);
    }
    TrackedActionItem stored = done.item();
    audit.record(
        AuditAction.ACTION_ITEM_EDIT,
        AuditTarget.meeting(stored.meetingId()),
        "itemId=" + stored.itemId() + " status=" + statusValue(stored.status()));
    publisher.publishEvent(new MeetingChanged(stored.meetingId(), MeetingChanged.Change.EDITED));
    events.publish(MeetingEvent.updated(stored.meetingId()));
    ActionItemResource resource = ActionItemResource.of(stored, links);
    return ResponseEntity.ok().eTag(resource.etag()).body(resource);
  }

  /**
   * The item, if the caller may do {@code needed} with its meeting; else as if it did not exist.
   */
  private TrackedActionItem visible(String id, Permission needed) {
    TrackedActionItem item =
        items.find(id).orElseThrow(() -> new MeetingNotFoundException("Action item " + id));
    access.require(item.meetingId(), needed);
    return item;
  }

  private static TrackedActionItem apply(TrackedActionItem item, JsonNode body) {
    for (String field : body.propertyNames()) {
      if (!Set.of("status", "owner", "due", "externalId", "externalUrl").contains(field)) {
        throw new IllegalArgumentException(
            "\""
                + field
                + "\" cannot be changed here; fields are status, owner, due, externalId and"
                + " externalUrl.");
      }
    }
    ActionItemStatus status = item.status();
    if (body.has("status")) {
      if (!body.get("status").isString()) {
        throw new IllegalArgumentException(
            "\"status\" is one of open, in_progress, done, dismissed.");
      }
      status = status(body.get("status").asString());
    }
    String owner = body.has("owner") ? text(body, "owner", MAX_OWNER) : item.owner();
    LocalDate due = item.due();
    if (body.has("due")) {
      String value = text(body, "due", 10);
      due = value == null ? null : date("due", value);
    }
    String externalId =
        body.has("externalId") ? text(body, "externalId", MAX_EXTERNAL_ID) : item.externalId();
    String externalUrl =
        body.has("externalUrl")
            ? url(text(body, "externalUrl", MAX_EXTERNAL_URL))
            : item.externalUrl();
    return new TrackedActionItem(
        item.id(),
        item.meetingId(),
        item.itemId(),
        item.meetingTitle(),
        item.meetingDate(),
        item.text(),
        owner,
        due,
        status,
        item.startMs(),
        item.quote(),
        item.confirmed(),
        externalId,
        externalUrl,
        item.version(),
        item.updatedAt());
  }

  private static ErrorResponseException stale(ActionItemResource current) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.PRECONDITION_FAILED,
            "Action item "
                + current.id()
                + " was changed by someone else; its ETag now is "
                + current.etag()
                + ". GET it, and apply your change again.");
    problem.setTitle("Conflict");
    return new ErrorResponseException(HttpStatus.PRECONDITION_FAILED, problem, null);
  }

  /** A field's text, stripped; null when JSON null or blank, so a patch can clear it. */
  private static @Nullable String text(JsonNode body, String field, int max) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isString()) {
      throw new IllegalArgumentException("\"" + field + "\" is a string or null.");
    }
    String value = node.asString().strip();
    if (value.length() > max) {
      throw new IllegalArgumentException(
          "\"" + field + "\" is too long: " + value.length() + " characters, at most " + max + ".");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException("\"" + field + "\" has a control character.");
      }
    }
    return value.isEmpty() ? null : value;
  }

  /** Only web links: a task's address is shown as a link, and other schemes run or read things. */
  private static @Nullable String url(@Nullable String value) {
    if (value == null) {
      return null;
    }
    try {
      URI uri = URI.create(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "\"externalUrl\" is an http or https address: \"" + value + "\"");
      }
      return value;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "\"externalUrl\" is an http or https address: \"" + value + "\"", e);
    }
  }

  static Set<ActionItemStatus> statuses(@Nullable List<String> values) {
    Set<ActionItemStatus> statuses = EnumSet.noneOf(ActionItemStatus.class);
    if (values != null) {
      for (String value : values) {
        for (String one : value.split(",")) {
          if (!one.isBlank()) {
            statuses.add(status(one));
          }
        }
      }
    }
    return statuses;
  }

  static ActionItemStatus status(String value) {
    try {
      return ActionItemStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "status is one of open, in_progress, done, dismissed: \"" + value + "\"", e);
    }
  }

  static String statusValue(ActionItemStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  static @Nullable LocalDate date(String name, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "\"" + name + "\" is a date, YYYY-MM-DD: \"" + value + "\"", e);
    }
  }

  private static @Nullable Instant instant(String name, @Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "\"" + name + "\" is an instant like 2026-11-26T09:00:00Z: \"" + value + "\"", e);
    }
  }

  private static int version(String ifMatch) {
    try {
      return Integer.parseInt(ifMatch.replace("W/", "").replace("\"", "").strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("If-Match is the item's ETag, like \"3\".", e);
    }
  }

  static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
