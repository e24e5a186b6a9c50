package dev.verbatim.server.web;

import dev.verbatim.server.VerbatimProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A worker process serves its orchestrator only: {@code /api/health} and the actuator (health for
 * probes, metrics for Prometheus). Everything else is not found there, so a worker's port that a
 * proxy or a person reaches by mistake shows no pages, takes no uploads and opens no sign-in. First
 * of all filters, before the security chain.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkerPaths extends OncePerRequestFilter {

  private final boolean worker;

  WorkerPaths(VerbatimProperties properties) {
    this.worker = !properties.role().servesUsers();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (!worker) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/api/health") || path.startsWith("/actuator/") || path.equals("/error");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.sendError(
        HttpServletResponse.SC_NOT_FOUND, "This is a worker: it serves /api/health only");
  }
}
