package dev.verbatim.server.meeting;

import dev.verbatim.core.ActionItem;
import dev.verbatim.core.ActionItemStatus;
import dev.verbatim.core.Decision;
import dev.verbatim.core.Meeting;
import dev.verbatim.core.Segment;
import dev.verbatim.minutes.template.MinutesTemplates;
import dev.verbatim.server.VerbatimProperties;
import dev.verbatim.server.account.Caller;
import dev.verbatim.server.account.Callers;
import dev.verbatim.server.audit.AuditAction;
import dev.verbatim.server.audit.AuditTrail;
import dev.verbatim.server.audit.Audited;
import dev.verbatim.server.events.MeetingEvent;
import dev.verbatim.server.events.MeetingEvents;
import dev.verbatim.transcribe.edit.SegmentCorrection;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The meetings API: read, follow, play, edit, reprocess and delete meetings. */
@RestController
class MeetingController {

  private static final int MAX_PAGE = 100;
  private static final int MAX_TEXT = 2000;

  private final ActionItemStore actionItems;
  private final MeetingStore meetings;
  private final MeetingEvents events;
  private final Processing processing;
  private final ApplicationEventPublisher publisher;
  private final JsonMapper json;
  private final MinutesTemplates templates;
  private final MeetingAccess access;
  private final ShareStore shares;
  private final Callers callers;
  private final MeetingRemoval removal;
  private final VerbatimProperties.Retention retention;
  private final AuditTrail audit;
  private final MeetingMedia media;
  private final TransactionOperations transactions;

  MeetingController(
      MeetingStore meetings,
      ActionItemStore actionItems,
      MeetingEvents events,
      Processing processing,
      ApplicationEventPublisher publisher,
      JsonMapper json,
      MinutesTemplates templates,
      MeetingAccess access,
      ShareStore shares,
      Callers callers,
      MeetingRemoval removal,
      VerbatimProperties properties,
      AuditTrail audit,
      MeetingMedia media,
      TransactionOperations transactions) {
    this.meetings = meetings;
    this.actionItems = actionItems;
    this.events = events;
    this.processing = processing;
    this.publisher = publisher;
    this.json = json;
    this.templates = templates;
    this.access = access;
    this.shares = shares;
    this.callers = callers;
    this.removal = removal;
    this.retention = properties.retention();
    this.audit = audit;
    this.media = media;
    this.transactions = transactions;
  }

  /** A minutes layout a meeting can be written with. */
  record TemplateView(String id, String title) {}

  @Operation(summary = "The minutes templates: built-in and the organisation's own")
  @GetMapping("/api/templates")
  List<TemplateView> templates() {
    return templates.all().stream().map(t -> new TemplateView(t.id(), t.title())).toList();
  }

  /** One page of the meetings list. */
  record MeetingPage(List<MeetingHeader> items, int page, int size, long total) {}

