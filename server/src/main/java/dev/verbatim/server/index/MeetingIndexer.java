package dev.verbatim.server.index;

import dev.verbatim.search.Audience;
import dev.verbatim.search.IndexedMeeting;
import dev.verbatim.search.MeetingIndex;
import dev.verbatim.server.meeting.MeetingChanged;
import dev.verbatim.server.meeting.MeetingHeader;
import dev.verbatim.server.meeting.MeetingNotFoundException;
import dev.verbatim.server.meeting.MeetingStatus;
import dev.verbatim.server.meeting.MeetingStore;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps this process's search index, which is derived data, in step with the database that all
 * processes share.
 *
 * <p>Every change that search sees is recorded in the change feed ({@code index_event}), in the
 * transaction that made it when there is one. A process indexes its own changes at once, so the
 * person who made one finds it in their next search, and follows the feed every {@code
 * verbatim.search.feed.poll-interval} for the changes of other processes: applying an event indexes
 * the meeting as the database holds it then, or removes it when it is gone, so applying one twice
 * or late does no harm. How far the index has followed is kept in the index's own commits. An index
 * that is missing, was written by another schema, or fell behind the pruned feed is rebuilt from
 * the database. See docs/adr/0013-index-change-feed.md.
 */
@Component
public class MeetingIndexer {

  private static final Logger log = LoggerFactory.getLogger(MeetingIndexer.class);

  /** Pruning runs at most this often, whatever {@code keep} is. */
  private static final Duration PRUNE_EVERY = Duration.ofMinutes(10);

  private final MeetingIndex index;
  private final MeetingStore meetings;
  private final IndexEventStore events;
  private final IndexFeedProperties properties;
  private final Clock clock;

  /**
   * Held exclusively by a rebuild and shared by every other write: an index write commits, and
   * would commit a rebuild half-done.
   */
  private final ReentrantReadWriteLock rebuilding = new ReentrantReadWriteLock();

  /** One meeting is read and indexed by one thread at a time, so an older read never wins. */
  private final Object[] meetingLocks = new Object[64];

  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile boolean stopping;

  // Owned by the follower; guarded by this.
  private @Nullable FeedCursor cursor;
  private volatile @Nullable Thread follower;
  private Instant nextPrune = Instant.MIN;
  private boolean failing;

  MeetingIndexer(
      MeetingIndex index,
      MeetingStore meetings,
      IndexEventStore events,
      IndexFeedProperties properties,
      Clock clock) {
    this.index = index;
    this.meetings = meetings;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
    for (int i = 0; i < meetingLocks.length; i++) {
      meetingLocks[i] = new Object();
    }
  }

