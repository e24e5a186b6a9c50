package dev.verbatim.server.upload;

import dev.verbatim.server.account.Caller;
import dev.verbatim.server.account.Callers;
import dev.verbatim.server.ratelimit.RateLimitProperties;
import dev.verbatim.server.ratelimit.RateLimiter;
import dev.verbatim.server.ratelimit.RateLimiters;
import dev.verbatim.server.ratelimit.TooManyRequests;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Limits how many uploads one person starts in a while ({@code verbatim.rate-limit.upload.*}): a
 * multipart {@code POST /api/meetings}, or the creation of a resumable upload. A filter, after the
 * security chain, so an upload over the limit is refused before any of its bytes are read or
 * spooled; the chunks of a resumable upload already started are not counted.
 */
@Component
class UploadLimit extends OncePerRequestFilter {

  private final RateLimiter perUser;
  private final Callers callers;
  private final JsonMapper json;

  UploadLimit(RateLimiters limiters, Callers callers, JsonMapper json) {
    RateLimitProperties.Upload upload = limiters.properties().upload();
    this.perUser = limiters.limiter("upload-user", upload.perUser(), upload.window());
    this.callers = callers;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod())) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !path.equals("/api/meetings") && !path.equals(ResumableUploads.PATH);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Caller> caller = callers.find();
    Optional<Duration> wait = caller.flatMap(c -> perUser.acquire(c.id()));
    if (wait.isPresent()) {
      TooManyRequests.problem(
          request,
          response,
          json,
          wait.get(),
          "You have started too many uploads in a short time.");
      return;
    }
    chain.doFilter(request, response);
  }
}
