package dev.verbatim.server.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The meetings API on the embedded default: H2 in file mode. */
class H2MeetingApiTests extends MeetingApiContract {

  static final Path DATA = tempDirectory("verbatim-h2");

  @DynamicPropertySource
  static void data(DynamicPropertyRegistry registry) {
    registry.add("verbatim.data", DATA::toString);
  }

  @Override
  Path dataDirectory() {
    return DATA;
  }

  static Path tempDirectory(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
