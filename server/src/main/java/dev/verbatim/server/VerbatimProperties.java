package dev.verbatim.server;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The web service's own settings; each feature module has its own record besides.
 *
 * @param data where the embedded database, media files and search index live by default
 * @param upload limits on what may be uploaded
 * @param jobs how processing jobs run
 */
@ConfigurationProperties("verbatim")
public record VerbatimProperties(
    @DefaultValue("data") Path data, @DefaultValue Upload upload, @DefaultValue Jobs jobs) {

  /**
   * @param maxSize the largest recording (each file) accepted, by multipart or resumable upload
   */
  public record Upload(@DefaultValue("4GB") DataSize maxSize) {}

  /**
   * @param enabled whether this process runs jobs (off for one-shot commands)
   * @param concurrency jobs run at once; each uses every recognition thread, so 1 suits 2 cores
   * @param maxAttempts attempts for a job that fails for a reason that may pass (I/O, database)
   * @param retryDelay the wait before the second attempt; it doubles for each one after
   * @param lease how long a running job stays claimed without its worker's heartbeat
   * @param poll how often an idle worker looks for queued jobs
   */
  public record Jobs(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("1") int concurrency,
      @DefaultValue("3") int maxAttempts,
      @DefaultValue("30s") Duration retryDelay,
      @DefaultValue("60s") Duration lease,
      @DefaultValue("1s") Duration poll) {

    public Jobs {
      if (concurrency < 1) {
        throw new IllegalArgumentException("verbatim.jobs.concurrency must be 1 or more");
      }
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("verbatim.jobs.max-attempts must be 1 or more");
      }
    }
  }
}
