package dev.verbatim.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A data directory of its own for each application context a test starts. */
public final class TestData {

  private TestData() {}

  /**
   * Arguments for an application context that only runs the pipeline: no database on disk, no job
   * workers, no index files.
   */
  public static String[] pipelineOnly() {
    return new String[] {
      "--spring.main.log-startup-info=false",
      "--spring.datasource.url=jdbc:h2:mem:" + java.util.UUID.randomUUID(),
      "--verbatim.jobs.enabled=false",
      "--verbatim.search.in-memory=true"
    };
  }

  public static Path directory(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
