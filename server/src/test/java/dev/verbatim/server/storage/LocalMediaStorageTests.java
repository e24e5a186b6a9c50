package dev.verbatim.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on the local disk: files under one directory. */
class LocalMediaStorageTests extends MediaStorageContract {

  @TempDir Path root;

  @Override
  MediaStorage storage() {
    return new LocalMediaStorage(root);
  }

  @Override
  void assertNothingUnder(String meeting) throws IOException {
    Path dir = root.resolve(meeting);
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        assertThat(files.filter(Files::isRegularFile)).isEmpty();
      }
    }
  }
}
