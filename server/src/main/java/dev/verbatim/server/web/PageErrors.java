package dev.verbatim.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
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
 * A browser that asks for a page that does not exist gets the 404 page. API paths and clients that
 * do not ask for HTML get the same problem JSON as {@link ProblemResponses} gives.
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
    ProblemDetail problem = e.getBody();
    if (problem.getInstance() == null) {
      problem.setInstance(URI.create(request.getRequestURI()));
    }
    response.setStatus(HttpStatus.NOT_FOUND.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
    return null;
  }

  /** Browsers name text/html in Accept when they navigate; fetch and curl do not. */
  private static boolean wantsPage(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return !request.getRequestURI().startsWith("/api/")
        && accept != null
        && accept.contains(MediaType.TEXT_HTML_VALUE);
  }
}
