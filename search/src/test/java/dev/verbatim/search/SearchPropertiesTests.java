package dev.verbatim.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SearchPropertiesTests {

  private static SearchProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("verbatim.search", SearchProperties.class);
  }

  @Test
  void defaultsToDataIndex() {
    assertThat(bind(Map.of()).indexDir()).isEqualTo(Path.of("data/index"));
  }

  @Test
  void bindsAConfiguredDirectory() {
    assertThat(bind(Map.of("verbatim.search.index-dir", "/var/lib/verbatim/index")).indexDir())
        .isEqualTo(Path.of("/var/lib/verbatim/index"));
  }
}
