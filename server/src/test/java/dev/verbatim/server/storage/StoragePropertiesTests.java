package dev.verbatim.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

/** The storage settings as the README documents them, from properties or environment variables. */
class StoragePropertiesTests {

  @Test
  void withoutSettingsRecordingsStayOnTheLocalDisk() {
    StorageProperties storage = bind(Map.of());

    assertThat(storage.type()).isEqualTo(StorageProperties.Type.LOCAL);
    assertThat(storage.s3().partSize()).isEqualTo(DataSize.ofMegabytes(8));
    assertThat(storage.s3().pathStyle()).isFalse();
    assertThat(storage.s3().keyPrefix()).isEmpty();
  }

  @Test
  void theReadmesMinioEnvironmentVariablesSelectAPathStyleBucket() {
    StorageProperties storage =
        bindEnvironment(
            Map.of(
                "VERBATIM_STORAGE_TYPE", "s3",
                "VERBATIM_STORAGE_S3_ENDPOINT", "http://minio:9000",
                "VERBATIM_STORAGE_S3_BUCKET", "verbatim",
                "VERBATIM_STORAGE_S3_PATHSTYLE", "true",
                "VERBATIM_STORAGE_S3_PREFIX", "team-a"));

    assertThat(storage.type()).isEqualTo(StorageProperties.Type.S3);
    assertThat(storage.s3().endpoint()).isEqualTo(URI.create("http://minio:9000"));
    assertThat(storage.s3().bucket()).isEqualTo("verbatim");
    assertThat(storage.s3().pathStyle()).isTrue();
    assertThat(storage.s3().keyPrefix()).isEqualTo("team-a/");
  }

  @Test
  void partsSmallerThanS3AllowsAndHalfCredentialsAreRefused() {
    assertThatThrownBy(() -> bind(Map.of("verbatim.storage.s3.part-size", "1MB")))
        .hasRootCauseMessage("verbatim.storage.s3.part-size must be from 5MB to 1GB, not 1048576B");
    assertThatThrownBy(() -> bind(Map.of("verbatim.storage.s3.access-key", "only-half")))
        .hasStackTraceContaining("Set both verbatim.storage.s3.access-key and secret-key");
  }

  private static StorageProperties bind(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    return binder(environment);
  }

  private static StorageProperties bindEnvironment(Map<String, Object> variables) {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new SystemEnvironmentPropertySource(
                "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    return binder(environment);
  }

  private static StorageProperties binder(StandardEnvironment environment) {
    ConfigurationPropertySources.attach(environment);
    return Binder.get(environment).bindOrCreate("verbatim.storage", StorageProperties.class);
  }
}
