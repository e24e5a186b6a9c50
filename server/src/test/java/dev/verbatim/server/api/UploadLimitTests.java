package dev.verbatim.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.server.ApiClient;
import dev.verbatim.server.ApiClient.Response;
import dev.verbatim.server.TestData;
import dev.verbatim.server.VerbatimApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A recording over the configured size is refused, by either upload, and nothing is kept. */
@SpringBootTest(
    classes = VerbatimApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "verbatim.upload.max-size=64KB")
@DirtiesContext
class UploadLimitTests {

  static final Path DATA = TestData.directory("verbatim-limit");

  @LocalServerPort int port;

  @DynamicPropertySource
  static void data(DynamicPropertyRegistry registry) {
    registry.add("verbatim.data", DATA::toString);
  }

  @Test
  void aMultipartUploadOverTheLimitGets413AndLeavesNothing() throws IOException {
    ApiClient api = new ApiClient(port);

    Response response = api.upload(List.of(MeetingApiContract.SAMPLE), Map.of());

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(api.get("/api/meetings").json().get("total").asLong()).isZero();
    assertThat(mediaFiles()).isZero();
  }

  @Test
  void aResumableUploadAnnouncingMoreThanTheLimitIsRefusedAtCreation() {
    ApiClient api = new ApiClient(port);

    Response response = api.createUpload(10L * 1024 * 1024 * 1024, Map.of("filename", "huge.wav"));

    assertThat(response.status()).isEqualTo(413);
  }

  private static long mediaFiles() throws IOException {
    Path media = DATA.resolve("media");
    if (!Files.exists(media)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(media)) {
      return files.filter(Files::isRegularFile).count();
    }
  }
}
