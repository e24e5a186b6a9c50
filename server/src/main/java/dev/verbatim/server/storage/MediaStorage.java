package dev.verbatim.server.storage;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where recordings are kept: on the local disk or in an S3-compatible object store. The database
 * only holds their keys ({@code <meeting>/<ordinal>/<name>}), so either can take the other's place.
 */
public interface MediaStorage {

  /**
   * Streams {@code content} into storage under {@code key}, never holding it in memory, and returns
   * what was stored. A partly written object is removed when the copy fails.
   */
  StoredObject store(String key, InputStream content) throws IOException;

  /**
   * Moves a file that is on local disk (a mix the job made) into storage; the file is gone after.
   */
  StoredObject adopt(String key, Path file) throws IOException;

  /**
   * The object's bytes as a local file, for the decoder, which seeks. Close it when done: a copy
   * made for the caller is deleted then.
   *
   * @throws java.nio.file.NoSuchFileException if nothing is stored under {@code key}
   */
  LocalFile localFile(String key) throws IOException;

  /**
   * @throws java.nio.file.NoSuchFileException if nothing is stored under {@code key}
   */
  long size(String key) throws IOException;

  /**
   * {@code length} bytes of the object from {@code offset}, streamed: what a player's range request
   * asks for. The caller checks the range against {@link #size}.
   *
   * @throws java.nio.file.NoSuchFileException if nothing is stored under {@code key}
   */
  InputStream read(String key, long offset, long length) throws IOException;

  /**
   * Removes {@code prefix} and every object under {@code prefix/}; absent ones are no error. A
   * meeting's id is the prefix of all its media.
   */
  void deleteAll(String prefix) throws IOException;

  /**
   * An object in storage.
   *
   * @param sha256 the content hash, hex, computed while it streamed in
   */
  record StoredObject(String key, long size, String sha256) {}

  /**
   * A stored object's bytes on local disk.
   *
   * @param path the file, named as the stored object is (the decoder's messages name it)
   * @param copyDirectory the directory made for a copy of the object, deleted with the copy on
   *     {@link #close}; null when {@code path} is the stored file itself, which stays
   */
  record LocalFile(Path path, @Nullable Path copyDirectory) implements Closeable {
    @Override
    public void close() throws IOException {
      if (copyDirectory != null) {
        Files.deleteIfExists(path);
        Files.deleteIfExists(copyDirectory);
      }
    }
  }
}
