package dev.verbatim.server.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.server.ApiClient;
import dev.verbatim.server.ApiClient.Response;
import dev.verbatim.server.TestData;
import dev.verbatim.server.VerbatimApplication;
import dev.verbatim.server.storage.LocalMediaStorage;
import dev.verbatim.server.storage.MediaStorage;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The disk fills up in the middle of an upload: the uploader is told so (507, as problem JSON), no
 * meeting, no job and no partly written file stay behind, and once there is room again the same
 * upload goes through. The media storage here is the real local one, whose disk "fills" after a set
 * number of bytes: the bytes before it are really written, then the write fails as Linux reports
 * ENOSPC.
 */
@SpringBootTest(
    classes = VerbatimApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"verbatim.jobs.enabled=false", "verbatim.rate-limit.enabled=false"})
@Import(StorageFailureTests.FullDisk.class)
class StorageFailureTests {

  static final Path DATA = TestData.directory("verbatim-disk-full");
  static final Path SPOOL = DATA.resolve("spool");
  static final int SIZE = 256 * 1024;

  @DynamicPropertySource
  static void data(DynamicPropertyRegistry registry) throws IOException {
    Files.createDirectories(SPOOL);
    registry.add("verbatim.data", DATA::toString);
    registry.add("spring.servlet.multipart.location", SPOOL::toString);
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class FullDisk {
    @Bean
    @Primary
    FillingStorage fillingStorage() {
      return new FillingStorage(new LocalMediaStorage(DATA.resolve("media")));
    }
  }

  /** Local storage on a disk with {@code room} bytes left. */
  static final class FillingStorage implements MediaStorage {
    private final MediaStorage disk;
    private volatile long room = Long.MAX_VALUE;

    FillingStorage(MediaStorage disk) {
      this.disk = disk;
    }

    void fillUpAfter(long bytes) {
      room = bytes;
    }

    void makeRoom() {
      room = Long.MAX_VALUE;
    }

    @Override
    public StoredObject store(String key, InputStream content) throws IOException {
      return disk.store(key, new Filling(content));
    }

    @Override
    public StoredObject adopt(String key, Path file) throws IOException {
      return disk.adopt(key, file);
    }

    @Override
    public LocalFile localFile(String key) throws IOException {
      return disk.localFile(key);
    }

    @Override
    public InputStream read(String key, long offset, long length) throws IOException {
      return disk.read(key, offset, length);
    }

    @Override
    public long size(String key) throws IOException {
      return disk.size(key);
    }

    @Override
    public void deleteAll(String prefix) throws IOException {
      disk.deleteAll(prefix);
    }

    /** Hands over bytes while there is room, then fails as a full disk does. */
    private final class Filling extends FilterInputStream {
      private long passed;

      Filling(InputStream in) {
        super(in);
      }

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        long left = room - passed;
        if (left <= 0) {
          throw new IOException("No space left on device");
        }
        int n = super.read(b, off, (int) Math.min(len, left));
        if (n > 0) {
          passed += n;
        }
        return n;
      }
    }
  }

  @LocalServerPort int port;
  @Autowired FillingStorage storage;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void room() {
    storage.makeRoom();
  }

  @Test
  void aMultipartUploadOntoAFullDiskGets507AndLeavesNothing() throws IOException {
    ApiClient api = new ApiClient(port);
    Path recording = recording("multipart.wav");
    long meetings = meetings(api);
    storage.fillUpAfter(SIZE / 2);

    Response full = api.upload(List.of(recording), Map.of("title", "Disk full"));

    assertThat(full.status()).isEqualTo(507);
    assertThat(full.header("Content-Type")).startsWith("application/problem+json");
    assertThat(full.json().get("title").asString()).isEqualTo("Insufficient storage");
    assertThat(full.json().get("detail").asString())
        .contains("no room left")
        .contains("nothing was kept");
    assertLeftNothing(api, meetings);

    storage.makeRoom();
    Response again = api.upload(List.of(recording), Map.of("title", "Room again"));
    assertThat(again.status()).as(again.body()).isEqualTo(202);
    assertThat(meetings(api)).isEqualTo(meetings + 1);
    assertThat(jobs()).isEqualTo(meetings + 1);
  }

  @Test
  void aResumableUploadWhoseLastPatchMeetsAFullDiskGets507AndCanFinishLater() throws IOException {
    ApiClient api = new ApiClient(port);
    byte[] bytes = Files.readAllBytes(recording("resumable.wav"));
    long meetings = meetings(api);
    Response created = api.createUpload(bytes.length, Map.of("filename", "resumable.wav"));
    assertThat(created.status()).isEqualTo(201);
    String upload = URI.create(created.header("Location")).getPath();
    int half = bytes.length / 2;
    assertThat(api.patchUpload(upload, 0, BodyPublishers.ofByteArray(bytes, 0, half)).status())
        .isEqualTo(204);
    storage.fillUpAfter(SIZE / 3);

    Response full =
        api.patchUpload(upload, half, BodyPublishers.ofByteArray(bytes, half, bytes.length - half));

    assertThat(full.status()).isEqualTo(507);
    assertThat(full.header("Content-Type")).startsWith("application/problem+json");
    assertThat(full.body()).as(full.raw().headers().map().toString()).contains("no room left");
    assertLeftNothing(api, meetings);

    // The bytes that arrived stay: with room again, the client resumes at the offset it is told.
    storage.makeRoom();
    Response head = api.headUpload(upload);
    assertThat(head.status()).isIn(200, 204);
    long offset = Long.parseLong(head.header("Upload-Offset"));
    Response last =
        api.patchUpload(
            upload,
            offset,
            BodyPublishers.ofByteArray(bytes, (int) offset, bytes.length - (int) offset));
    assertThat(last.status()).as(last.body()).isEqualTo(204);
    assertThat(last.header("Verbatim-Meeting-Id")).startsWith("m-");
    assertThat(meetings(api)).isEqualTo(meetings + 1);
    assertThat(api.headUpload(upload).status()).isIn(404, 410);
  }

  private void assertLeftNothing(ApiClient api, long meetings) throws IOException {
    assertThat(meetings(api)).isEqualTo(meetings);
    assertThat(jobs()).isEqualTo(meetings);
    assertThat(files(DATA.resolve("media"))).isEmpty();
    assertThat(files(SPOOL)).isEmpty();
  }

  private static long meetings(ApiClient api) {
    return api.get("/api/meetings").json().get("total").asLong();
  }

  private long jobs() {
    return jdbc.sql("SELECT COUNT(*) FROM job").query(Long.class).single();
  }

  /** Files of meetings not in the database: every one that exists must belong to a meeting. */
  private List<Path> files(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    List<String> kept = jdbc.sql("SELECT storage_key FROM media_file").query(String.class).list();
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> kept.stream().noneMatch(key -> f.endsWith(key)))
          .toList();
    }
  }

  private static Path recording(String name) throws IOException {
    byte[] bytes = new byte[SIZE];
    new Random(name.hashCode()).nextBytes(bytes);
    Path file = DATA.resolve(name);
    Files.write(file, bytes);
    return file;
  }
}
