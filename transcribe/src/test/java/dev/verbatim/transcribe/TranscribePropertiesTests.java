package dev.verbatim.transcribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class TranscribePropertiesTests {

  private static TranscribeProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("verbatim.transcribe", TranscribeProperties.class);
  }

  @Test
  void defaultsToTheSmallEnglishModelUnderModels() {
    TranscribeProperties properties = bind(Map.of());

    assertThat(properties.modelRoot()).isEqualTo(Path.of("models"));
    assertThat(properties.models())
        .containsExactly(Map.entry("en", Path.of("vosk-model-small-en-us-0.15")));
    assertThat(properties.defaultLanguage()).isEqualTo("en");
    assertThat(properties.workers()).isZero();
    assertThat(properties.maxChunk()).isEqualTo(Duration.ofSeconds(30));
    assertThat(properties.segmentPause()).isEqualTo(Duration.ofMillis(700));
    assertThat(properties.diarize()).isTrue();
    assertThat(properties.modelPath("en")).isEqualTo(Path.of("models/vosk-model-small-en-us-0.15"));
  }

  @Test
  void bindsConfiguredModelsAndResolvesRelativePaths() {
    TranscribeProperties properties =
        bind(
            Map.of(
                "verbatim.transcribe.model-root", "/opt/models",
                "verbatim.transcribe.models.de", "vosk-model-small-de-0.15",
                "verbatim.transcribe.models.en", "/srv/en",
                "verbatim.transcribe.workers", "3",
                "verbatim.transcribe.max-chunk", "20s",
                "verbatim.transcribe.diarize", "false"));

    assertThat(properties.modelPath("de"))
        .isEqualTo(Path.of("/opt/models/vosk-model-small-de-0.15"));
    assertThat(properties.modelPath("en")).isEqualTo(Path.of("/srv/en"));
    assertThat(properties.effectiveWorkers(0)).isEqualTo(3);
    assertThat(properties.effectiveWorkers(2)).isEqualTo(2);
    assertThat(properties.maxChunk()).isEqualTo(Duration.ofSeconds(20));
    assertThat(properties.diarize()).isFalse();
  }

  @Test
  void keepsEnglishWhenAnotherLanguageIsAdded() {
    TranscribeProperties properties =
        bind(Map.of("verbatim.transcribe.models.zh", "/opt/vosk-model-cn-0.22"));

    assertThat(properties.modelPath("zh")).isEqualTo(Path.of("/opt/vosk-model-cn-0.22"));
    assertThat(properties.modelPath("en")).isEqualTo(Path.of("models/vosk-model-small-en-us-0.15"));
  }
}
