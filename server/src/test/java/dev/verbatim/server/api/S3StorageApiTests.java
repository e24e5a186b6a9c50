package dev.verbatim.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.server.ApiClient;
import dev.verbatim.server.ApiClient.Response;
import dev.verbatim.server.S3MockServer;
import dev.verbatim.server.TestData;
import dev.verbatim.server.VerbatimApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The service with its media in an S3-compatible bucket (S3Mock, a process of its own): recordings
 * upload into the bucket, jobs decode them from it, the player seeks in them with range requests,
 * and deleting a meeting empties its part of the bucket. Nothing is kept on the local disk but the
 * database and the index.
 */
@SpringBootTest(
    classes = VerbatimApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"verbatim.jobs.poll=200ms", "verbatim.storage.s3.part-size=5MB"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
class S3StorageApiTests {

  static final Path HOME = Path.of(System.getProperty("verbatim.home", ".."));
  static final Path ANA = HOME.resolve("samples/tracks/ana.ogg");
  static final Path BOB = HOME.resolve("samples/tracks/bob.ogg");
  static final Path DATA = TestData.directory("verbatim-s3");

  static S3MockServer s3;

  @DynamicPropertySource
  static void storage(DynamicPropertyRegistry registry) {
    if (s3 == null) {
      s3 = S3MockServer.start("verbatim-media");
    }
    registry.add("verbatim.data", DATA::toString);
    for (String property : s3.properties("")) {
      String[] nameValue = property.split("=", 2);
      registry.add(nameValue[0], () -> nameValue[1]);
    }
  }

  @LocalServerPort int port;

  final HttpClient http = HttpClient.newHttpClient();
  ApiClient api;
  String meetingId;
  JsonNode meeting;

  @BeforeAll
  void uploadAMeetingRecordedOneFilePerParticipant() {
    api = new ApiClient(port);
    Response created =
        api.upload(List.of(ANA, BOB), Map.of("multitrack", "true", "title", "In the bucket"));
    assertThat(created.status()).as(created.body()).isEqualTo(202);
    meetingId = created.json().get("id").asString();
    meeting = api.awaitFinished(meetingId);
  }

  @AfterAll
  void stopS3() {
    if (s3 != null) {
      s3.close();
      s3 = null;
    }
  }

  @Test
  @Order(1)
  void recordingsInTheBucketBecomeAProcessedMeeting() throws IOException {
    assertThat(meeting.get("status").asString()).as(meeting.toString()).isEqualTo("done");
    assertThat(meeting.get("speakers"))
        .extracting(s -> s.get("name").asString())
        .containsExactly("ana", "bob");
    assertThat(s3.keys())
        .contains(
            meetingId + "/0/ana.ogg", meetingId + "/1/bob.ogg", meetingId + "/playback/mix.m4a");
    assertThat(s3.unfinishedUploads()).isEmpty();
    // The job's copies for the decoder are gone, and no media were written to the local disk.
    assertThat(files(DATA.resolve("s3-spool"))).isEmpty();
    assertThat(files(DATA.resolve("media"))).isEmpty();
  }

  @Test
  @Order(2)
  void thePlayerSeeksWithRangeRequestsServedFromTheBucket() throws Exception {
    byte[] bob = Files.readAllBytes(BOB);
    String media = "/api/meetings/" + meetingId + "/media";

    HttpResponse<byte[]> part = get(media + "?file=1", "Range", "bytes=100-199");
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + bob.length);
    assertThat(part.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("audio/ogg"));
    assertThat(part.body()).isEqualTo(Arrays.copyOfRange(bob, 100, 200));

    HttpResponse<byte[]> tail = get(media + "?file=1", "Range", "bytes=-10");
    assertThat(tail.statusCode()).isEqualTo(206);
    assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(bob, bob.length - 10, bob.length));

    HttpResponse<byte[]> whole = get(media + "?file=1");
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
    assertThat(whole.body()).isEqualTo(bob);

    HttpResponse<byte[]> beyond = get(media + "?file=1", "Range", "bytes=" + bob.length + "-");
    assertThat(beyond.statusCode()).isEqualTo(416);
    assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + bob.length);

    // The mix the job made and put in the bucket is what plays by default.
    HttpResponse<byte[]> mix = get(media, "Range", "bytes=0-11");
    assertThat(mix.statusCode()).isEqualTo(206);
    assertThat(mix.headers().firstValue("Content-Type")).hasValue("audio/mp4");
    assertThat(new String(mix.body(), 4, 4, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("ftyp");
  }

  @Test
  @Order(3)
  void aRecordingOfSeveralPartsUploadsInPartsAndSeeksAcrossThem() throws Exception {
    // Not audio, so its job fails; what matters here is how it is stored and read back.
    byte[] bytes = new byte[11 * 1024 * 1024 + 17];
    new java.util.Random(7).nextBytes(bytes);
    Path file = DATA.resolve("noise.wav");
    Files.write(file, bytes);

    Response created = api.upload(List.of(file), Map.of("title", "Several parts"));
    assertThat(created.status()).as(created.body()).isEqualTo(202);
    String id = created.json().get("id").asString();

    String key = id + "/0/noise.wav";
    assertThat(s3.client().headObject(b -> b.bucket(s3.bucket()).key(key)).contentLength())
        .isEqualTo(bytes.length);
    int boundary = 5 * 1024 * 1024;
    HttpResponse<byte[]> across =
        get(
            "/api/meetings/" + id + "/media",
            "Range",
            "bytes=" + (boundary - 10) + "-" + (boundary + 9));
    assertThat(across.statusCode()).isEqualTo(206);
    assertThat(across.body()).isEqualTo(Arrays.copyOfRange(bytes, boundary - 10, boundary + 10));
    api.awaitFinished(id);
    assertThat(api.delete("/api/meetings/" + id).status()).isEqualTo(204);
    assertThat(s3.keys()).noneMatch(k -> k.startsWith(id + "/"));
  }

  @Test
  @Order(4)
  void theSameRecordingsAgainLeaveNoSecondCopyInTheBucket() {
    List<String> before = s3.keys();

    Response again = api.upload(List.of(ANA, BOB), Map.of("multitrack", "true", "title", "Again"));

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("id").asString()).isEqualTo(meetingId);
    assertThat(s3.keys()).containsExactlyInAnyOrderElementsOf(before);
    assertThat(s3.unfinishedUploads()).isEmpty();
  }

  @Test
  @Order(10)
  void deletingTheMeetingEmptiesItsPartOfTheBucket() {
    assertThat(api.delete("/api/meetings/" + meetingId).status()).isEqualTo(204);

    assertThat(s3.keys()).noneMatch(key -> key.startsWith(meetingId + "/"));
    assertThat(api.get("/api/meetings/" + meetingId).status()).isEqualTo(404);
  }

  private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + ApiClient.adminToken());
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static List<Path> files(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
