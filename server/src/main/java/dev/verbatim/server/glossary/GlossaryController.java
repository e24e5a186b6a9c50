package dev.verbatim.server.glossary;

import dev.verbatim.core.Segment;
import dev.verbatim.server.audit.AuditAction;
import dev.verbatim.server.audit.AuditTarget;
import dev.verbatim.server.audit.Audited;
import dev.verbatim.server.events.MeetingEvent;
import dev.verbatim.server.events.MeetingEvents;
import dev.verbatim.server.meeting.EditConflictException;
import dev.verbatim.server.meeting.MeetingChanged;
import dev.verbatim.server.meeting.MeetingNotFoundException;
import dev.verbatim.server.meeting.MeetingStore;
import dev.verbatim.transcribe.edit.Correction;
import dev.verbatim.transcribe.edit.FindReplaceResult;
import dev.verbatim.transcribe.edit.Glossary;
import dev.verbatim.transcribe.edit.GlossaryTerm;
import dev.verbatim.transcribe.edit.Replacement;
import dev.verbatim.transcribe.edit.SegmentCorrection;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The glossary: the organisation's terms and each meeting's, the corrections they made (to review
 * and undo), and find-and-replace across one meeting's transcript.
 */
@RestController
class GlossaryController {

  private final GlossaryStore store;
  private final MeetingStore meetings;
  private final TransactionTemplate transactions;
  private final ApplicationEventPublisher publisher;
  private final MeetingEvents events;

  GlossaryController(
      GlossaryStore store,
      MeetingStore meetings,
      TransactionTemplate transactions,
      ApplicationEventPublisher publisher,
      MeetingEvents events) {
    this.store = store;
    this.meetings = meetings;
    this.transactions = transactions;
    this.publisher = publisher;
    this.events = events;
  }

  @Operation(summary = "The organisation's glossary: terms every meeting is corrected with")
  @GetMapping("/api/glossary")
  List<GlossaryStore.Term> organisationTerms() {
    return store.terms(null);
  }

  @Operation(summary = "Add a term to the organisation's glossary ({\"text\": \"apixaban\"})")
  @PostMapping("/api/glossary")
  @Audited(
      value = AuditAction.GLOSSARY_TERM_ADD,
      kind = AuditTarget.Kind.GLOSSARY_TERM,
      target = "")
  ResponseEntity<GlossaryStore.Term> addOrganisationTerm(@RequestBody JsonNode body) {
    GlossaryStore.Term term = store.add(null, term(body));
    return ResponseEntity.created(URI.create("/api/glossary/" + term.id())).body(term);
  }

  @DeleteMapping("/api/glossary/{termId}")
  @Audited(
      value = AuditAction.GLOSSARY_TERM_DELETE,
      kind = AuditTarget.Kind.GLOSSARY_TERM,
      target = "termId")
  ResponseEntity<Void> deleteOrganisationTerm(@PathVariable String termId) {
    if (!store.delete(null, termId)) {
      throw new MeetingNotFoundException("Glossary term " + termId);
    }
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "The meeting's own glossary terms")
  @GetMapping("/api/meetings/{id}/glossary")
  List<GlossaryStore.Term> meetingTerms(@PathVariable String id) {
    meetings.header(id);
    return store.terms(id);
  }

  @PostMapping("/api/meetings/{id}/glossary")
  @Audited(AuditAction.GLOSSARY_TERM_ADD)
  ResponseEntity<GlossaryStore.Term> addMeetingTerm(
      @PathVariable String id, @RequestBody JsonNode body) {
    meetings.header(id);
    GlossaryStore.Term term = store.add(id, term(body));
    return ResponseEntity.created(URI.create("/api/meetings/" + id + "/glossary/" + term.id()))
        .body(term);
  }

  @DeleteMapping("/api/meetings/{id}/glossary/{termId}")
  @Audited(value = AuditAction.GLOSSARY_TERM_DELETE, detail = "termId")
  ResponseEntity<Void> deleteMeetingTerm(@PathVariable String id, @PathVariable String termId) {
    if (!store.delete(id, termId)) {
      throw new MeetingNotFoundException("Glossary term " + termId);
    }
    return ResponseEntity.noContent().build();
  }

  /** A correction as the API shows it. */
  record CorrectionView(
      String id,
      String segmentId,
      long startMs,
      String original,
      String replacement,
      boolean reverted) {}

