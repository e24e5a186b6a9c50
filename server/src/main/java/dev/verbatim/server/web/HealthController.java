package dev.verbatim.server.web;

import dev.verbatim.transcribe.Transcriber;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Says whether this instance can do its work: the web service is up and which speech models are
 * configured. Load balancers and container health checks poll it, so it needs no login.
 */
@RestController
class HealthController {

  private final Transcriber transcriber;

  HealthController(Transcriber transcriber) {
    this.transcriber = transcriber;
  }

  @GetMapping("/api/health")
  Map<String, Object> health() {
    Map<String, Object> body = new TreeMap<>();
    body.put("status", "UP");
    body.put("languages", transcriber.languages());
    return body;
  }
}