  @Operation(
      summary = "List the meetings the caller may see, newest first, with their processing status",
      description = "Their own, those shared with them and those visible to the organisation.")
  @GetMapping("/api/meetings")
  MeetingPage list(
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE) {
      throw new IllegalArgumentException("page must be 0 or more and size 1 to " + MAX_PAGE);
    }
    if ((long) page * size > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("page " + page + " is beyond any meeting there can be");
    }
    Caller caller = callers.current();
    return new MeetingPage(
        meetings.list(caller, page * size, size), page, size, meetings.count(caller));
  }

  @Operation(summary = "The meeting document (verbatim/meeting@1) with status, progress and error")
  @GetMapping("/api/meetings/{id}")
  @Audited(value = AuditAction.MEETING_VIEW, note = "api", oncePerSession = true)
  Map<String, Object> get(@PathVariable String id) {
    MeetingHeader header = meetings.header(id);
    Meeting meeting = meetings.load(id);
    ObjectNode document = (ObjectNode) json.valueToTree(meeting);
    document.put("status", header.status().value());
    document.put("stage", header.stage());
    document.put("progress", header.progress());
    document.put("error", header.error());
    // Who was in the meeting as the recording system listed them (Jibri), spoken or not.
    document.putPOJO("roster", meetings.roster(id));
    ObjectNode minutes = (ObjectNode) document.get("minutes");
    markConfirmed(minutes.withArray("actionItems"), meetings.actionItems(id));
    tracking(minutes.withArray("actionItems"), actionItems.inMeeting(id));
    markConfirmed(minutes.withArray("decisions"), meetings.decisions(id));
    boolean mediaRemoved = header.mediaDeletedAt() != null;
    if (mediaRemoved) {
      document.putNull("playback");
    } else {
      document.put("playback", "/api/meetings/" + id + "/media");
    }
    ObjectNode kept = document.putObject("retention");
    kept.put("mediaDeletedAt", instant(header.mediaDeletedAt()));
    kept.put(
        "mediaDeleteAfter",
        mediaRemoved ? null : instant(retention.mediaDeleteAfter(header.createdAt()).orElse(null)));
    kept.put(
        "meetingDeleteAfter",
        instant(retention.meetingDeleteAfter(header.createdAt()).orElse(null)));
    Caller caller = callers.current();
    ShareStore.Relation relation =
        shares
            .relation(id, caller.id())
            .orElseThrow(() -> new MeetingNotFoundException("Meeting " + id));
    document
        .putObject("access")
        .put("ownerId", relation.ownerId())
        .put("orgVisible", relation.orgVisible())
        .put(
            "permission",
            MeetingAccess.permission(caller, relation).map(Permission::value).orElse(null));
    var media = document.putArray("media");
    for (MediaFile file : meetings.media(id)) {
      media
          .addObject()
          .put("name", file.name())
          .put("sizeBytes", file.sizeBytes())
          .put(
              "url", mediaRemoved ? null : "/api/meetings/" + id + "/media?file=" + file.ordinal());
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> body = json.convertValue(document, LinkedHashMap.class);
    return body;
  }

  private static @Nullable String instant(java.time.@Nullable Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /** What task systems see of each item: its id across meetings and the task made of it. */
  private static void tracking(
      tools.jackson.databind.node.ArrayNode items, List<TrackedActionItem> rows) {
    for (int i = 0; i < items.size() && i < rows.size(); i++) {
      ObjectNode item = (ObjectNode) items.get(i);
      TrackedActionItem row = rows.get(i);
      item.put("trackingId", row.id());
      item.put("externalId", row.externalId());
      item.put("externalUrl", row.externalUrl());
    }
  }

  private static void markConfirmed(
      tools.jackson.databind.node.ArrayNode items, List<? extends MeetingStore.Reviewed<?>> rows) {
    for (int i = 0; i < items.size() && i < rows.size(); i++) {
      ((ObjectNode) items.get(i)).put("confirmed", rows.get(i).confirmed());
    }
  }

  @Operation(
      summary = "The recording to play, with HTTP range requests for seeking",
      description =
          "Without file: what the player plays, the mix of all tracks for a meeting recorded one"
              + " file per participant, else its recording. With file=N: the N-th original upload.")
  @GetMapping("/api/meetings/{id}/media")
  @Audited(value = AuditAction.MEETING_MEDIA, detail = "file", oncePerSession = true)
  ResponseEntity<Resource> media(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable Integer file,
      @RequestHeader(value = HttpHeaders.RANGE, required = false) @Nullable String range,
      HttpMethod method)
      throws IOException {
    return media.play(id, file, range, method == HttpMethod.HEAD);
  }

  @Operation(summary = "Server-Sent Events: job progress (stage, progress), done, failed, updated")
  @GetMapping(path = "/api/meetings/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events(@PathVariable String id) throws IOException {
    MeetingHeader header = meetings.header(id);
    Caller caller = callers.current();
    SseEmitter emitter = events.subscribe(id, meeting -> access.canView(caller, meeting));
    // The current state first, so a page that opens mid-job shows where it is at once.
    MeetingEvent now =
        switch (header.status()) {
          case DONE -> MeetingEvent.done(id);
          case FAILED -> MeetingEvent.failed(id, String.valueOf(header.error()));
          case LIVE -> MeetingEvent.live(id);
          default ->
              MeetingEvent.progress(
                  id, header.stage() != null ? header.stage() : "queued", header.progress());
        };
    emitter.send(SseEmitter.event().name(now.type()).data(now));
    return emitter;
  }

  @Operation(summary = "Events of every meeting the caller may see, for the meetings list")
  @GetMapping(path = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter allEvents() {
    Caller caller = callers.current();
    return events.subscribeAll(meeting -> access.canView(caller, meeting));
  }

  @Operation(
      summary = "Change the title and date, and whether everyone in the organisation may view it",
      description =
          "Any of: title, date (YYYY-MM-DD), orgVisible (true or false; owner or admin only).")
  @PatchMapping("/api/meetings/{id}")
  @Audited(AuditAction.MEETING_EDIT)
  MeetingHeader update(@PathVariable String id, @RequestBody JsonNode body) {
    MeetingHeader header = meetings.header(id);
    if (body.has("orgVisible")) {
      access.require(id, Permission.MANAGE);
      if (!body.get("orgVisible").isBoolean()) {
        throw new IllegalArgumentException("\"orgVisible\" is true or false.");
      }
    }
    String title = body.has("title") ? text(body, "title", 200) : header.title();
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("A meeting needs a title.");
    }
    LocalDate date = body.has("date") ? date(body.get("date").asString()) : header.date();
    if (body.has("orgVisible")) {
      boolean orgVisible = body.get("orgVisible").asBoolean();
      // The event in the same transaction: the index feed records it on commit, with the change.
      transactions.executeWithoutResult(
          status -> {
            shares.orgVisible(id, orgVisible);
            publisher.publishEvent(new MeetingChanged(id, MeetingChanged.Change.ACCESS));
          });
      audit.note("orgVisible=" + body.get("orgVisible").asBoolean());
    }
    // Who may view it is no news to the pages showing it; a new title or date is.
    if (body.has("title") || body.has("date")) {
      meetings.updateHeader(id, title, date);
      audit.note(body.has("title") ? (body.has("date") ? "title, date" : "title") : "date");
      edited(id);
    }
    return meetings.header(id);
  }

  @Operation(summary = "Name a speaker; the speaker's action items take the name as owner")
  @PutMapping("/api/meetings/{id}/speakers/{speakerId}")
  @Audited(value = AuditAction.SPEAKER_RENAME, detail = "speakerId")
  Map<String, Object> renameSpeaker(
      @PathVariable String id, @PathVariable String speakerId, @RequestBody JsonNode body) {
    String name = text(body, "name", 100);
    if (!meetings.renameSpeaker(id, speakerId, name == null || name.isBlank() ? null : name)) {
      throw new MeetingNotFoundException("Speaker " + speakerId + " of meeting " + id);
    }
    edited(id);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("id", speakerId);
    result.put("name", name);
    return result;
  }

  @Operation(summary = "Correct a segment's text; word timings are kept and realigned")
  @PutMapping("/api/meetings/{id}/segments/{segmentId}")
  @Audited(value = AuditAction.SEGMENT_EDIT, detail = "segmentId")
  Segment correctSegment(
      @PathVariable String id, @PathVariable String segmentId, @RequestBody JsonNode body) {
    Segment segment =
        meetings
            .segment(id, segmentId)
            .orElseThrow(() -> new MeetingNotFoundException("Segment " + segmentId + " of " + id));
    String text = text(body, "text", 10_000);
    if (text == null) {
      throw new IllegalArgumentException("Give the corrected text as \"text\".");
    }
    Segment corrected = SegmentCorrection.correct(segment, text);
    meetings.updateSegment(id, corrected);
    edited(id);
    return corrected;
  }

  @Operation(summary = "Add an action item by hand")
  @PostMapping("/api/meetings/{id}/action-items")
  @Audited(AuditAction.ACTION_ITEM_ADD)
  ResponseEntity<Map<String, Object>> addActionItem(
      @PathVariable String id, @RequestBody JsonNode body) {
    meetings.header(id);
    String text = text(body, "text", MAX_TEXT);
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("An action item needs \"text\".");
    }
    ActionItem item =
        new ActionItem(
            "a-" + UUID.randomUUID().toString().substring(0, 8),
            text,
            text(body, "owner", 100),
            body.has("due") && !body.get("due").isNull() ? date(body.get("due").asString()) : null,
            body.has("status") ? status(body.get("status").asString()) : ActionItemStatus.OPEN,
            body.has("startMs") ? Math.max(0, body.get("startMs").asLong()) : 0,
            List.of(),
            1,
            "");
    meetings.saveActionItem(id, item, true, null);
    edited(id);
    return ResponseEntity.created(URI.create("/api/meetings/" + id + "/action-items/" + item.id()))
        .body(actionItem(id, item.id()));
  }

  @Operation(
      summary = "Edit or confirm an action item",
      description =
          "Fields: text, owner, due, status (open, in_progress, done, dismissed), confirmed."
              + " With If-Match (the version from the ETag) the edit fails with 412 if someone"
              + " else changed it first.")
  @PatchMapping("/api/meetings/{id}/action-items/{itemId}")
  @Audited(value = AuditAction.ACTION_ITEM_EDIT, detail = "itemId")
  ResponseEntity<Map<String, Object>> editActionItem(
      @PathVariable String id,
      @PathVariable String itemId,
      @RequestBody JsonNode body,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    MeetingStore.Reviewed<ActionItem> current =
        meetings.actionItems(id).stream()
            .filter(r -> r.value().id().equals(itemId))
            .findFirst()
            .orElseThrow(() -> new MeetingNotFoundException("Action item " + itemId));
    ActionItem old = current.value();
    String text = body.has("text") ? text(body, "text", MAX_TEXT) : old.text();
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("An action item needs text.");
    }
    ActionItem changed =
        new ActionItem(
            old.id(),
            text,
            body.has("owner") ? blankToNull(text(body, "owner", 100)) : old.owner(),
            body.has("due")
                ? (body.get("due").isNull() || body.get("due").asString().isBlank()
                    ? null
                    : date(body.get("due").asString()))
                : old.due(),
            body.has("status") ? status(body.get("status").asString()) : old.status(),
            old.startMs(),
            old.segmentIds(),
            old.confidence(),
            old.quote());
    boolean confirmed =
        body.has("confirmed") ? body.get("confirmed").asBoolean() : current.confirmed();
    Integer expected = ifMatch != null ? version(ifMatch) : null;
    int version = meetings.saveActionItem(id, changed, confirmed, expected);
    if (version == -1) {
      throw EditConflictException.stale(
          "Action item " + itemId + " was changed by someone else; reload it and try again.");
    }
    edited(id);
    return ResponseEntity.ok().eTag("\"" + version + "\"").body(actionItem(id, itemId));
  }

  @DeleteMapping("/api/meetings/{id}/action-items/{itemId}")
  @Audited(value = AuditAction.ACTION_ITEM_DELETE, detail = "itemId")
  ResponseEntity<Void> deleteActionItem(@PathVariable String id, @PathVariable String itemId) {
    if (!meetings.deleteActionItem(id, itemId)) {
      throw new MeetingNotFoundException("Action item " + itemId);
    }
    edited(id);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Add a decision by hand")
  @PostMapping("/api/meetings/{id}/decisions")
  @Audited(AuditAction.DECISION_ADD)
  ResponseEntity<Decision> addDecision(@PathVariable String id, @RequestBody JsonNode body) {
    meetings.header(id);
    String text = text(body, "text", MAX_TEXT);
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("A decision needs \"text\".");
    }
    Decision decision =
        new Decision(
            "d-" + UUID.randomUUID().toString().substring(0, 8),
            text,
            body.has("startMs") ? Math.max(0, body.get("startMs").asLong()) : 0,
            List.of(),
            1,
            "");
    meetings.saveDecision(id, decision, true);
    edited(id);
    return ResponseEntity.created(URI.create("/api/meetings/" + id + "/decisions/" + decision.id()))
        .body(decision);
  }

  @Operation(summary = "Edit or confirm a decision (text, confirmed)")
  @PatchMapping("/api/meetings/{id}/decisions/{decisionId}")
  @Audited(value = AuditAction.DECISION_EDIT, detail = "decisionId")
  Decision editDecision(
      @PathVariable String id, @PathVariable String decisionId, @RequestBody JsonNode body) {
    MeetingStore.Reviewed<Decision> current =
        meetings.decisions(id).stream()
            .filter(r -> r.value().id().equals(decisionId))
            .findFirst()
            .orElseThrow(() -> new MeetingNotFoundException("Decision " + decisionId));
    Decision old = current.value();
    String text = body.has("text") ? text(body, "text", MAX_TEXT) : old.text();
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("A decision needs text.");
    }
    Decision changed =
        new Decision(
            old.id(), text, old.startMs(), old.segmentIds(), old.confidence(), old.quote());
    meetings.saveDecision(
        id,
        changed,
        body.has("confirmed") ? body.get("confirmed").asBoolean() : current.confirmed());
    edited(id);
    return changed;
  }

  @DeleteMapping("/api/meetings/{id}/decisions/{decisionId}")
  @Audited(value = AuditAction.DECISION_DELETE, detail = "decisionId")
  ResponseEntity<Void> deleteDecision(@PathVariable String id, @PathVariable String decisionId) {
    if (!meetings.deleteDecision(id, decisionId)) {
      throw new MeetingNotFoundException("Decision " + decisionId);
    }
    edited(id);
    return ResponseEntity.noContent().build();
  }

  @Operation(
      summary = "Process the meeting again from its recordings (edits are replaced)",
      description = "Optional body: {\"template\": \"standup\"} to write the minutes anew with it.")
  @PostMapping("/api/meetings/{id}/reprocess")
  @RequiresPermission(Permission.MANAGE)
  @Audited(AuditAction.MEETING_REPROCESS)
  ResponseEntity<Map<String, Object>> reprocess(
      @PathVariable String id, @RequestBody(required = false) @Nullable JsonNode body) {
    MeetingHeader header = meetings.header(id);
    if (header.mediaDeletedAt() != null) {
      throw new EditConflictException(
          "The recordings were removed by the retention policy; the meeting cannot be processed"
              + " again.");
    }
    if (header.status() == MeetingStatus.LIVE || meetings.media(id).isEmpty()) {
      // A meeting transcribed live from Jitsi has no recording to process again.
      throw new EditConflictException(
          "The meeting has no recordings (it was transcribed live); it cannot be processed again.");
    }
    String template = body != null ? text(body, "template", 64) : null;
    if (template != null && !template.isBlank()) {
      if (templates.find(template).isEmpty()) {
        throw new IllegalArgumentException(
            "Unknown minutes template \"" + template + "\"; GET /api/templates lists them.");
      }
      meetings.updateTemplate(id, template);
      audit.note("template=" + template);
    }
    if (!processing.reprocess(id)) {
      throw new EditConflictException("The meeting is already being processed.");
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", id, "status", "queued"));
  }

  @Operation(summary = "Cancel the meeting's queued or running job")
  @PostMapping("/api/meetings/{id}/cancel")
  @RequiresPermission(Permission.MANAGE)
  @Audited(AuditAction.MEETING_CANCEL)
  Map<String, Object> cancel(@PathVariable String id) {
    meetings.header(id);
    if (!processing.cancel(id)) {
      throw new EditConflictException("The meeting has no job to cancel.");
    }
    return Map.of("id", id, "status", meetings.header(id).status().value());
  }

  @Operation(summary = "Delete the meeting: its media, rows and index entries")
  @DeleteMapping("/api/meetings/{id}")
  @RequiresPermission(Permission.MANAGE)
  @Audited(AuditAction.MEETING_DELETE)
  ResponseEntity<Void> delete(@PathVariable String id) {
    meetings.header(id);
    removal.delete(id);
    return ResponseEntity.noContent().build();
  }

  private Map<String, Object> actionItem(String id, String itemId) {
    MeetingStore.Reviewed<ActionItem> row =
        meetings.actionItems(id).stream()
            .filter(r -> r.value().id().equals(itemId))
            .findFirst()
            .orElseThrow(() -> new MeetingNotFoundException("Action item " + itemId));
    @SuppressWarnings("unchecked")
    Map<String, Object> item = json.convertValue(row.value(), LinkedHashMap.class);
    item.put("confirmed", row.confirmed());
    item.put("version", row.version());
    return item;
  }

  private void edited(String id) {
    publisher.publishEvent(new MeetingChanged(id, MeetingChanged.Change.EDITED));
    events.publish(MeetingEvent.updated(id));
  }

  private static @Nullable String text(JsonNode body, String field, int max) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    String value = node.asString().strip();
    if (value.length() > max) {
      throw new IllegalArgumentException(
          "\"" + field + "\" is too long: " + value.length() + " characters, at most " + max + ".");
    }
    return value;
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static LocalDate date(String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Dates are YYYY-MM-DD: \"" + value + "\"", e);
    }
  }

  private static ActionItemStatus status(String value) {
    try {
      return ActionItemStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "status is one of open, in_progress, done, dismissed: \"" + value + "\"", e);
    }
  }

  private static int version(String ifMatch) {
    try {
      return Integer.parseInt(ifMatch.replace("W/", "").replace("\"", "").strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("If-Match must be the item's ETag, like \"3\"", e);
    }
  }
}
