package dev.verbatim.server.actionitem;

import dev.verbatim.core.ActionItemStatus;
import dev.verbatim.server.account.Caller;
import dev.verbatim.server.account.Callers;
import dev.verbatim.server.account.Scope;
import dev.verbatim.server.audit.AuditAction;
import dev.verbatim.server.audit.AuditTarget;
import dev.verbatim.server.audit.AuditTrail;
import dev.verbatim.server.meeting.ActionItemStore;
import dev.verbatim.server.meeting.MeetingLinks;
import dev.verbatim.server.meeting.TrackedActionItem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code /api/action-items.ics}: action items as a to-do list calendar apps subscribe to, with a
 * per-user feed token in the address since they cannot sign in.
 */
@RestController
@Tag(name = "Action items")
class CalendarFeedController {

  /** Items read from the database at a time while the feed streams. */
  private static final int CHUNK = 500;

  private final FeedTokenStore tokens;
  private final ActionItemStore items;
  private final Callers callers;
  private final MeetingLinks links;
  private final AuditTrail audit;

  CalendarFeedController(
      FeedTokenStore tokens,
      ActionItemStore items,
      Callers callers,
      MeetingLinks links,
      AuditTrail audit) {
    this.tokens = tokens;
    this.items = items;
    this.callers = callers;
    this.links = links;
    this.audit = audit;
  }

  record FeedToken(String token, String url) {}

  @Operation(
      summary = "Make a new calendar feed address",
      description =
          "Returns the token and the feed's address once; the earlier token stops working.")
  @PostMapping("/api/me/feed-token")
  ResponseEntity<FeedToken> renew() {
    Caller caller = callers.current();
    String token = tokens.renew(caller.id());
    audit.record(AuditAction.FEED_TOKEN_CREATE, AuditTarget.user(caller.id()), null);
    return ResponseEntity.status(HttpStatus.CREATED)
        .cacheControl(CacheControl.noStore())
        .body(new FeedToken(token, links.base() + "/api/action-items.ics?token=" + token));
  }

  @Operation(summary = "Whether a calendar feed address exists, and since when")
  @GetMapping("/api/me/feed-token")
  Map<String, Object> status() {
    Optional<Instant> created = tokens.created(callers.current().id());
    return created.isPresent()
        ? Map.of("exists", true, "createdAt", created.get())
        : Map.of("exists", false);
  }

  @Operation(summary = "Stop the calendar feed address working")
  @DeleteMapping("/api/me/feed-token")
  ResponseEntity<Void> revoke() {
    Caller caller = callers.current();
    if (tokens.revoke(caller.id())) {
      audit.record(AuditAction.FEED_TOKEN_REVOKE, AuditTarget.user(caller.id()), null);
    }
    return ResponseEntity.noContent().build();
  }

  @Operation(
      summary = "Action items as an iCalendar to-do list (VTODO)",
      description =
          "Authenticated by ?token= (the feed token of POST /api/me/feed-token) or as any other"
              + " API call. Filters as in GET /api/action-items; owner=me means the reader's"
              + " name. Without status, dismissed items are left out.")
  @GetMapping(path = "/api/action-items.ics", produces = ActionItemCalendar.MEDIA_TYPE)
  ResponseEntity<StreamingResponseBody> feed(
      @RequestParam(required = false) @Nullable String token,
      @RequestParam(required = false) @Nullable String owner,
      @RequestParam(required = false) @Nullable List<String> status,
      @RequestParam(required = false) @Nullable String meeting) {
    Caller reader = reader(token);
    Set<ActionItemStatus> statuses = ActionItemController.statuses(status);
    if (statuses.isEmpty()) {
      statuses = EnumSet.complementOf(EnumSet.of(ActionItemStatus.DISMISSED));
    }
    String ownerName =
        "me".equalsIgnoreCase(ActionItemController.blankToNull(owner))
            ? reader.name()
            : ActionItemController.blankToNull(owner);
    ActionItemStore.Filter filter =
        new ActionItemStore.Filter(
            ownerName, statuses, null, null, ActionItemController.blankToNull(meeting), null);
    StreamingResponseBody body =
        out -> {
          Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          ActionItemCalendar calendar = new ActionItemCalendar(writer, links);
          calendar.begin(ownerName == null ? "Verbatim action items" : "Verbatim: " + ownerName);
          ActionItemStore.Cursor after = null;
          while (true) {
            List<TrackedActionItem> chunk = items.list(reader, filter, after, CHUNK);
            for (TrackedActionItem item : chunk) {
              calendar.add(item);
            }
            if (chunk.size() < CHUNK) {
              break;
            }
            after = ActionItemStore.Cursor.after(chunk.get(chunk.size() - 1));
          }
          calendar.end();
        };
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(ActionItemCalendar.MEDIA_TYPE))
        .cacheControl(CacheControl.noStore())
        .header("Content-Disposition", "inline; filename=\"action-items.ics\"")
        .body(body);
  }

  /** The feed token's user, else whoever the request signed in as. */
  private Caller reader(@Nullable String token) {
    if (token != null && !token.isBlank()) {
      return tokens
          .reader(token.strip())
          .orElseThrow(
              () ->
                  unauthorized(
                      "This calendar feed address is not valid any more: make a new one on the Action items"
                          + " page."));
    }
    return callers
        .find()
        .filter(caller -> caller.may(Scope.MEETINGS_READ))
        .orElseThrow(
            () ->
                unauthorized(
                    "Add ?token= with your calendar feed token (POST /api/me/feed-token), or"
                        + " sign in."));
  }

  private static ErrorResponseException unauthorized(String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
    problem.setTitle("Unauthorized");
    return new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
  }
}
