package dev.verbatim.server.storage;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Keeps recordings in a bucket of an S3-compatible object store: {@code <prefix><key>}.
 *
 * <p>Recordings stream in as multipart uploads, one part in memory at a time; a failed upload is
 * aborted, so no part of it stays. Players' range requests become ranged GETs. The decoder seeks,
 * so a job gets a copy on local disk, streamed there and deleted when the job is done with it.
 */
final class S3MediaStorage implements MediaStorage, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(S3MediaStorage.class);
  private static final String BINARY = "application/octet-stream";
  private static final int MAX_PARTS = 10_000;

  private final S3Client s3;
  private final String bucket;
  private final String prefix;
  private final int partSize;
  private final Path spool;

  /**
   * @param prefix put before every key: empty, or ending with {@code /}
   * @param partSize bytes per part of a multipart upload, 5 MB or more (S3's least but the last)
   * @param spool where local copies for the decoder are made
   */
  S3MediaStorage(S3Client s3, String bucket, String prefix, int partSize, Path spool) {
    if (partSize < StorageProperties.S3.MIN_PART_SIZE) {
      throw new IllegalArgumentException("Parts must be 5 MB or more, not " + partSize);
    }
    if (!prefix.isEmpty() && !prefix.endsWith("/")) {
      throw new IllegalArgumentException("A key prefix ends with /: " + prefix);
    }
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix;
    this.partSize = partSize;
    this.spool = spool;
  }

  @Override
  public StoredObject store(String key, InputStream content) throws IOException {
    String object = object(key);
    MessageDigest sha = ContentHash.sha256();
    InputStream in = new DigestInputStream(content, sha);
    byte[] part = new byte[partSize];
    int first = in.readNBytes(part, 0, partSize);
    if (first < partSize) {
      // All of it fits in one part: one PUT, which stores all or nothing.
      call(key, () -> s3.putObject(b -> b.bucket(bucket).key(object), body(part, first)));
      return new StoredObject(key, first, ContentHash.hex(sha));
    }
    String upload =
        call(key, () -> s3.createMultipartUpload(b -> b.bucket(bucket).key(object)).uploadId());
    try {
      List<CompletedPart> parts = new ArrayList<>();
      long size = 0;
      for (int n = first; n > 0; n = in.readNBytes(part, 0, partSize)) {
        int number = parts.size() + 1;
        if (number > MAX_PARTS) {
          throw new IOException(
              key
                  + " is larger than S3's "
                  + MAX_PARTS
                  + " parts of "
                  + partSize
                  + " bytes: raise verbatim.storage.s3.part-size");
        }
        RequestBody body = body(part, n);
        String etag =
            call(
                    key,
                    () ->
                        s3.uploadPart(
                            b ->
                                b.bucket(bucket)
                                    .key(object)
                                    .uploadId(upload)
                                    .partNumber(number)
                                    .contentLength(body.optionalContentLength().orElseThrow()),
                            body))
                .eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        size += n;
      }
      call(
          key,
          () ->
              s3.completeMultipartUpload(
                  b ->
                      b.bucket(bucket)
                          .key(object)
                          .uploadId(upload)
                          .multipartUpload(m -> m.parts(parts))));
      return new StoredObject(key, size, ContentHash.hex(sha));
    } catch (IOException | RuntimeException e) {
      abort(object, upload, e);
      throw e;
    }
  }

  @Override
  public StoredObject adopt(String key, Path file) throws IOException {
    StoredObject stored;
    try (InputStream in = Files.newInputStream(file)) {
      stored = store(key, in);
    }
    Files.delete(file);
    return stored;
  }

  @Override
  public LocalFile localFile(String key) throws IOException {
    String object = object(key);
    Files.createDirectories(spool);
    // A directory per copy, so the copy has the object's own name for the decoder's messages.
    Path dir = Files.createTempDirectory(spool, "media-");
    Path copy = dir.resolve(key.substring(key.lastIndexOf('/') + 1));
    LocalFile local = new LocalFile(copy, dir);
    try {
      ResponseInputStream<GetObjectResponse> in =
          call(key, () -> s3.getObject(b -> b.bucket(bucket).key(object)));
      try {
        Files.copy(in, copy);
      } catch (IOException | RuntimeException e) {
        // A full disk, say: drop the connection rather than download the rest for nothing.
        in.abort();
        throw e;
      } finally {
        in.close();
      }
      return local;
    } catch (IOException | RuntimeException e) {
      try {
        local.close();
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  @Override
  public long size(String key) throws IOException {
    String object = object(key);
    return call(key, () -> s3.headObject(b -> b.bucket(bucket).key(object)).contentLength());
  }

  @Override
  public InputStream read(String key, long offset, long length) throws IOException {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("No range " + offset + "+" + length);
    }
    String object = object(key);
    if (length == 0) {
      size(key); // still says so when there is no such object
      return InputStream.nullInputStream();
    }
    String range = "bytes=" + offset + "-" + (offset + length - 1);
    ResponseInputStream<GetObjectResponse> in =
        call(key, () -> s3.getObject(b -> b.bucket(bucket).key(object).range(range)));
    return new Ranged(in, length);
  }

  @Override
  public void deleteAll(String prefix) throws IOException {
    String object = object(prefix);
    String under = object + "/";
    // Uploads that never completed (their process died) hold parts that are billed but unlisted.
    for (MultipartUpload upload :
        call(
            prefix,
            () ->
                s3
                    .listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(under))
                    .uploads()
                    .stream()
                    .toList())) {
      call(
          prefix,
          () ->
              s3.abortMultipartUpload(
                  b -> b.bucket(bucket).key(upload.key()).uploadId(upload.uploadId())));
    }
    List<String> keys =
        call(
            prefix,
            () ->
                s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(under)).contents().stream()
                    .map(S3Object::key)
                    .toList());
    // One DELETE each: a meeting has a few objects, and the batch call needs a checksum header
    // that some S3-compatible servers want as Content-MD5 and others as x-amz-checksum.
    for (String key : keys) {
      call(prefix, () -> s3.deleteObject(b -> b.bucket(bucket).key(key)));
    }
    call(prefix, () -> s3.deleteObject(b -> b.bucket(bucket).key(object)));
  }

  @Override
  public void close() {
    s3.close();
  }

  private String object(String key) {
    return prefix + StorageKeys.check(key);
  }

  private void abort(String object, String upload, Exception failure) {
    try {
      s3.abortMultipartUpload(b -> b.bucket(bucket).key(object).uploadId(upload));
    } catch (SdkException e) {
      log.error("Could not abort the failed upload {} of {}", upload, object, e);
      failure.addSuppressed(e);
    }
  }

  /** The first {@code n} bytes of {@code part}, which the SDK can read again for a retry. */
  private static RequestBody body(byte[] part, int n) {
    return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(part, 0, n), n, BINARY);
  }

  private interface S3Call<T> {
    T run();
  }

  /** Runs a call, turning the SDK's unchecked failures into the I/O errors storage throws. */
  private static <T> T call(String key, S3Call<T> call) throws IOException {
    try {
      return call.run();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        NoSuchFileException missing =
            new NoSuchFileException(key, null, "no stored media under " + key);
        missing.initCause(e);
        throw missing;
      }
      throw new IOException("Object storage refused " + key + ": " + e.getMessage(), e);
    } catch (SdkException e) {
      throw new IOException("Object storage failed for " + key + ": " + e.getMessage(), e);
    }
  }

  /**
   * A ranged GET's body. Closed before its end (a player that seeks away), the connection is
   * aborted instead of drained.
   */
  private static final class Ranged extends FilterInputStream {
    private final ResponseInputStream<GetObjectResponse> response;
    private final BoundedInputStream bounded;

    Ranged(ResponseInputStream<GetObjectResponse> response, long length) {
      this(response, new BoundedInputStream(response, length));
    }

    private Ranged(ResponseInputStream<GetObjectResponse> response, BoundedInputStream bounded) {
      super(bounded);
      this.response = response;
      this.bounded = bounded;
    }

    @Override
    public void close() throws IOException {
      if (bounded.left() > 0) {
        response.abort();
      }
      response.close();
    }
  }
}
