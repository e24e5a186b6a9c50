package dev.verbatim.server.meeting;

import dev.verbatim.server.VerbatimProperties;
import java.net.URI;
import java.util.Locale;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute links into the web app, for places a relative link does not work: webhook payloads,
 * calendar entries, exported documents and task systems.
 */
@Component
public class MeetingLinks {

  private final VerbatimProperties properties;
  private final Environment environment;

  MeetingLinks(VerbatimProperties properties, Environment environment) {
    this.properties = properties;
    this.environment = environment;
  }

  /** The configured public address; else the one this request came to; else localhost. */
  public String base() {
    URI configured = properties.publicUrl();
    if (configured != null) {
      return strip(configured.toString());
    }
    if (RequestContextHolder.getRequestAttributes() != null) {
      return strip(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
    }
    String port =
        environment.getProperty(
            "local.server.port", environment.getProperty("server.port", "8080"));
    return "http://localhost:" + port;
  }

  public String meeting(String meetingId) {
    return base() + "/meetings/" + meetingId;
  }

  /** The meeting page, playing from {@code ms}: the second something was said. */
  public String at(String meetingId, long ms) {
    return meeting(meetingId) + String.format(Locale.ROOT, "?t=%.1f", ms / 1000.0);
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
