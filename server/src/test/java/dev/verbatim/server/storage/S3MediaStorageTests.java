package dev.verbatim.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.server.S3MockServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * The storage contract against a real S3-compatible server (S3Mock, a process of its own), with the
 * smallest part S3 allows, so the large recordings go up in several parts.
 */
class S3MediaStorageTests extends MediaStorageContract {

  private static final String PREFIX = "tenant-a/";

  private static S3MockServer server;
  private static S3MediaStorage storage;

  @BeforeAll
  static void start(@TempDir Path spool) {
    server = S3MockServer.start("verbatim-contract");
    storage = StorageConfiguration.s3(settings(server.endpoint(), PREFIX), spool);
  }

  @AfterAll
  static void stop() {
    if (storage != null) {
      storage.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private static StorageProperties.S3 settings(URI endpoint, String prefix) {
    return new StorageProperties.S3(
        server.bucket(),
        "us-east-1",
        endpoint,
        true,
        prefix,
        S3MockServer.ACCESS_KEY,
        S3MockServer.SECRET_KEY,
        DataSize.ofBytes(StorageProperties.S3.MIN_PART_SIZE),
        null);
  }

  @Override
  MediaStorage storage() {
    return storage;
  }

  @Override
  void assertNothingUnder(String meeting) {
    assertThat(server.keys()).noneMatch(key -> key.startsWith(PREFIX + meeting + "/"));
    assertThat(server.unfinishedUploads()).noneMatch(key -> key.startsWith(PREFIX + meeting + "/"));
  }

  @Test
  void objectsLiveUnderTheKeyPrefixSoABucketCanBeShared() throws IOException {
    String meeting = meeting();

    storage.store(meeting + "/0/a.wav", new ByteArrayInputStream(new byte[] {1, 2, 3}));

    assertThat(server.keys()).contains(PREFIX + meeting + "/0/a.wav");
    assertThat(server.keys()).allMatch(key -> key.startsWith(PREFIX));
  }

  @Test
  void uploadsLeftUnfinishedByADeadProcessGoWithTheirMeeting() throws IOException {
    String meeting = meeting();
    String key = PREFIX + meeting + "/0/a.wav";
    server.client().createMultipartUpload(b -> b.bucket(server.bucket()).key(key));
    assertThat(server.unfinishedUploads()).contains(key);

    storage.deleteAll(meeting);

    assertThat(server.unfinishedUploads()).doesNotContain(key);
  }

  @Test
  void aServerThatCannotBeReachedIsAnIoErrorThatNamesTheKey() {
    // A port nothing listens on: the storage's failures are I/O errors, as the local disk's are.
    try (S3MediaStorage nowhere =
        StorageConfiguration.s3(
            settings(URI.create("http://127.0.0.1:9"), ""), Path.of("target", "s3-spool"))) {
      assertThatThrownBy(() -> nowhere.size("m-1/0/a.wav"))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("m-1/0/a.wav");
    }
  }

  @Test
  void settingsWithoutABucketAreRefusedAtStart() {
    StorageProperties.S3 none =
        new StorageProperties.S3(
            null, null, null, false, "", null, null, DataSize.ofMegabytes(8), null);

    assertThatThrownBy(() -> StorageConfiguration.s3(none, Path.of("data")))
        .hasMessageContaining("verbatim.storage.s3.bucket");
  }
}
