package dev.verbatim.server.webhook;

import dev.verbatim.server.TestData;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The webhook tests on the embedded default: H2 in file mode. */
class H2WebhookTests extends WebhookContract {

  static final Path DATA = TestData.directory("verbatim-webhooks-h2");

  @DynamicPropertySource
  static void data(DynamicPropertyRegistry registry) {
    registry.add("verbatim.data", DATA::toString);
  }
}
