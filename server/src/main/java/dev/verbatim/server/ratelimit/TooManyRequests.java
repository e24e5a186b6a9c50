package dev.verbatim.server.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer to a client over a limit: 429 with {@code Retry-After}, and for machines an RFC 9457
 * problem detail, as every other API error.
 */
public final class TooManyRequests {

  private TooManyRequests() {}

  /** Whole seconds, rounded up, and at least one: a client that waits that long may try again. */
  public static long retryAfterSeconds(Duration wait) {
    long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }

  /** Sets the status and the {@code Retry-After} header; the caller writes the body. */
  public static void status(HttpServletResponse response, Duration wait) {
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds(wait)));
  }

  /** The whole answer, as problem JSON. */
  public static void problem(
      HttpServletRequest request,
      HttpServletResponse response,
      JsonMapper json,
      Duration wait,
      String detail)
      throws IOException {
    status(response, wait);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", "Too many requests");
    problem.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
    problem.put("detail", detail + " Try again in " + retryAfterSeconds(wait) + " seconds.");
    problem.put("instance", request.getRequestURI());
    problem.put("retryAfterSeconds", retryAfterSeconds(wait));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