  @Operation(summary = "Corrections the glossary made in this meeting, to review and undo")
  @GetMapping("/api/meetings/{id}/glossary/corrections")
  List<CorrectionView> corrections(@PathVariable String id) {
    meetings.header(id);
    return store.corrections(id).stream()
        .map(
            c ->
                new CorrectionView(
                    c.id(),
                    c.replacement().segmentId(),
                    c.replacement().startMs(),
                    c.replacement().originalText(),
                    c.replacement().replacementText(),
                    c.reverted()))
        .toList();
  }

  @Operation(
      summary = "Apply the glossary to the stored transcript now, without recognising it again")
  @PostMapping("/api/meetings/{id}/glossary/apply")
  @Audited(AuditAction.GLOSSARY_APPLY)
  Map<String, Object> apply(@PathVariable String id) {
    meetings.header(id);
    List<GlossaryTerm> terms = store.termsFor(id);
    Correction correction = Glossary.of(terms).apply(meetings.segments(id));
    transactions.executeWithoutResult(
        status -> {
          changed(
              id,
              correction.segments(),
              correction.replacements().stream().map(Replacement::segmentId).toList());
          store.addCorrections(id, correction.replacements());
        });
    edited(id);
    return Map.of("corrections", correction.replacements().size());
  }

  @Operation(summary = "Undo one glossary correction")
  @PostMapping("/api/meetings/{id}/glossary/corrections/{correctionId}/revert")
  @Audited(value = AuditAction.GLOSSARY_REVERT, detail = "correctionId")
  Segment revert(@PathVariable String id, @PathVariable String correctionId) {
    GlossaryStore.Correction correction =
        store.corrections(id).stream()
            .filter(c -> c.id().equals(correctionId))
            .findFirst()
            .orElseThrow(() -> new MeetingNotFoundException("Correction " + correctionId));
    if (correction.reverted()) {
      throw new EditConflictException("This correction was already undone.");
    }
    String segmentId = correction.replacement().segmentId();
    Segment segment =
        meetings
            .segment(id, segmentId)
            .orElseThrow(() -> new MeetingNotFoundException("Segment " + segmentId));
    Segment reverted;
    try {
      reverted = Glossary.revert(segment, correction.replacement());
    } catch (IllegalStateException e) {
      throw new EditConflictException(
          "The segment was edited since the correction; undo it by editing the segment.");
    }
    transactions.executeWithoutResult(
        status -> {
          meetings.updateSegment(id, reverted);
          store.markReverted(correctionId);
        });
    edited(id);
    return reverted;
  }

  @Operation(
      summary = "Find and replace across the meeting's transcript",
      description =
          "{\"find\": \"regular tory\", \"replace\": \"regulatory\", \"wholeWords\": true}")
  @PostMapping("/api/meetings/{id}/replace")
  @Audited(AuditAction.TRANSCRIPT_REPLACE)
  Map<String, Object> replace(@PathVariable String id, @RequestBody JsonNode body) {
    meetings.header(id);
    String find = field(body, "find");
    String replacement = field(body, "replace");
    if (find == null || find.isBlank()) {
      throw new IllegalArgumentException("Say what to find as \"find\".");
    }
    boolean wholeWords = !body.has("wholeWords") || body.get("wholeWords").asBoolean();
    List<Segment> before = meetings.segments(id);
    FindReplaceResult result =
        SegmentCorrection.replaceAll(
            before, find, replacement == null ? "" : replacement, wholeWords);
    List<String> changedIds = new java.util.ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      if (result.segments().get(i) != before.get(i)) {
        changedIds.add(before.get(i).id());
      }
    }
    transactions.executeWithoutResult(status -> changed(id, result.segments(), changedIds));
    if (result.replacements() > 0) {
      edited(id);
    }
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("replacements", result.replacements());
    response.put("segments", changedIds);
    return response;
  }

  private void changed(String id, List<Segment> segments, List<String> changedIds) {
    for (Segment segment : segments) {
      if (changedIds.contains(segment.id())) {
        meetings.updateSegment(id, segment);
      }
    }
  }

  private void edited(String id) {
    publisher.publishEvent(new MeetingChanged(id, MeetingChanged.Change.EDITED));
    events.publish(MeetingEvent.updated(id));
  }

  private static GlossaryTerm term(JsonNode body) {
    String text = field(body, "text");
    if (text == null) {
      throw new IllegalArgumentException("Give the term as \"text\".");
    }
    return new GlossaryTerm(text);
  }

  private static @Nullable String field(JsonNode body, String name) {
    JsonNode node = body.get(name);
    return node == null || node.isNull() ? null : node.asString();
  }
}
