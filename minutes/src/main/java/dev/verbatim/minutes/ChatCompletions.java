package dev.verbatim.minutes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A minimal client of an OpenAI-compatible chat completions API (Ollama, vLLM, llama.cpp server,
 * OpenAI): one system and one user message in, the assistant's content out, asking for a JSON
 * object at temperature 0 so answers repeat as far as the server allows.
 */
final class ChatCompletions {

  /** Far more than any answer of minutes needs. */
  static final int MAX_RESPONSE_BYTES = 1 << 20;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Enough of an error body to see what the server complained about. */
  private static final int BODY_EXCERPT_CHARS = 300;

  private final HttpClient http;
  private final URI endpoint;
  private final String where;
  private final String model;
  private final @Nullable String apiKey;
  private final Duration timeout;

  ChatCompletions(MinutesProperties.Llm llm) {
    URI baseUrl = llm.baseUrl();
    if (baseUrl == null) {
      throw new IllegalArgumentException("verbatim.llm.base-url is not set");
    }
    if (!("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))
        || baseUrl.getHost() == null) {
      throw new IllegalArgumentException(
          "verbatim.llm.base-url must be an http(s) URL such as http://localhost:11434/v1");
    }
    String base = baseUrl.toString();
    this.endpoint = URI.create((base.endsWith("/") ? base : base + "/") + "chat/completions");
    // Messages name the endpoint without user info or query, either of which could hold secrets.
    this.where =
        endpoint.getScheme()
            + "://"
            + endpoint.getHost()
            + (endpoint.getPort() == -1 ? "" : ":" + endpoint.getPort())
            + endpoint.getRawPath();
    this.model = llm.model();
    this.apiKey = llm.apiKey() == null || llm.apiKey().isBlank() ? null : llm.apiKey();
    this.timeout = llm.timeout();
    this.http =
        HttpClient.newBuilder()
            // Ollama and vLLM speak HTTP/1.1; skipping the h2c upgrade avoids surprises.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .build();
  }

  /**
   * Returns the content of the assistant's message.
   *
   * @throws LlmUnavailableException when the server cannot be reached in time, answers with an
   *     error, or answers without an assistant message
   */
  String complete(String system, String user) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(requestBody(system, user)));
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    HttpResponse<String> response = send(request.build());
    if (response.statusCode() / 100 != 2) {
      throw new LlmUnavailableException(
          "The chat API at "
              + where
              + " answered HTTP "
              + response.statusCode()
              + ": "
              + excerpt(response.body()));
    }
    return content(response.body());
  }

  private HttpResponse<String> send(HttpRequest request) {
    CompletableFuture<HttpResponse<String>> future =
        http.sendAsync(request, limited(MAX_RESPONSE_BYTES));
    try {
      // The request timeout stops at the response headers; this bounds the body as well.
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new LlmUnavailableException(noAnswerWithin(), e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new LlmUnavailableException("Interrupted while waiting for " + where, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof HttpTimeoutException) {
        throw new LlmUnavailableException(noAnswerWithin(), cause);
      }
      if (cause instanceof ConnectException) {
        throw new LlmUnavailableException(
            "Cannot connect to the chat API at " + where + " (is the server running?)", cause);
      }
      if (cause instanceof IOException) {
        throw new LlmUnavailableException(
            "The request to the chat API at " + where + " failed: " + cause, cause);
      }
      throw new LlmUnavailableException("The request to " + where + " failed", cause);
    }
  }

  private String requestBody(String system, String user) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", model);
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", system);
    messages.addObject().put("role", "user").put("content", user);
    body.put("temperature", 0);
    body.putObject("response_format").put("type", "json_object");
    body.put("stream", false);
    return JSON.writeValueAsString(body);
  }

  private String content(String responseBody) {
    JsonNode root;
    try {
      root = JSON.readTree(responseBody);
    } catch (JacksonException e) {
      throw new LlmUnavailableException(
          "The chat API at " + where + " answered with invalid JSON: " + excerpt(responseBody), e);
    }
    JsonNode choice = root.path("choices").path(0);
    JsonNode content = choice.path("message").path("content");
    if (!content.isString() || content.stringValue().isBlank()) {
      throw new LlmUnavailableException(
          "The chat API at "
              + where
              + " answered without an assistant message: "
              + excerpt(responseBody));
    }
    if ("length".equals(choice.path("finish_reason").asString(""))) {
      // A cut-off answer is unfinished JSON; say why instead of failing on the parse later.
      throw new LlmUnavailableException(
          "The chat API at "
              + where
              + " stopped at its output token limit before the answer was complete");
    }
    return content.stringValue();
  }

  private String noAnswerWithin() {
    return "The chat API at " + where + " gave no answer within " + timeout;
  }

  /** A short, one-line piece of a body for a message; a server might echo the key, so mask it. */
  private String excerpt(String body) {
    String line = body.strip().replaceAll("\\s+", " ");
    if (apiKey != null) {
      line = line.replace(apiKey, "[api key]");
    }
    if (line.isEmpty()) {
      return "(empty body)";
    }
    return line.length() <= BODY_EXCERPT_CHARS
        ? line
        : line.substring(0, BODY_EXCERPT_CHARS) + "… (" + line.length() + " chars)";
  }

  /**
   * Reads a body as UTF-8 text, failing past {@code max} bytes: a chat API that streams without end
   * must not fill a small heap.
   */
  private static HttpResponse.BodyHandler<String> limited(int max) {
    return info ->
        HttpResponse.BodySubscribers.mapping(
            HttpResponse.BodySubscribers.ofInputStream(),
            in -> {
              try (InputStream body = in) {
                byte[] bytes = body.readNBytes(max + 1);
                if (bytes.length > max) {
                  throw new LlmUnavailableException(
                      "The chat API's reply is larger than " + max / 1024 + " KB");
                }
                return new String(bytes, StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new UncheckedIOException("Could not read the chat API's reply", e);
              }
            });
  }
}
