package dev.verbatim.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class OutOfSpaceTests {

  @Test
  void aFullDiskIsRecognisedAsTheJdkReportsIt() {
    // A stream's write, and a file operation (createTempFile, move) on a full disk.
    assertThat(OutOfSpace.causes(new IOException("No space left on device"))).isTrue();
    assertThat(
            OutOfSpace.causes(
                new FileSystemException("/data/media/x.tmp", null, "No space left on device")))
        .isTrue();
    assertThat(OutOfSpace.causes(new IOException("Disk quota exceeded"))).isTrue();
  }

  @Test
  void aFullDiskDeepInTheCausesCounts() {
    IOException full = new IOException("No space left on device");
    assertThat(
            OutOfSpace.causes(new IllegalStateException("wrapped", new UncheckedIOException(full))))
        .isTrue();
  }

  @Test
  void otherFailuresAreNotAFullDisk() {
    assertThat(OutOfSpace.causes(new IOException("Connection reset by peer"))).isFalse();
    assertThat(OutOfSpace.causes(new NoSuchFileException("/data/media/x"))).isFalse();
    assertThat(OutOfSpace.causes(new IOException((String) null))).isFalse();
    assertThat(OutOfSpace.causes(null)).isFalse();
  }
}
