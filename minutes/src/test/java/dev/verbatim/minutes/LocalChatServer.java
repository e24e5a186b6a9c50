package dev.verbatim.minutes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real HTTP server on a free local port that speaks the chat completions API as Ollama and vLLM
 * do, answering what each test tells it to and keeping every request it got.
 */
final class LocalChatServer implements AutoCloseable {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** A request as the server received it. */
  record Request(String method, String path, @Nullable String authorization, JsonNode body) {

    String message(String role) {
      for (JsonNode message : body.path("messages").values()) {
        if (role.equals(message.path("role").asString(""))) {
          return message.path("content").asString("");
        }
      }
      throw new AssertionError("No " + role + " message in " + body);
    }
  }

  /** What to send back. */
  record Response(int status, String body) {}

  interface Responder {
    Response respond(Request request) throws Exception;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile Responder responder = request -> new Response(404, "{}");

  LocalChatServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** As a user would configure it, for example {@code http://127.0.0.1:4711/v1}. */
  URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
  }

  MinutesProperties.Llm llm(@Nullable String apiKey, Duration timeout) {
    return new MinutesProperties.Llm(baseUrl(), "test-model", apiKey, timeout);
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  void answer(Responder responder) {
    this.responder = responder;
  }

  /** Answers every request with an assistant message holding {@code content}. */
  void answer(String content) {
    answer(request -> new Response(200, completion(content)));
  }

  void failWith(int status, String body) {
    answer(request -> new Response(status, body));
  }

  /** Answers nothing until the test ends, as a model that takes too long. */
  void hang() {
    answer(
        request -> {
          closing.await(30, TimeUnit.SECONDS);
          return new Response(200, completion("{}"));
        });
  }

  /** A completion as OpenAI-compatible servers return it. */
  static String completion(String content) {
    ObjectNode root = JSON.createObjectNode();
    root.put("id", "chatcmpl-1");
    root.put("object", "chat.completion");
    root.put("created", 1715000000);
    root.put("model", "test-model");
    ObjectNode choice = root.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", content);
    choice.put("finish_reason", "stop");
    root.putObject("usage")
        .put("prompt_tokens", 100)
        .put("completion_tokens", 50)
        .put("total_tokens", 150);
    return JSON.writeValueAsString(root);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String text;
      try (InputStream in = exchange.getRequestBody()) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Request request =
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              exchange.getRequestHeaders().getFirst("Authorization"),
              JSON.readTree(text.isEmpty() ? "{}" : text));
      requests.add(request);
      Response response;
      try {
        response = responder.respond(request);
      } catch (Exception e) {
        response = new Response(599, "Test responder failed: " + e);
      }
      byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
