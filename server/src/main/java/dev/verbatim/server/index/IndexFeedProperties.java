package dev.verbatim.server.index;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this process keeps its search index in step with the database ({@code
 * verbatim.search.feed.*}). Every process records changes in the feed; these settings are about
 * following it.
 *
 * @param enabled false for a process that keeps no search index worth following, such as a worker:
 *     it then neither follows the feed nor indexes its own changes
 * @param pollInterval how often the feed is read for changes made by other processes
 * @param gapTimeout how long an id missing from the feed is awaited (a transaction that took it and
 *     has not committed yet) before it is taken for one that never comes
 * @param keep how long events stay in the feed; a process whose index fell further behind rebuilds
 *     it from the database
 * @param batchSize the most events read at once
 */
@ConfigurationProperties("verbatim.search.feed")
public record IndexFeedProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("10s") Duration gapTimeout,
    @DefaultValue("1d") Duration keep,
    @DefaultValue("500") int batchSize) {

  public IndexFeedProperties {
    for (Duration d : new Duration[] {pollInterval, gapTimeout, keep}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("verbatim.search.feed durations must be positive");
      }
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("verbatim.search.feed.batch-size must be 1 or more");
    }
  }
}
