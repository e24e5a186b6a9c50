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
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every media storage does, whatever keeps the bytes. Each subclass runs it against a real
 * backend: the local disk, or an S3-compatible server.
 */
abstract class MediaStorageContract {

  /** More than two parts of a multipart upload, and not a whole number of them. */
  static final long LARGE = 2L * StorageProperties.S3.MIN_PART_SIZE + 123_457;

  private static final AtomicInteger MEETINGS = new AtomicInteger();

  @TempDir Path temp;

  /** The storage under test, empty of the keys these tests use. */
  abstract MediaStorage storage();

  /** Asserts that no object, part or partial file under {@code meeting} is left. */
  abstract void assertNothingUnder(String meeting) throws IOException;

  /** A meeting id of this test's own, so the tests share a bucket without meeting each other. */
  static String meeting() {
    return "m-contract" + MEETINGS.incrementAndGet();
  }

  @Test
  void aRecordingLargerThanSeveralPartsStreamsInWithItsSizeAndHash() throws IOException {
    String key = meeting() + "/0/long.wav";

    MediaStorage.StoredObject stored = storage().store(key, generated(LARGE));

    assertThat(stored.key()).isEqualTo(key);
    assertThat(stored.size()).isEqualTo(LARGE);
    assertThat(stored.sha256()).isEqualTo(sha256(generated(LARGE)));
    assertThat(storage().size(key)).isEqualTo(LARGE);
    try (InputStream whole = storage().read(key, 0, LARGE)) {
      assertThat(sha256(whole)).isEqualTo(stored.sha256());
    }
  }

  @Test
  void aSmallRecordingKeepsItsBytesSizeAndHash() throws IOException {
    String key = meeting() + "/0/a.wav";

    MediaStorage.StoredObject stored =
        storage().store(key, new ByteArrayInputStream("abc".getBytes(StandardCharsets.UTF_8)));

    assertThat(stored.size()).isEqualTo(3);
    assertThat(stored.sha256())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    try (MediaStorage.LocalFile local = storage().localFile(key)) {
      assertThat(Files.readString(local.path())).isEqualTo("abc");
    }
  }

  @Test
  void rangesReadExactlyTheBytesAskedForAcrossParts() throws IOException {
    String key = meeting() + "/0/long.wav";
    storage().store(key, generated(LARGE));
    byte[] all = generated(LARGE).readAllBytes();
    long boundary = StorageProperties.S3.MIN_PART_SIZE;

    long[][] ranges = {{0, 100}, {boundary - 50, 100}, {LARGE - 10, 10}, {1234, 0}, {0, LARGE}};
    for (long[] range : ranges) {
      try (InputStream in = storage().read(key, range[0], range[1])) {
        assertThat(in.readAllBytes())
            .as("%d+%d", range[0], range[1])
            .isEqualTo(slice(all, range[0], range[1]));
      }
    }
  }

  @Test
  void aRangeClosedBeforeItsEndLetsTheNextReadGoOn() throws IOException {
    String key = meeting() + "/0/long.wav";
    storage().store(key, generated(LARGE));
    byte[] all = generated(LARGE).readAllBytes();

    // A player that seeks away reads a little of a long range and drops it.
    for (int i = 0; i < 5; i++) {
      try (InputStream in = storage().read(key, 1000L * i, LARGE - 1000L * i)) {
        assertThat(in.readNBytes(10)).isEqualTo(slice(all, 1000L * i, 10));
      }
    }
    try (InputStream in = storage().read(key, 7, 3)) {
      assertThat(in.readAllBytes()).isEqualTo(slice(all, 7, 3));
    }
  }

  @Test
  void theDecoderGetsALocalFileWithTheBytesAndTheRecordingsName() throws IOException {
    String key = meeting() + "/0/long.wav";
    storage().store(key, generated(LARGE));

    Path path;
    boolean copy;
    try (MediaStorage.LocalFile local = storage().localFile(key)) {
      path = local.path();
      copy = local.copyDirectory() != null;
      assertThat(path.getFileName()).hasToString("long.wav");
      assertThat(Files.size(path)).isEqualTo(LARGE);
      try (InputStream in = Files.newInputStream(path)) {
        assertThat(sha256(in)).isEqualTo(sha256(generated(LARGE)));
      }
    }

    // A copy goes when closed; the stored file itself stays.
    assertThat(Files.exists(path)).isEqualTo(!copy);
    assertThat(storage().size(key)).isEqualTo(LARGE);
  }

