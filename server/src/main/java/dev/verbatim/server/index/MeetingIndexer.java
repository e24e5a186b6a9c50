package dev.verbatim.server.index;

import dev.verbatim.search.Audience;
import dev.verbatim.search.IndexedMeeting;
import dev.verbatim.search.MeetingIndex;
import dev.verbatim.server.meeting.MeetingChanged;
import dev.verbatim.server.meeting.MeetingHeader;
import dev.verbatim.server.meeting.MeetingStatus;
import dev.verbatim.server.meeting.MeetingStore;
import jakarta.annotation.PreDestroy;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index, which is derived data, in step with the database: a processed, edited or
 * re-shared meeting is indexed again at once, a deleted one leaves it. An index that is missing or
 * was written by another schema is rebuilt from the database at start.
 */
@Component
public class MeetingIndexer {

  private static final Logger log = LoggerFactory.getLogger(MeetingIndexer.class);

  private final MeetingIndex index;
  private final MeetingStore meetings;
  private volatile boolean stopping;

  MeetingIndexer(MeetingIndex index, MeetingStore meetings) {
    this.index = index;
    this.meetings = meetings;
  }

  @EventListener
  void on(MeetingChanged changed) {
    String id = changed.meetingId();
    try {
      if (changed.change() == MeetingChanged.Change.DELETED) {
        index.delete(id);
        return;
      }
      indexed(id).ifPresent(m -> index.index(m.id(), m.meeting(), m.audience()));
    } catch (RuntimeException e) {
      // The meeting is safe in the database; only search lags until the next rebuild.
      log.error("Could not update the search index for meeting {}", id, e);
    }
  }

  /** The meeting as the index holds it, if it is processed: unfinished ones are not searched. */
  private Optional<IndexedMeeting> indexed(String id) {
    if (meetings.findHeader(id).map(MeetingHeader::status).orElse(null) != MeetingStatus.DONE) {
      return Optional.empty();
    }
    MeetingStore.Visibility visibility = meetings.visibility(id);
    Audience audience =
        new Audience(visibility.ownerId(), visibility.orgVisible(), visibility.sharedWith());
    return Optional.of(new IndexedMeeting(id, meetings.load(id), audience));
  }

  @EventListener(ApplicationReadyEvent.class)
  void rebuildIfNeeded() {
    if (!rebuildNeeded()) {
      return;
    }
    Thread rebuild = new Thread(this::rebuildInBackground, "index-rebuild");
    rebuild.setDaemon(true);
    rebuild.start();
  }

  private boolean rebuildNeeded() {
    return !index.isCurrentSchema() || (index.documentCount() == 0 && meetings.countAll() > 0);
  }

  private void rebuildInBackground() {
    try {
      synchronized (this) {
        // A rebuild asked for meanwhile, as by `verbatim reindex`, may have done it already.
        if (!stopping && rebuildNeeded()) {
          rebuild();
        }
      }
    } catch (RuntimeException e) {
      if (stopping) {
        // The index keeps its last complete state and is rebuilt at the next start.
        log.info("Search index rebuild stopped by shutdown; it runs again at the next start");
      } else {
        log.error("Could not rebuild the search index", e);
      }
    }
  }

  @PreDestroy
  void stop() {
    stopping = true;
  }

  /**
   * Indexes every processed meeting afresh, one at a time; searches see the old index until the new
   * one is complete.
   *
   * @return how many meetings were indexed
   */
  public synchronized long rebuild() {
    log.info("Rebuilding the search index from the database");
    Stream<IndexedMeeting> all = meetings.ids().stream().flatMap(id -> indexed(id).stream());
    long count = index.rebuild(all::iterator);
    log.info("Search index rebuilt: {} meetings", count);
    return count;
  }
}
