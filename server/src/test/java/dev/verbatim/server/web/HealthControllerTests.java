package dev.verbatim.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.server.VerbatimApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.web.client.RestClient;

@SpringBootTest(
    classes = VerbatimApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HealthControllerTests {

  @org.springframework.test.context.DynamicPropertySource
  static void data(org.springframework.test.context.DynamicPropertyRegistry registry) {
    registry.add(
        "verbatim.data",
        () -> dev.verbatim.server.TestData.directory("verbatim-health").toString());
  }

  @Value("${local.server.port}")
  int port;

  @Test
  void jitsiEndpointsAreOffByDefault() {
    dev.verbatim.server.ApiClient jigasi = new dev.verbatim.server.ApiClient(port, null);

    assertThat(jigasi.post("/api/jigasi/events", "{\"room_name\":\"r\"}").status()).isEqualTo(404);
    assertThat(
            java.net.http.HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(
                    java.net.URI.create("ws://localhost:" + port + "/asr/vosk"),
                    new java.net.http.WebSocket.Listener() {})
                .handle((socket, error) -> error != null)
                .join())
        .as("no WebSocket on /asr/vosk")
        .isTrue();
  }

  @Test
  void reportsUpWithTheConfiguredLanguages() {
    String body =
        RestClient.create("http://localhost:" + port)
            .get()
            .uri("/api/health")
            .retrieve()
            .body(String.class);

    assertThat(body).contains("\"status\":\"UP\"").contains("\"languages\":[\"en\"]");
  }
}
