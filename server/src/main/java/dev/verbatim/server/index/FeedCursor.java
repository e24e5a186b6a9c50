package dev.verbatim.server.index;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * How far one process has followed the change feed, with the ids it has not seen yet.
 *
 * <p>Ids are given out when an event is inserted but become visible when its transaction commits,
 * so id 5 may show up after 6. Every id above the {@linkplain #position() position} that is missing
 * when a higher one is seen is a gap: an event still being committed, or an id that a rolled-back
 * transaction used up and that never comes. A gap that fills is applied then; one still empty after
 * {@code gapTimeout} is given up. The position is the highest id with no open gap below it:
 * everything up to it is applied or given up, so following can resume from it after a restart. See
 * docs/adr/0013-index-change-feed.md.
 *
 * <p>Not thread-safe: one follower owns it.
 */
final class FeedCursor {

  /**
   * A jump in ids this long is not tracked id by id: no transaction of this service holds that many
   * unfinished events, so it comes from a sequence that skipped ahead (as after a crash of H2).
   */
  static final long LARGEST_TRACKED_GAP = 10_000;

  /** The ids the feed holds now: the oldest left after pruning, and the newest. */
  record Span(long oldest, long newest) {}

  private final Duration gapTimeout;
  private long position;
  private long highest;

  /** Missing ids above the position, with when they were first missed. */
  private final TreeMap<Long, Instant> gaps = new TreeMap<>();

  FeedCursor(long position, Duration gapTimeout) {
    this.position = position;
    this.highest = position;
    this.gapTimeout = gapTimeout;
  }

  /** Every event up to this id is applied or given up. */
  long position() {
    return position;
  }

  /** The highest id seen; events above it are new. */
  long highest() {
    return highest;
  }

  /** Whether some id between the position and the highest seen is still awaited. */
  boolean hasGaps() {
    return !gaps.isEmpty();
  }

  /**
   * Takes events read from the feed (the new ones above {@link #highest()}, and any that filled a
   * gap) and returns those not applied before, in id order. Gaps older than the timeout are given
   * up, and the position moves as far as it can.
   */
  List<IndexEvent> accept(List<IndexEvent> events, Instant now) {
    List<IndexEvent> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparingLong(IndexEvent::id));
    List<IndexEvent> fresh = new ArrayList<>();
    for (IndexEvent event : sorted) {
      long id = event.id();
      if (id <= position) {
        continue;
      }
      if (id <= highest) {
        if (gaps.remove(id) != null) {
          fresh.add(event);
        }
        continue;
      }
      if (id - highest - 1 <= LARGEST_TRACKED_GAP) {
        for (long missing = highest + 1; missing < id; missing++) {
          gaps.put(missing, now);
        }
      }
      highest = id;
      fresh.add(event);
    }
    gaps.values().removeIf(missed -> !missed.plus(gapTimeout).isAfter(now));
    position = gaps.isEmpty() ? highest : gaps.firstKey() - 1;
    return fresh;
  }

  /**
   * Whether an index at {@code position} must be rebuilt to follow a feed that holds {@code span}:
   * when events after it were pruned unseen, or when it is ahead of the feed (it was built from
   * another database).
   */
  static boolean mustRebuild(long position, Span span) {
    return position < span.oldest() - 1 || position > span.newest();
  }
}
