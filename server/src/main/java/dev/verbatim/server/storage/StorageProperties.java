package dev.verbatim.server.storage;

import java.net.URI;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where recordings are kept.
 *
 * @param type {@code local}: files under {@code <verbatim.data>/media}; {@code s3}: a bucket of an
 *     S3-compatible object store, which every web and worker process of one installation shares
 * @param s3 the bucket, for {@code type=s3}
 */
@ConfigurationProperties("verbatim.storage")
public record StorageProperties(@DefaultValue("local") Type type, @DefaultValue S3 s3) {

  public enum Type {
    LOCAL,
    S3
  }

  /**
   * An S3-compatible bucket. Credentials, when not set here, come from the AWS SDK's default chain:
   * the environment ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}), the profile file,
   * or the instance's role.
   *
   * @param bucket the bucket, which must exist
   * @param region the bucket's region; unset, the SDK's default chain ({@code AWS_REGION}, the
   *     profile), else {@code us-east-1}, which MinIO and Ceph accept
   * @param endpoint the server's address, for anything but AWS itself (MinIO, Ceph, R2, ...)
   * @param pathStyle addresses objects as {@code <endpoint>/<bucket>/<key>} rather than under a
   *     host name per bucket, as MinIO and Ceph usually need
   * @param prefix put before every key ({@code verbatim/}), to share a bucket
   * @param accessKey with {@code secretKey}, static credentials instead of the default chain
   * @param partSize the size of each part of a multipart upload: the memory an upload in progress
   *     holds. At least 5MB; S3 allows 10,000 parts, so 8MB stores recordings up to 78 GB
   * @param spoolDir where a job copies recordings to decode them (the decoder seeks), deleted
   *     after; unset, {@code <verbatim.data>/s3-spool}
   */
  public record S3(
      @Nullable String bucket,
      @Nullable String region,
      @Nullable URI endpoint,
      @DefaultValue("false") boolean pathStyle,
      @DefaultValue("") String prefix,
      @Nullable String accessKey,
      @Nullable String secretKey,
      @DefaultValue("8MB") DataSize partSize,
      @Nullable Path spoolDir) {

    /** S3's smallest part, but for the last. */
    static final int MIN_PART_SIZE = 5 * 1024 * 1024;

    /** A part is held in one array, so well below 2 GB. */
    static final int MAX_PART_SIZE = 1024 * 1024 * 1024;

    public S3 {
      if (partSize.toBytes() < MIN_PART_SIZE || partSize.toBytes() > MAX_PART_SIZE) {
        throw new IllegalArgumentException(
            "verbatim.storage.s3.part-size must be from 5MB to 1GB, not " + partSize);
      }
      if ((accessKey == null) != (secretKey == null)) {
        throw new IllegalArgumentException(
            "Set both verbatim.storage.s3.access-key and secret-key, or neither (to use the"
                + " AWS default credentials chain)");
      }
    }

    /** The prefix as keys begin with it: empty, or ending with a slash. */
    String keyPrefix() {
      String trimmed = prefix.strip();
      while (trimmed.startsWith("/")) {
        trimmed = trimmed.substring(1);
      }
      return trimmed.isEmpty() || trimmed.endsWith("/") ? trimmed : trimmed + "/";
    }
  }
}
