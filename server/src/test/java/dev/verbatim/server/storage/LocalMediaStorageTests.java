package dev.verbatim.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMediaStorageTests {

  @TempDir Path root;

  @Test
  void storedMediaKeepsItsBytesSizeAndHash() throws IOException {
    LocalMediaStorage storage = new LocalMediaStorage(root);

    MediaStorage.StoredObject stored =
        storage.store(
            "m-1/0/a.wav", new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8)));

    assertThat(stored.size()).isEqualTo(3);
    assertThat(stored.sha256())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(Files.readString(storage.localFile("m-1/0/a.wav"))).isEqualTo("abc");
  }

  @Test
  void keysThatCouldLeaveTheStorageDirectoryAreRefused() {
    LocalMediaStorage storage = new LocalMediaStorage(root);

    for (String key : new String[] {"../etc/passwd", "/etc/passwd", "m-1/../../x", "a b", ""}) {
      assertThatThrownBy(() -> storage.localFile(key))
          .as(key)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aCopyThatFailsHalfwayLeavesNothingBehind() {
    LocalMediaStorage storage = new LocalMediaStorage(root);
    InputStream broken =
        new InputStream() {
          int sent;

          @Override
          public int read() throws IOException {
            if (sent++ > 1000) {
              throw new IOException("connection reset");
            }
            return 'x';
          }
        };

    assertThatThrownBy(() -> storage.store("m-2/0/a.wav", broken)).hasMessage("connection reset");

    assertThat(root.resolve("m-2/0")).isEmptyDirectory();
  }

  @Test
  void deletingAMeetingsMediaRemovesItsDirectoryAndMissingOnesAreNoError() throws IOException {
    LocalMediaStorage storage = new LocalMediaStorage(root);
    storage.store("m-3/0/a.wav", new ByteArrayInputStream(new byte[10]));
    storage.store("m-3/1/b.wav", new ByteArrayInputStream(new byte[10]));

    storage.deleteAll("m-3");
    storage.deleteAll("m-404");

    assertThat(root.resolve("m-3")).doesNotExist();
    assertThatThrownBy(() -> storage.localFile("m-3/0/a.wav"))
        .isInstanceOf(NoSuchFileException.class);
  }
}
