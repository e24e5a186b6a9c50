package dev.verbatim.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser's view of the service without the browser: a cookie jar, the sign-in form, and API
 * calls that carry the session cookie and (unless told not to) the CSRF header, as the pages'
 * scripts do. Redirects are not followed, so tests see them.
 */
public final class WebSession {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final CookieManager cookies = new CookieManager();
  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(cookies)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final String base;

  public WebSession(int port) {
    this.base = "http://localhost:" + port;
  }

  /** A session signed in with the form; fails unless the sign-in succeeds. */
  public static WebSession signedIn(int port, String email, String password) {
    WebSession session = new WebSession(port);
    ApiClient.Response answer = session.signIn(email, password);
    if (answer.status() != 302 || answer.header("Location").contains("error")) {
      throw new AssertionError("Sign-in of " + email + " failed: " + answer.status());
    }
    return session;
  }

  /** Opens the sign-in page (which sets the CSRF cookie) and submits the form. */
  public ApiClient.Response signIn(String email, String password) {
    get("/login");
    String form =
        "email="
            + URLEncoder.encode(email, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return send(
        request("/login", true)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(form)));
  }

  public @Nullable String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  public ApiClient.Response get(String path) {
    return send(request(path, false).GET());
  }

  /** A JSON request with the CSRF header, as the pages' scripts send it. */
  public ApiClient.Response send(String method, String path, @Nullable Object body) {
    return send(method, path, body, true);
  }

  public ApiClient.Response send(
      String method, String path, @Nullable Object body, boolean withCsrfHeader) {
    HttpRequest.Builder request = request(path, withCsrfHeader);
    if (body == null) {
      return send(request.method(method, BodyPublishers.noBody()));
    }
    return send(
        request
            .header("Content-Type", "application/json")
            .method(method, BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  private HttpRequest.Builder request(String path, boolean withCsrfHeader) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofMinutes(1))
            .header("Accept", "application/json, text/html");
    String token = cookie("XSRF-TOKEN");
    if (withCsrfHeader && token != null) {
      builder.header("X-XSRF-TOKEN", token);
    }
    return builder;
  }

  private ApiClient.Response send(HttpRequest.Builder request) {
    try {
      var response = http.send(request.build(), BodyHandlers.ofString());
      return new ApiClient.Response(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
