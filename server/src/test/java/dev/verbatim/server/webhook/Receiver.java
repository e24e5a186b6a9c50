package dev.verbatim.server.webhook;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * A task system's webhook endpoint, as the README tells receivers to write one: it checks the
 * signature over "t.body" with the secret it was given (on its own, not with Verbatim's code),
 * refuses a wrong one with 401, and otherwise answers as a test tells it to.
 */
final class Receiver implements AutoCloseable {

  /** One request as it arrived. */
  record Received(
      @Nullable String idempotencyKey,
      @Nullable String event,
      @Nullable String userAgent,
      @Nullable String contentType,
      @Nullable String signature,
      String body,
      boolean signatureValid,
      int answered) {

    boolean accepted() {
      return answered >= 200 && answered < 300;
    }
  }

  private final HttpServer server;
  private volatile String secret;
  private final AtomicInteger answer = new AtomicInteger(200);
  private final List<Received> received = new CopyOnWriteArrayList<>();

  Receiver(String secret) throws IOException {
    this.secret = secret;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Headers headers = exchange.getRequestHeaders();
          boolean valid = verify(headers.getFirst("Verbatim-Signature"), body);
          int status = valid ? answer.get() : 401;
          received.add(
              new Received(
                  headers.getFirst("Idempotency-Key"),
                  headers.getFirst("Verbatim-Event"),
                  headers.getFirst("User-Agent"),
                  headers.getFirst("Content-Type"),
                  headers.getFirst("Verbatim-Signature"),
                  body,
                  valid,
                  status));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  void secret(String secret) {
    this.secret = secret;
  }

  /** The status to answer with a valid signature: 200, or 503 to play a receiver in trouble. */
  void answer(int status) {
    answer.set(status);
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  List<Received> accepted() {
    return received.stream().filter(Received::accepted).toList();
  }

  /**
   * The check a receiver makes: {@code Verbatim-Signature: t=<seconds>,v1=<hex>}, where hex is the
   * HMAC-SHA256 of {@code "<t>.<body>"} keyed with the secret, compared in constant time.
   */
  boolean verify(@Nullable String header, String body) {
    if (header == null) {
      return false;
    }
    String t = null;
    String v1 = null;
    for (String part : header.split(",")) {
      if (part.startsWith("t=")) {
        t = part.substring(2);
      } else if (part.startsWith("v1=")) {
        v1 = part.substring(3);
      }
    }
    if (t == null || v1 == null) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
      return MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
