package dev.verbatim.minutes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ChatCompletionsTests {

  private static final String KEY = "sk-verbatim-test-0123456789";

  private final LocalChatServer api;

  ChatCompletionsTests() throws IOException {
    api = new LocalChatServer();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private ChatCompletions client() {
    return new ChatCompletions(api.llm(KEY, Duration.ofSeconds(10)));
  }

  @Test
  void postsModelAndBothMessagesWithTheBearerKeyAndReturnsTheAssistantContent() {
    api.answer("{\"summary\":[]}");

    String content = client().complete("Be brief.", "Hello");

    assertThat(content).isEqualTo("{\"summary\":[]}");
    assertThat(api.requests()).hasSize(1);
    LocalChatServer.Request request = api.requests().get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v1/chat/completions");
    assertThat(request.authorization()).isEqualTo("Bearer " + KEY);
    JsonNode body = request.body();
    assertThat(body.path("model").asString()).isEqualTo("test-model");
    assertThat(body.path("temperature").asDouble()).isZero();
    assertThat(body.path("response_format").path("type").asString()).isEqualTo("json_object");
    assertThat(body.path("messages").values())
        .extracting(m -> m.path("role").asString() + ": " + m.path("content").asString())
        .containsExactly("system: Be brief.", "user: Hello");
  }

  @Test
  void sendsNoAuthorizationWithoutAKeyAndToleratesATrailingSlash() {
    api.answer("{}");
    URI base = URI.create(api.baseUrl() + "/");

    new ChatCompletions(new MinutesProperties.Llm(base, "m", " ", Duration.ofSeconds(10)))
        .complete("s", "u");

    assertThat(api.requests().get(0).path()).isEqualTo("/v1/chat/completions");
    assertThat(api.requests().get(0).authorization()).isNull();
  }

  @Test
  void httpErrorNamesTheStatusAndAShortPartOfTheBodyWithoutTheKey() {
    // A careless proxy that echoes the request headers back in its error page.
    api.answer(
        request ->
            new LocalChatServer.Response(
                401, "Unauthorized: " + request.authorization() + " " + "x".repeat(5_000)));

    LlmUnavailableException e =
        catchThrowableOfType(LlmUnavailableException.class, () -> client().complete("s", "u"));

    assertThat(e)
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining("Unauthorized: Bearer [api key]")
        .hasMessageContaining(api.baseUrl() + "/chat/completions");
    assertThat(e.getMessage()).hasSizeLessThan(600);
    assertNoKeyIn(e);
  }

  @Test
  void serverErrorIsUnavailable() {
    api.failWith(500, "{\"error\":\"model 'test-model' not found\"}");

    assertThatThrownBy(() -> client().complete("s", "u"))
        .isInstanceOf(LlmUnavailableException.class)
        .hasMessageContaining("HTTP 500")
        .hasMessageContaining("model 'test-model' not found");
  }

  @Test
  void slowServerIsUnavailableAfterTheTimeout() {
    api.hang();
    ChatCompletions client = new ChatCompletions(api.llm(KEY, Duration.ofSeconds(1)));

    LlmUnavailableException e =
        catchThrowableOfType(LlmUnavailableException.class, () -> client.complete("s", "u"));

    assertThat(e).hasMessageContaining("no answer within PT1S").hasCauseInstanceOf(Exception.class);
    assertNoKeyIn(e);
  }

  @Test
  void closedPortIsUnavailableWithTheCause() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    ChatCompletions client =
        new ChatCompletions(
            new MinutesProperties.Llm(
                URI.create("http://127.0.0.1:" + port + "/v1"), "m", KEY, Duration.ofSeconds(5)));

    LlmUnavailableException e =
        catchThrowableOfType(LlmUnavailableException.class, () -> client.complete("s", "u"));

    assertThat(e).hasMessageContaining("Cannot connect").hasCauseInstanceOf(IOException.class);
    assertNoKeyIn(e);
  }

  @Test
  void answerThatIsNotJsonIsUnavailable() {
    api.answer(request -> new LocalChatServer.Response(200, "<html>Bad gateway</html>"));

    LlmUnavailableException e =
        catchThrowableOfType(LlmUnavailableException.class, () -> client().complete("s", "u"));

    assertThat(e).hasMessageContaining("invalid JSON").hasMessageContaining("Bad gateway");
    assertThat(e.getCause()).isNotNull();
  }

  @Test
  void answerWithoutAnAssistantMessageIsUnavailable() {
    api.answer(request -> new LocalChatServer.Response(200, "{\"object\":\"chat.completion\"}"));

    assertThatThrownBy(() -> client().complete("s", "u"))
        .isInstanceOf(LlmUnavailableException.class)
        .hasMessageContaining("without an assistant message");
  }

  @Test
  void answerCutOffAtTheTokenLimitIsUnavailable() {
    String cutOff =
        LocalChatServer.completion("{\"summary\":[{\"text\":\"The")
            .replace("\"finish_reason\":\"stop\"", "\"finish_reason\":\"length\"");
    api.answer(request -> new LocalChatServer.Response(200, cutOff));

    assertThatThrownBy(() -> client().complete("s", "u"))
        .isInstanceOf(LlmUnavailableException.class)
        .hasMessageContaining("output token limit");
  }

  @Test
  void rejectsABaseUrlThatIsNotHttp() {
    assertThatThrownBy(
            () ->
                new ChatCompletions(
                    new MinutesProperties.Llm(
                        URI.create("localhost:11434"), "m", null, Duration.ofSeconds(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http://localhost:11434/v1");
  }

  /** The key must not reach a log line, and warnings log exception messages. */
  static void assertNoKeyIn(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(KEY);
      assertThat(t.toString()).doesNotContain(KEY);
    }
  }
}
