package dev.verbatim.server.account;

import dev.verbatim.server.ratelimit.TooManyRequests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a request that may not pass gets: the API answers with RFC 9457 problem details (401 with a
 * {@code WWW-Authenticate} challenge, or 403), as every other API error; pages send people to the
 * sign-in form.
 */
final class ProblemWriter implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final JsonMapper json;
  private final AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
  private final AccessDeniedHandler pages = new AccessDeniedHandlerImpl();

  ProblemWriter(JsonMapper json) {
    this.json = json;
  }

  /** The API and the operations endpoints answer machines, which cannot follow a login form. */
  static boolean machine(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator");
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException, jakarta.servlet.ServletException {
    if (!machine(request)) {
      login.commence(request, response, e);
      return;
    }
    response.setHeader("WWW-Authenticate", "Bearer realm=\"verbatim\"");
    write(
        request,
        response,
        HttpStatus.UNAUTHORIZED,
        "Unauthorized",
        e instanceof InvalidTokenException
            ? e.getMessage()
            : "Sign in, or send an API token as \"Authorization: Bearer <token>\".");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException, jakarta.servlet.ServletException {
    if (e instanceof CsrfException
        && Callers.of(SecurityContextHolder.getContext().getAuthentication()).isEmpty()) {
      // Nobody is signed in, so the request has nothing to forge: say that it needs signing in.
      commence(request, response, new InsufficientAuthenticationException("Not signed in", e));
      return;
    }
    if (!machine(request)) {
      pages.handle(request, response, e);
      return;
    }
    String detail =
        e instanceof CsrfException
            ? "The request lacks a valid CSRF token: send the XSRF-TOKEN cookie's value as the"
                + " X-XSRF-TOKEN header, or use an API token."
            : "You may not do this: your role or your token's scopes do not allow it.";
    write(request, response, HttpStatus.FORBIDDEN, "Forbidden", detail);
  }

  /** 429 with {@code Retry-After}, for a client over a sign-in limit. */
  void tooManyRequests(
      HttpServletRequest request, HttpServletResponse response, Duration wait, String detail)
      throws IOException {
    TooManyRequests.problem(request, response, json, wait, detail);
  }

  private void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String title,
      String detail)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status.value());
    problem.put("detail", detail);
    problem.put("instance", request.getRequestURI());
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
