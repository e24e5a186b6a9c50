package dev.verbatim.server.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.server.ApiClient.Response;
import dev.verbatim.server.ServerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads stream: a server with a 64 MB heap takes a 512 MB recording by multipart and by tus. Had
 * any layer held the file in memory, it would fail with OutOfMemoryError.
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
