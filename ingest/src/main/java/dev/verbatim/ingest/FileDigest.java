package dev.verbatim.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a file, read in fixed-size blocks so a multi-gigabyte upload costs no memory. */
final class FileDigest {

  private static final int BLOCK = 1 << 16;

  private FileDigest() {}

  /** Returns the lower-case hex SHA-256 of {@code file}. */
  static String sha256(Path file) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform is required to provide SHA-256.
      throw new IllegalStateException("This JVM has no SHA-256", e);
    }
    byte[] block = new byte[BLOCK];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(block)) > 0) {
        digest.update(block, 0, n);
      }
    } catch (IOException e) {
      throw Rejections.unreadable(file, e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
