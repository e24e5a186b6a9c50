package dev.verbatim.server.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.server.ApiClient;
import dev.verbatim.server.ApiClient.Response;
import dev.verbatim.server.S3MockServer;
import dev.verbatim.server.ServerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads stream: a server with a 64 MB heap takes a 512 MB recording by multipart and by tus, onto
 * the local disk or into S3 (multipart uploads, one part in memory at a time), and plays it back.
 * Had any layer held the file in memory, it would fail with OutOfMemoryError.
 */
@Tag("slow")
class LargeUploadTests {

  private static final long SIZE = 512L * 1024 * 1024;
  private static final long CHUNK = 64L * 1024 * 1024;

  @Test
  void recordingsEightTimesTheHeapUploadBothWays(@TempDir Path dir) throws Exception {
    Path big = sparse(dir.resolve("big.wav"), SIZE);
    Path bigger = sparse(dir.resolve("bigger.wav"), SIZE + 1);
    Path data = dir.resolve("data");
    Path log = Path.of("target", "large-upload-server.log");
    Files.deleteIfExists(log);

    try (ServerProcess server =
        ServerProcess.start("64m", data, log, "verbatim.upload.max-size=1GB")) {
      Response multipart = server.api.upload(List.of(big), Map.of("title", "Big"));
      assertThat(multipart.status()).isEqualTo(202);

      Response created = server.api.createUpload(SIZE + 1, Map.of("filename", "bigger.wav"));
      assertThat(created.status()).isEqualTo(201);
      String upload = URI.create(created.header("Location")).getPath();
      Response last = null;
      for (long offset = 0; offset < SIZE + 1; offset += CHUNK) {
        long length = Math.min(CHUNK, SIZE + 1 - offset);
        last = server.api.patchUpload(upload, offset, slice(bigger, offset, length));
        assertThat(last.status()).as("PATCH at " + offset).isEqualTo(204);
      }
      assertThat(last.header("Verbatim-Meeting-Id")).startsWith("m-");
      assertThat(server.api.get("/api/meetings").json().get("total").asLong()).isEqualTo(2);
    }
    assertThat(storedSizes(data.resolve("media"))).containsExactlyInAnyOrder(SIZE, SIZE + 1);
    assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
  }

  @Test
  void aRecordingEightTimesTheHeapStreamsIntoS3AndBackOutInRanges(@TempDir Path dir)
      throws Exception {
    Path big = sparse(dir.resolve("big.wav"), SIZE);
    Path log = Path.of("target", "large-upload-s3-server.log");
    Files.deleteIfExists(log);

    try (S3MockServer s3 = S3MockServer.start("verbatim-large");
        ServerProcess server =
            ServerProcess.start(
                "64m",
                dir.resolve("data"),
                log,
                Stream.concat(
                        Stream.of(
                            "verbatim.upload.max-size=1GB",
                            // Nothing to decode in zeros: the job would only fail, later.
                            "verbatim.jobs.enabled=false"),
                        s3.properties("").stream())
                    .toArray(String[]::new))) {
      Response multipart = server.api.upload(List.of(big), Map.of("title", "Big"));
      assertThat(multipart.status()).as(multipart.body()).isEqualTo(202);
      String id = multipart.json().get("id").asString();
      String key = id + "/0/big.wav";
      assertThat(s3.client().headObject(b -> b.bucket(s3.bucket()).key(key)).contentLength())
          .isEqualTo(SIZE);

      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<InputStream> whole =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(server.api.base() + "/api/meetings/" + id + "/media"))
                  .header("Authorization", "Bearer " + ApiClient.adminToken())
                  .build(),
              HttpResponse.BodyHandlers.ofInputStream());
      assertThat(whole.statusCode()).isEqualTo(200);
      try (InputStream body = whole.body()) {
        assertThat(body.transferTo(OutputStream.nullOutputStream())).isEqualTo(SIZE);
      }
      Response tail = server.api.get("/api/meetings/" + id + "/media", "Range", "bytes=-16");
      assertThat(tail.status()).isEqualTo(206);
      assertThat(tail.header("Content-Range"))
          .isEqualTo("bytes " + (SIZE - 16) + "-" + (SIZE - 1) + "/" + SIZE);
    }
    assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
  }

  /** A file of zeros that takes no disk space until read. */
  private static Path sparse(Path file, long size) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(size);
    }
    return file;
  }

  /** {@code length} bytes of {@code file} from {@code offset}, streamed, with a Content-Length. */
  private static BodyPublisher slice(Path file, long offset, long length) {
    return BodyPublishers.fromPublisher(
        BodyPublishers.ofInputStream(
            () -> {
              try {
                InputStream in = Files.newInputStream(file);
                in.skipNBytes(offset);
                return new java.io.BufferedInputStream(
                    new InputStream() {
                      long left = length;

                      @Override
                      public int read() throws IOException {
                        return left-- > 0 ? in.read() : -1;
                      }

                      @Override
                      public int read(byte[] b, int off, int len) throws IOException {
                        if (left <= 0) {
                          return -1;
                        }
                        int n = in.read(b, off, (int) Math.min(len, left));
                        if (n > 0) {
                          left -= n;
                        }
                        return n;
                      }

                      @Override
                      public void close() throws IOException {
                        in.close();
                      }
                    });
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }),
        length);
  }

  private static List<Long> storedSizes(Path media) throws IOException {
    try (Stream<Path> files = Files.walk(media)) {
      return files
          .filter(Files::isRegularFile)
          .map(
              f -> {
                try {
                  return Files.size(f);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .toList();
    }
  }
}
