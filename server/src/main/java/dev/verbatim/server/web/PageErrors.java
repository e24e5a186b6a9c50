package dev.verbatim.server.web;

import dev.verbatim.server.sharelink.ShareLinkUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser that asks for a page that does not exist gets the 404 page, and one that follows a
 * share link that opens nothing a page that says why. API paths and clients that do not ask for
 * HTML get the same problem JSON as {@link ProblemResponses} gives.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

  private final JsonMapper json;

  PageErrors(JsonMapper json) {
    this.json = json;
  }

  @ExceptionHandler(NoResourceFoundException.class)
  @Nullable ModelAndView notFound(
      NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (wantsPage(request)) {
      ModelAndView view = new ModelAndView("error/404");
      view.setStatus(HttpStatus.NOT_FOUND);
      return view;
    }
    write(e.getBody(), request, response);
    return null;
  }

  /**
   * A share link that opens nothing: a page that says whether it is unknown (404), or expired or
   * revoked (410 Gone: it was there and will not come back), so its holder knows to ask for a new
   * one. Its media and downloads, and clients that want no page, get the same as problem JSON.
   */
  @ExceptionHandler(ShareLinkUnavailableException.class)
  @Nullable ModelAndView shareLinkUnavailable(
      ShareLinkUnavailableException e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    HttpStatus status =
        e.reason() == ShareLinkUnavailableException.Reason.UNKNOWN
            ? HttpStatus.NOT_FOUND
            : HttpStatus.GONE;
    String reason = e.reason().name().toLowerCase(Locale.ROOT);
    if (wantsPage(request)) {
      ModelAndView view = new ModelAndView("shared-unavailable");
      view.addObject("reason", reason);
      view.addObject(
          "title",
          switch (e.reason()) {
            case UNKNOWN -> "Link not found";
            case EXPIRED -> "Link expired";
            case REVOKED -> "Link revoked";
          });
      view.addObject("day", e.day());
      view.addObject("noindex", true);
      view.setStatus(status);
      return view;
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle(
        switch (e.reason()) {
          case UNKNOWN -> "Not found";
          case EXPIRED -> "Share link expired";
          case REVOKED -> "Share link revoked";
        });
    problem.setProperty("reason", reason);
    write(problem, request, response);
    return null;
  }

  private void write(
      ProblemDetail problem, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (problem.getInstance() == null) {
      problem.setInstance(URI.create(request.getRequestURI()));
    }
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  /** Browsers name text/html in Accept when they navigate; fetch and curl do not. */
  private static boolean wantsPage(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return !request.getRequestURI().startsWith("/api/")
        && accept != null
        && accept.contains(MediaType.TEXT_HTML_VALUE);
  }
}