  /**
   * Records the change in the feed, in the transaction that made it when it was published in one
   * (an insert that fails then fails the commit), or at once when it was published after its
   * commit. In that case a crash between the commit and this insert loses the event; the ADR says
   * what covers it.
   */
  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
  @Order(0)
  void record(MeetingChanged changed) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      events.append(changed.meetingId(), changed.change(), clock.instant());
      return;
    }
    try {
      events.append(changed.meetingId(), changed.change(), clock.instant());
    } catch (RuntimeException e) {
      // The change itself is committed; failing its request now would only hide that.
      log.error(
          "Could not record the {} change of meeting {} in the index feed: other processes'"
              + " search indexes miss it until they are rebuilt",
          changed.change(),
          changed.meetingId(),
          e);
    }
  }

  /** Indexes this process's own change at once, without waiting for the next poll of the feed. */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  @Order(1)
  void applyHere(MeetingChanged changed) {
    if (!properties.enabled()) {
      return;
    }
    // During a rebuild the change waits for the follower, which applies it after the rebuild.
    if (!rebuilding.readLock().tryLock()) {
      return;
    }
    try {
      apply(changed.meetingId());
    } catch (RuntimeException e) {
      // The meeting is safe in the database, and the follower applies the change again.
      log.error("Could not update the search index for meeting {}", changed.meetingId(), e);
    } finally {
      rebuilding.readLock().unlock();
    }
  }

  /** Makes the index hold the meeting as the database does now. */
  private void apply(String id) {
    synchronized (meetingLocks[Math.floorMod(id.hashCode(), meetingLocks.length)]) {
      try {
        Optional<MeetingHeader> header = meetings.findHeader(id);
        if (header.isEmpty()) {
          index.delete(id);
        } else if (header.get().status() == MeetingStatus.DONE) {
          IndexedMeeting meeting = indexed(id);
          index.index(meeting.id(), meeting.meeting(), meeting.audience());
        }
        // Otherwise it is being (re)processed and keeps what was indexed until its job is done.
      } catch (MeetingNotFoundException gone) {
        // Deleted while it was being read.
        index.delete(id);
      }
    }
  }

  /** The meeting as the index holds it. */
  private IndexedMeeting indexed(String id) {
    MeetingStore.Visibility visibility = meetings.visibility(id);
    Audience audience =
        new Audience(visibility.ownerId(), visibility.orgVisible(), visibility.sharedWith());
    return new IndexedMeeting(id, meetings.load(id), audience);
  }

  /** The meeting as the index holds it, if it is processed: unfinished ones are not searched. */
  private Optional<IndexedMeeting> processed(String id) {
    if (meetings.findHeader(id).map(MeetingHeader::status).orElse(null) != MeetingStatus.DONE) {
      return Optional.empty();
    }
    try {
      return Optional.of(indexed(id));
    } catch (MeetingNotFoundException gone) {
      // Deleted meanwhile: not indexed, and its event removes it from a follower's index.
      return Optional.empty();
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  synchronized void startFollowing() {
    if (!properties.enabled() || follower != null) {
      return;
    }
    Thread thread = new Thread(this::follow, "index-feed");
    thread.setDaemon(true);
    follower = thread;
    thread.start();
  }

  /**
   * The follower: catches up with the feed (rebuilding the index first when it must), then again
   * every poll interval until the process stops.
   */
  private void follow() {
    try {
      do {
        try {
          catchUp();
        } catch (RuntimeException e) {
          failed(e);
        }
      } while (!stopped.await(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void failed(RuntimeException e) {
    if (stopping) {
      // The index keeps its last complete state and catches up at the next start.
      log.info("Following the index feed stopped by shutdown; it resumes at the next start");
    } else if (!failing) {
      // Once per outage: a database away for a while would otherwise log every second.
      log.error("Could not follow the index feed; retrying every poll interval", e);
    } else {
      log.debug("Could not follow the index feed", e);
    }
    failing = true;
  }

  /**
   * Applies the events of the feed that this index has not seen, and records how far it got. The
   * first time, rebuilds the index instead when it must.
   */
  synchronized void catchUp() {
    if (stopping) {
      return;
    }
    if (cursor == null) {
      if (rebuildNeeded()) {
        rebuild();
      } else {
        cursor = new FeedCursor(index.feedPosition().orElse(0), properties.gapTimeout());
      }
    }
    FeedCursor following = cursor;
    if (following == null) {
      return;
    }
    List<IndexEvent> read;
    do {
      List<IndexEvent> fresh = events.after(following.highest(), properties.batchSize());
      read = new ArrayList<>(fresh);
      if (following.hasGaps()) {
        read.addAll(events.between(following.position(), following.highest()));
      }
      long before = following.position();
      List<IndexEvent> due = following.accept(read, clock.instant());
      try {
        applyAll(due);
        if (following.position() != before) {
          index.feedPosition(following.position());
        }
      } catch (RuntimeException e) {
        // Start again from what the index has committed; applying twice does no harm.
        cursor = null;
        throw e;
      }
      read = fresh;
    } while (read.size() == properties.batchSize() && !stopping);
    pruneIfDue();
    if (failing) {
      log.info("Following the index feed again");
      failing = false;
    }
  }

  private void applyAll(List<IndexEvent> due) {
    Set<String> changed = new LinkedHashSet<>();
    due.forEach(event -> changed.add(event.meetingId()));
    if (changed.isEmpty()) {
      return;
    }
    rebuilding.readLock().lock();
    try {
      changed.forEach(this::apply);
    } finally {
      rebuilding.readLock().unlock();
    }
    log.debug("Applied index feed changes for {} meetings", changed.size());
  }

  private void pruneIfDue() {
    Instant now = clock.instant();
    if (now.isBefore(nextPrune)) {
      return;
    }
    nextPrune =
        now.plus(PRUNE_EVERY.compareTo(properties.keep()) < 0 ? PRUNE_EVERY : properties.keep());
    int pruned = events.prune(now.minus(properties.keep()));
    if (pruned > 0) {
      log.info("Pruned {} index feed events older than {}", pruned, properties.keep());
    }
  }

  /**
   * Whether the index cannot simply follow the feed: it has another schema, it is empty while the
   * database has meetings, or the feed no longer has the events after its position.
   */
  private boolean rebuildNeeded() {
    if (!index.isCurrentSchema()) {
      return true;
    }
    if (index.documentCount() == 0 && meetings.countAll() > 0) {
      return true;
    }
    OptionalLong position = index.feedPosition();
    return events
        .span()
        .map(span -> FeedCursor.mustRebuild(position.orElse(0), span))
        // An empty feed after this index followed one: the database is another one.
        .orElse(position.orElse(0) > 0);
  }

  @PreDestroy
  void stop() throws InterruptedException {
    stopping = true;
    stopped.countDown();
    Thread thread = follower;
    if (thread != null) {
      // Not interrupted: an interrupt in the middle of a write can break Lucene's files. A rebuild
      // under way is cut short when the index closes, and runs again at the next start.
      thread.join(Duration.ofSeconds(5).toMillis());
    }
  }

  /**
   * Indexes every processed meeting afresh, one at a time; searches see the old index until the new
   * one is complete. Every event in the feed when it starts counts as applied, as the meetings are
   * read after it.
   *
   * @return how many meetings were indexed
   */
  public long rebuild() {
    synchronized (this) {
      rebuilding.writeLock().lock();
      try {
        log.info("Rebuilding the search index from the database");
        FeedCursor seen = seenSoFar();
        Stream<IndexedMeeting> all = meetings.ids().stream().flatMap(id -> processed(id).stream());
        long count = index.rebuild(all::iterator);
        index.feedPosition(seen.position());
        cursor = seen;
        log.info("Search index rebuilt: {} meetings", count);
        return count;
      } finally {
        rebuilding.writeLock().unlock();
      }
    }
  }

  /** A cursor that has seen every event in the feed now. */
  private FeedCursor seenSoFar() {
    long oldest = events.span().map(FeedCursor.Span::oldest).orElse(1L);
    FeedCursor seen = new FeedCursor(oldest - 1, properties.gapTimeout());
    List<IndexEvent> read;
    do {
      read = events.after(seen.highest(), properties.batchSize());
      seen.accept(read, clock.instant());
    } while (read.size() == properties.batchSize());
    return seen;
  }
}