  @Test
  void adoptingAFileStoresItAndTakesItAway() throws IOException {
    String key = meeting() + "/playback/mix.m4a";
    Path file = temp.resolve("mix.m4a");
    Files.write(file, slice(generated(LARGE).readAllBytes(), 0, 5000));

    MediaStorage.StoredObject stored = storage().adopt(key, file);

    assertThat(stored.size()).isEqualTo(5000);
    assertThat(file).doesNotExist();
    try (InputStream in = storage().read(key, 0, 5000)) {
      assertThat(sha256(in)).isEqualTo(stored.sha256());
    }
  }

  @Test
  void deletingAMeetingRemovesAllItsMediaAndNoOtherMeetings() throws IOException {
    String meeting = meeting();
    String neighbour = meeting + "0"; // its id starts with the other's
    storage().store(meeting + "/0/a.wav", generated(100));
    storage().store(meeting + "/1/b.wav", generated(LARGE));
    storage().store(meeting + "/playback/mix.m4a", generated(10));
    storage().store(neighbour + "/0/c.wav", generated(10));

    storage().deleteAll(meeting);
    storage().deleteAll("m-never-stored");

    for (String key : new String[] {"/0/a.wav", "/1/b.wav", "/playback/mix.m4a"}) {
      assertThatThrownBy(() -> storage().size(meeting + key))
          .isInstanceOf(NoSuchFileException.class);
    }
    assertNothingUnder(meeting);
    assertThat(storage().size(neighbour + "/0/c.wav")).isEqualTo(10);
  }

  @Test
  void whatWasNeverStoredIsNoSuchFile() {
    String key = meeting() + "/0/missing.wav";

    assertThatThrownBy(() -> storage().size(key)).isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> storage().read(key, 0, 10).close())
        .isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> storage().localFile(key).close())
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void anUploadThatFailsHalfwayLeavesNothingBehind() throws IOException {
    String meeting = meeting();
    // The connection drops after more than a part has arrived.
    InputStream broken = new Failing(generated(LARGE), StorageProperties.S3.MIN_PART_SIZE + 1000);

    assertThatThrownBy(() -> storage().store(meeting + "/0/a.wav", broken))
        .hasMessageContaining("connection reset");

    assertNothingUnder(meeting);
  }

  @Test
  void keysThatCouldLeaveTheStorageAreRefused() {
    for (String key : new String[] {"../etc/passwd", "/etc/passwd", "m-1/../../x", "a b", ""}) {
      assertThatThrownBy(() -> storage().size(key))
          .as(key)
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> storage().store(key, InputStream.nullInputStream()))
          .as(key)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** The same {@code size} pseudo-random bytes each time, made as they are read. */
  static InputStream generated(long size) {
    return new InputStream() {
      long position;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (position >= size) {
          return -1;
        }
        int n = (int) Math.min(len, size - position);
        for (int i = 0; i < n; i++) {
          // Each byte from its position alone, however the reader splits its reads.
          b[off + i] = (byte) (((position + i) * 0x9E3779B97F4A7C15L) >>> 56);
        }
        position += n;
        return n;
      }
    };
  }

  static String sha256(InputStream in) throws IOException {
    MessageDigest sha = ContentHash.sha256();
    try (InputStream digesting = new DigestInputStream(in, sha)) {
      digesting.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static byte[] slice(byte[] all, long offset, long length) {
    return java.util.Arrays.copyOfRange(all, (int) offset, (int) (offset + length));
  }

  /** A stream that breaks, as a dropped connection does, after {@code after} bytes. */
  private static final class Failing extends java.io.FilterInputStream {
    private long left;

    Failing(InputStream in, long after) {
      super(in);
      this.left = after;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        throw new IOException("connection reset");
      }
      int n = super.read(b, off, (int) Math.min(len, left));
      left -= Math.max(n, 0);
      return n;
    }
  }
}
