package dev.verbatim.server.storage;

import dev.verbatim.server.VerbatimProperties;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Media live on the local disk under {@code <data>/media}, or in an S3-compatible bucket with
 * {@code verbatim.storage.type=s3}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
class StorageConfiguration {

  private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

  @Bean
  MediaStorage mediaStorage(VerbatimProperties verbatim, StorageProperties storage) {
    return switch (storage.type()) {
      case LOCAL -> new LocalMediaStorage(verbatim.data().resolve("media"));
      case S3 -> s3(storage.s3(), verbatim.data());
    };
  }

  static S3MediaStorage s3(StorageProperties.S3 settings, Path data) {
    String bucket = settings.bucket();
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalStateException(
          "verbatim.storage.type=s3 needs verbatim.storage.s3.bucket (VERBATIM_STORAGE_S3_BUCKET)");
    }
    S3ClientBuilder client =
        S3Client.builder()
            .httpClientBuilder(Apache5HttpClient.builder())
            .region(region(settings.region()))
            .credentialsProvider(credentials(settings))
            .forcePathStyle(settings.pathStyle())
            // Checksums only where S3 requires them: the newer default sends trailing checksums
            // with aws-chunked bodies, which several S3-compatible servers refuse. Each stored
            // recording has its own SHA-256, computed while it streamed in.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    if (settings.endpoint() != null) {
      client.endpointOverride(settings.endpoint());
    }
    Path spool = settings.spoolDir() != null ? settings.spoolDir() : data.resolve("s3-spool");
    log.info(
        "Media in S3 bucket {}{} at {}",
        bucket,
        settings.keyPrefix().isEmpty() ? "" : " under " + settings.keyPrefix(),
        settings.endpoint() != null ? settings.endpoint() : "AWS");
    return new S3MediaStorage(
        client.build(),
        bucket,
        settings.keyPrefix(),
        (int) settings.partSize().toBytes(),
        spool.toAbsolutePath());
  }

  private static Region region(@Nullable String configured) {
    if (configured != null && !configured.isBlank()) {
      return Region.of(configured.strip());
    }
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (SdkClientException none) {
      // MinIO and Ceph take any region; AWS itself names the right one in its error.
      return Region.US_EAST_1;
    }
  }

  private static AwsCredentialsProvider credentials(StorageProperties.S3 settings) {
    if (settings.accessKey() != null && settings.secretKey() != null) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
    }
    return DefaultCredentialsProvider.builder().build();
  }
}
