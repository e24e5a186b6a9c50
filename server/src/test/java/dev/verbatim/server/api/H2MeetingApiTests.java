package dev.verbatim.server.api;

import dev.verbatim.server.TestData;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The meetings API on the embedded default: H2 in file mode. */
class H2MeetingApiTests extends MeetingApiContract {

  static final Path DATA = TestData.directory("verbatim-h2");

  @DynamicPropertySource
  static void data(DynamicPropertyRegistry registry) {
    registry.add("verbatim.data", DATA::toString);
  }

  @Override
  Path dataDirectory() {
    return DATA;
  }
}
