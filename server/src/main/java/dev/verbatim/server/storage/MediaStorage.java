package dev.verbatim.server.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where recordings are kept. The database only holds their keys, so other backends (object storage)
 * can take this one's place.
 */
public interface MediaStorage {

  /**
   * Streams {@code content} into storage under {@code key}, never holding it in memory, and returns
   * what was stored. A partly written object is removed when the copy fails.
   */
  StoredObject store(String key, InputStream content) throws IOException;

  /** Moves a file that is already on local disk (a finished resumable upload) into storage. */
  StoredObject adopt(String key, Path file) throws IOException;

  /** A local file with the object's bytes, for the decoder, which needs random access. */
  Path localFile(String key) throws IOException;

  long size(String key) throws IOException;

  /** Removes every object whose key starts with {@code prefix}; absent ones are no error. */
  void deleteAll(String prefix) throws IOException;

  /**
   * An object in storage.
   *
   * @param sha256 the content hash, hex, computed while it streamed in
   */
  record StoredObject(String key, long size, String sha256) {}
}
