package dev.verbatim.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.server.ApiClient;
import dev.verbatim.server.ApiClient.Response;
import dev.verbatim.server.MovableClock;
import dev.verbatim.server.TestData;
import dev.verbatim.server.VerbatimApplication;
import dev.verbatim.server.WebSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Brute force and floods get 429 with Retry-After: failed sign-ins per email and per address,
 * invalid API tokens per address, and upload starts per user. The limits run on a clock the tests
 * move, so nothing here waits for a window to pass.
 */
@SpringBootTest(
    classes = VerbatimApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "verbatim.jobs.enabled=false",
      "verbatim.rate-limit.login.token-failures-per-address=5",
      "verbatim.rate-limit.upload.per-user=3"
    })
@Import(MovableClock.Time.class)
@ExtendWith(OutputCaptureExtension.class)
class RateLimitTests {

  static final Path DATA = TestData.directory("verbatim-rate-limit");
  static final String PASSWORD = "correct horse battery";
  static final Duration WINDOW = Duration.ofMinutes(15);

  @DynamicPropertySource
  static void data(DynamicPropertyRegistry registry) {
    registry.add("verbatim.data", DATA::toString);
  }

  @LocalServerPort int port;
  @Autowired MovableClock clock;

  @BeforeEach
  void freshWindow() {
    // Every limit has all its attempts again after a whole window; tests share one server.
    clock.advance(Duration.ofHours(1));
  }

  String member(String name) {
    String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    Response created =
        new ApiClient(port)
            .post("/api/users", Map.of("email", email, "name", name, "password", PASSWORD));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return email;
  }

  static Response signIn(int port, String email, String password) {
    return new WebSession(port).signIn(email, password);
  }

  static boolean refused(Response answer) {
    return answer.status() == 302 && answer.header("Location").endsWith("/login?error");
  }

  @Test
  void theEleventhSignInOfAnEmailIsRefusedEvenWithTheRightPasswordUntilTheWindowPasses(
      CapturedOutput output) {
    String email = member("target");
    String other = member("bystander");
    for (int i = 1; i <= 10; i++) {
      assertThat(refused(signIn(port, email, "guess-" + i))).as("guess %d", i).isTrue();
    }

    Response locked = signIn(port, email, PASSWORD);

    assertThat(locked.status()).isEqualTo(429);
    assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, WINDOW.toSeconds());
    assertThat(locked.body()).contains("Too many failed sign-ins. Try again in");
    assertThat(locked.body()).doesNotContain("Wrong email or password");
    assertThat(signIn(port, email.toUpperCase(), PASSWORD).status()).isEqualTo(429);
    WebSession.signedIn(port, other, PASSWORD);
    assertThat(output)
        .contains("Rate limit login-email reached for " + email)
        .doesNotContain("guess-10")
        .doesNotContain(PASSWORD);

    clock.advance(WINDOW);
    WebSession session = WebSession.signedIn(port, email, PASSWORD);
    assertThat(session.get("/api/me").json().get("email").asString()).isEqualTo(email);
  }

  @Test
  void aSuccessfulSignInForgetsTheEmailsFailures() {
    String email = member("forgetful");
    for (int round = 0; round < 2; round++) {
      for (int i = 1; i <= 9; i++) {
        assertThat(refused(signIn(port, email, "typo-" + i))).isTrue();
      }
      WebSession.signedIn(port, email, PASSWORD);
    }
  }

  @Test
  void oneAddressTryingManyEmailsIsRefusedForAnyEmail(CapturedOutput output) {
    String real = member("real");
    for (int i = 1; i <= 30; i++) {
      assertThat(refused(signIn(port, "nobody-" + i + "@example.com", "guess"))).isTrue();
    }

    assertThat(signIn(port, real, PASSWORD).status()).isEqualTo(429);
    assertThat(output).contains("Rate limit login-address reached for ");

    clock.advance(WINDOW);
    WebSession.signedIn(port, real, PASSWORD);
  }

  @Test
  void invalidApiTokensFromOneAddressGetProblem429(CapturedOutput output) {
    ApiClient forged = new ApiClient(port, "vbt_forged");
    for (int i = 1; i <= 5; i++) {
      assertThat(forged.get("/api/me").status()).isEqualTo(401);
    }

    Response locked = new ApiClient(port).get("/api/me");

    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.header("Content-Type")).startsWith("application/problem+json");
    assertThat(locked.json().get("status").asInt()).isEqualTo(429);
    assertThat(locked.json().get("detail").asString()).contains("invalid API token");
    assertThat(Long.parseLong(locked.header("Retry-After"))).isPositive();
    assertThat(output)
        .contains("Rate limit token-address reached for ")
        .doesNotContain("vbt_forged");

    clock.advance(WINDOW);
    assertThat(new ApiClient(port).get("/api/me").status()).isEqualTo(200);
  }

  @Test
  void uploadsOverTheLimitGetProblem429AndCreateNothing() throws IOException {
    ApiClient admin = new ApiClient(port);
    for (int i = 1; i <= 3; i++) {
      assertThat(admin.upload(List.of(recording()), Map.of()).status()).isEqualTo(202);
    }
    long meetings = admin.get("/api/meetings").json().get("total").asLong();
    long files = mediaFiles();

    Response multipart = admin.upload(List.of(recording()), Map.of("title", "One too many"));
    Response resumable = admin.createUpload(100, Map.of("filename", "also.wav"));

    for (Response refused : List.of(multipart, resumable)) {
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
      assertThat(refused.json().get("detail").asString()).contains("too many uploads");
      assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
    }
    assertThat(admin.get("/api/meetings").json().get("total").asLong()).isEqualTo(meetings);
    assertThat(mediaFiles()).isEqualTo(files);
    assertThat(uploadsInProgress()).isZero();

    // Another person's uploads are theirs to count.
    String email = member("uploader");
    WebSession other = WebSession.signedIn(port, email, PASSWORD);
    Response token =
        other.send(
            "POST", "/api/tokens", Map.of("name", "up", "scopes", List.of("meetings:write")));
    ApiClient theirs = new ApiClient(port, token.json().get("token").asString());
    assertThat(theirs.upload(List.of(recording()), Map.of()).status()).isEqualTo(202);

    clock.advance(Duration.ofMinutes(1));
    assertThat(admin.upload(List.of(recording()), Map.of()).status()).isEqualTo(202);
  }

  private static Path recording() throws IOException {
    Path file = Files.createTempFile(DATA, "recording", ".wav");
    Files.writeString(file, "not really audio " + UUID.randomUUID(), StandardCharsets.UTF_8);
    return file;
  }

  private static long mediaFiles() throws IOException {
    return regularFiles(DATA.resolve("media"));
  }

  private static long uploadsInProgress() throws IOException {
    return regularFiles(DATA.resolve("uploads"));
  }

  private static long regularFiles(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).count();
    }
  }
}
