package dev.verbatim.server.index;

import dev.verbatim.search.MeetingIndex;
import dev.verbatim.server.meeting.MeetingChanged;
import dev.verbatim.server.meeting.MeetingHeader;
import dev.verbatim.server.meeting.MeetingStatus;
import dev.verbatim.server.meeting.MeetingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index, which is derived data, in step with the database: a processed or edited
 * meeting is indexed again at once, a deleted one leaves it. An index that is missing or was
 * written by another schema is rebuilt from the database at start.
 */
@Component
class MeetingIndexer {

  private static final Logger log = LoggerFactory.getLogger(MeetingIndexer.class);

  private final MeetingIndex index;
  private final MeetingStore meetings;

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
      if (meetings.findHeader(id).map(MeetingHeader::status).orElse(null) == MeetingStatus.DONE) {
        index.index(id, meetings.load(id));
      }
    } catch (RuntimeException e) {
      // The meeting is safe in the database; only search lags until the next rebuild.
      log.error("Could not update the search index for meeting {}", id, e);
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  void rebuildIfNeeded() {
    long meetingsStored = meetings.countAll();
    if (index.isCurrentSchema() && (index.documentCount() > 0 || meetingsStored == 0)) {
      return;
    }
    Thread rebuild = new Thread(this::rebuild, "index-rebuild");
    rebuild.setDaemon(true);
    rebuild.start();
  }

  /** Indexes every processed meeting afresh. */
  void rebuild() {
    log.info("Rebuilding the search index from the database");
    index.deleteAll();
    int done = 0;
    for (String id : meetings.ids()) {
      on(new MeetingChanged(id, MeetingChanged.Change.PROCESSED));
      done++;
    }
    log.info("Search index rebuilt: {} meetings", done);
  }
}
