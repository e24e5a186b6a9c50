package dev.verbatim.search;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Another process has the index directory open: Lucene admits one writer per directory, so every
 * process that keeps an index needs a directory of its own.
 */
public final class IndexInUseException extends UncheckedIOException {

  private static final long serialVersionUID = 1L;

  IndexInUseException(Path directory, LockObtainFailedException cause) {
    super(
        "The search index in "
            + directory
            + " is in use by another process; give each process its own index directory"
            + " (verbatim.search.index-dir, or VERBATIM_SEARCH_INDEX_DIR)",
        cause);
  }
}
