package dev.verbatim.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.server.ApiClient.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Member accounts for tests, made by the admin through the API as an admin would. */
public final class Members {

  public static final String PASSWORD = "correct horse battery";

  private Members() {}

  /** A member with a signed-in session and an API token of every scope. */
  public record Member(String id, String email, WebSession session, ApiClient api) {}

  /** A new member named {@code name}, with an email no other test uses. */
  public static Member create(ApiClient admin, int port, String name) {
    String email =
        name.toLowerCase(Locale.ROOT)
            + "-"
            + UUID.randomUUID().toString().substring(0, 8)
            + "@example.com";
    Response created =
        admin.post(
            "/api/users",
            Map.of("email", email.toUpperCase(Locale.ROOT), "name", name, "password", PASSWORD));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("email").asString()).isEqualTo(email);
    assertThat(created.json().get("role").asString()).isEqualTo("member");
    WebSession session = WebSession.signedIn(port, email, PASSWORD);
    String token =
        token(session, "all", List.of("meetings:read", "meetings:write", "action-items:write"));
    return new Member(created.json().get("id").asString(), email, session, admin.withToken(token));
  }

  /** A new API token of the session's account; the value as shown once. */
  public static String token(WebSession session, String name, List<String> scopes) {
    Response created = session.send("POST", "/api/tokens", Map.of("name", name, "scopes", scopes));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("token").asString();
  }
}
