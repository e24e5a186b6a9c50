package dev.verbatim.server.jitsi;

import dev.verbatim.server.ApiClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Jigasi's event bodies from the fixtures in {@code src/test/resources/jigasi}, filled in. */
public final class JigasiEvents {

  /** A conference participant as the fixtures name one. */
  public record Person(String id, String name, String identity) {}

  private final ApiClient api;
  private final String path;
  private final String room;

  public JigasiEvents(ApiClient api, String path, String room) {
    this.api = api;
    this.path = path;
    this.room = room;
  }

  static String fixture(String name) {
    try (InputStream in = JigasiEvents.class.getResourceAsStream("/jigasi/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String fill(String fixture, Map<String, String> values) {
    String body = fixture;
    for (Map.Entry<String, String> e : values.entrySet()) {
      body = body.replace("${" + e.getKey() + "}", e.getValue());
    }
    return body;
  }

  String body(String fixture, Person who, String text) {
    return fill(
        fixture(fixture),
        Map.of(
            "room",
            room,
            "timestamp",
            String.valueOf(System.currentTimeMillis()),
            "id",
            who == null ? "" : who.id(),
            "name",
            who == null ? "" : who.name(),
            "identity",
            who == null ? "" : who.identity(),
            "text",
            text));
  }

  public ApiClient.Response post(String fixture, Person who, String text) {
    return api.post(path, body(fixture, who, text));
  }

  public ApiClient.Response post(String fixture) {
    return api.post(path, body(fixture, new Person("", "", ""), ""));
  }
}
