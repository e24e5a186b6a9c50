package dev.verbatim.server.web;

import dev.verbatim.server.VerbatimProperties;
import dev.verbatim.transcribe.Transcriber;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Says whether this instance can do its work: the web service is up and which speech models are
 * configured, and this process's role (web, worker or all). Load balancers and container health
 * checks poll it, so it needs no login; a worker serves it too.
 */
@RestController
class HealthController {

  private final Transcriber transcriber;
  private final String role;

  HealthController(Transcriber transcriber, VerbatimProperties properties) {
    this.transcriber = transcriber;
    this.role = properties.role().name().toLowerCase(Locale.ROOT);
  }

  @GetMapping("/api/health")
  Map<String, Object> health() {
    Map<String, Object> body = new TreeMap<>();
    body.put("status", "UP");
    body.put("languages", transcriber.languages());
    body.put("role", role);
    return body;
  }
}
