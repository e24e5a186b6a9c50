package dev.verbatim.server.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;

/** Keeps recordings as files under one directory: {@code <root>/<key>}. */
public final class LocalMediaStorage implements MediaStorage {

  private final Path root;

  public LocalMediaStorage(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public StoredObject store(String key, InputStream content) throws IOException {
    Path target = resolve(key);
    Files.createDirectories(target.getParent());
    Path temp = Files.createTempFile(target.getParent(), ".upload", ".tmp");
    try {
      MessageDigest sha = ContentHash.sha256();
      long size;
      try (OutputStream out = Files.newOutputStream(temp);
          InputStream in = new DigestInputStream(content, sha)) {
        size = in.transferTo(out);
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      return new StoredObject(key, size, ContentHash.hex(sha));
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public StoredObject adopt(String key, Path file) throws IOException {
    Path target = resolve(key);
    Files.createDirectories(target.getParent());
    MessageDigest sha = ContentHash.sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
    return new StoredObject(key, Files.size(target), ContentHash.hex(sha));
  }

  @Override
  public LocalFile localFile(String key) throws IOException {
    return new LocalFile(existing(key), null);
  }

  @Override
  public long size(String key) throws IOException {
    return Files.size(existing(key));
  }

  @Override
  public InputStream read(String key, long offset, long length) throws IOException {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("No range " + offset + "+" + length);
    }
    InputStream in = Files.newInputStream(existing(key));
    try {
      // A file's stream skips by moving its position; nothing before the range is read.
      in.skipNBytes(offset);
      return new BoundedInputStream(in, length);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  @Override
  public void deleteAll(String prefix) throws IOException {
    Path dir = resolve(prefix);
    if (Files.isRegularFile(dir)) {
      Files.delete(dir);
      return;
    }
    if (!Files.isDirectory(dir)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            try {
              Files.delete(d);
            } catch (DirectoryNotEmptyException racing) {
              // A concurrent upload wrote into it; that upload's own clean-up owns it now.
              throw new IOException(
                  "Media appeared in " + d + " while it was being deleted", racing);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private Path existing(String key) throws NoSuchFileException {
    Path file = resolve(key);
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "no stored media under " + key);
    }
    return file;
  }

  private Path resolve(String key) {
    return root.resolve(StorageKeys.check(key));
  }
}
