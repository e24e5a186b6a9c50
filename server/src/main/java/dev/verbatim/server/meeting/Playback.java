package dev.verbatim.server.meeting;

import dev.verbatim.server.storage.MediaStorage;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A stored recording as the player asks for it: whole, or the byte range it seeks to (206 with
 * Content-Range; 416 for a range outside the recording or one that cannot be read). Only the bytes
 * asked for are read from storage, which for object storage is a ranged GET.
 */
final class Playback {

  private Playback() {}

  /**
   * @param range the request's Range header
   * @param head whether only the headers are wanted (a HEAD request): storage is not read
   */
  static ResponseEntity<Resource> of(
      MediaStorage storage, String key, MediaType type, @Nullable String range, boolean head)
      throws IOException {
    long size = storage.size(key);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    headers.setCacheControl("private, max-age=3600");
    headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
    if (range == null || range.isBlank()) {
      headers.setContentLength(size);
      return new ResponseEntity<>(
          head ? null : body(storage, key, 0, size), headers, HttpStatus.OK);
    }
    long start;
    long end;
    try {
      List<HttpRange> ranges = HttpRange.parseRanges(range);
      start = Long.MAX_VALUE;
      end = -1;
      // Several ranges at once (rare for players) are answered with one that spans them all.
      for (HttpRange r : ranges) {
        long first = r.getRangeStart(size);
        long last = Math.min(r.getRangeEnd(size), size - 1);
        if (first >= size || first > last) {
          throw new IllegalArgumentException("Range " + r + " is outside " + size + " bytes");
        }
        start = Math.min(start, first);
        end = Math.max(end, last);
      }
      if (end < 0) {
        throw new IllegalArgumentException("No range in " + range);
      }
    } catch (IllegalArgumentException unsatisfiable) {
      headers.set(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
      headers.setContentLength(0);
      return new ResponseEntity<>(null, headers, HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE);
    }
    long length = end - start + 1;
    headers.set(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + size);
    headers.setContentLength(length);
    return new ResponseEntity<>(
        head ? null : body(storage, key, start, length), headers, HttpStatus.PARTIAL_CONTENT);
  }

  /** Opened only when the response is written, so nothing is read for a request that fails. */
  private static Resource body(MediaStorage storage, String key, long offset, long length) {
    return new InputStreamResource(() -> storage.read(key, offset, length), key);
  }
}
