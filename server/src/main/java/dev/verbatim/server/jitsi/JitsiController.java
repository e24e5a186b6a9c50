package dev.verbatim.server.jitsi;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Jigasi's transcript events ({@code SEND_JSON_REMOTE_URLS}), and the captions of a live meeting so
 * far for its page. Jigasi sends no credentials: its events are taken from allowed networks or with
 * the secret in the path, never from a signed-in browser.
 */
@RestController
@ConditionalOnBooleanProperty("verbatim.jitsi.enabled")
class JitsiController {

  private static final Logger log = LoggerFactory.getLogger(JitsiController.class);

  private final Conferences conferences;
  private final JitsiGate gate;
  private final JitsiStore store;

  JitsiController(Conferences conferences, JitsiGate gate, JitsiStore store) {
    this.conferences = conferences;
    this.gate = gate;
    this.store = store;
  }

  @Operation(
      summary =
          "Jigasi's transcript events (SEND_JSON_REMOTE_URLS): SPEECH, START, END, JOIN, LEAVE",
      description =
          "No credentials: accepted from verbatim.jitsi.allowed-networks, or anywhere with"
              + " /api/jigasi/{secret}/events. Answers 200 (Jigasi logs anything else).")
  @PostMapping({"/api/jigasi/events", "/api/jigasi/{secret}/events"})
  ResponseEntity<?> event(
      @PathVariable(required = false) @Nullable String secret,
      @RequestBody JsonNode body,
      HttpServletRequest request) {
    boolean withSecret = secret != null && gate.isSecret(secret);
    if (secret != null && !withSecret) {
      return problem(HttpStatus.NOT_FOUND, "No such endpoint.");
    }
    if (!gate.admits(request.getRemoteAddr(), withSecret)) {
      log.warn("Refused a Jigasi event from {}: not an allowed network", request.getRemoteAddr());
      return problem(HttpStatus.FORBIDDEN, "Not from an allowed network.");
    }
    if (!body.isObject()) {
      return problem(HttpStatus.BAD_REQUEST, "Expected a JSON object from Jigasi.");
    }
    JigasiEvent event = JigasiEvent.parse(body);
    String meeting = conferences.event(event).orElse(null);
    return ResponseEntity.ok(
        meeting == null
            ? Map.of("event", event.type())
            : Map.of("event", event.type(), "meetingId", meeting));
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
    return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
  }

  /** A caption said so far, as the live page starts with before the events that follow. */
  record SavedCaption(String id, String speakerKey, String speaker, String text, long at) {}

  @Operation(summary = "The live captions of a meeting transcribed from Jitsi, so far")
  @GetMapping("/api/meetings/{id}/captions")
  List<SavedCaption> captions(@PathVariable String id) {
    Map<String, String> names = new java.util.HashMap<>();
    store.participants(id).forEach(p -> names.put(p.id(), p.displayName()));
    return store.utterances(id).stream()
        .map(
            u -> {
              String participant = u.participantId();
              return new SavedCaption(
                  u.id(),
                  participant != null ? participant : String.valueOf(u.streamId()),
                  participant != null
                      ? names.getOrDefault(participant, participant)
                      : "Unknown speaker",
                  u.text(),
                  u.startAt());
            })
        .toList();
  }
}
