package dev.verbatim.server.meeting;

import dev.verbatim.server.storage.MediaStorage;
import java.io.IOException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The one way a meeting or its recordings go away: whether a person deletes it or retention does,
 * the same rows, files and index entries go.
 */
@Service
public class MeetingRemoval {

  private static final Logger log = LoggerFactory.getLogger(MeetingRemoval.class);

  private final MeetingStore meetings;
  private final MediaStorage storage;
  private final Processing processing;
  private final ApplicationEventPublisher publisher;
  private final TransactionOperations transactions;

  MeetingRemoval(
      MeetingStore meetings,
      MediaStorage storage,
      Processing processing,
      ApplicationEventPublisher publisher,
      TransactionOperations transactions) {
    this.transactions = transactions;
    this.meetings = meetings;
    this.storage = storage;
    this.processing = processing;
    this.publisher = publisher;
  }

  /** Deletes the meeting: its job, rows, media and (through the event) index entries. */
  public void delete(String id) {
    processing.cancel(id);
    // The event in the same transaction: the index feed records it on commit, with the deletion.
    transactions.executeWithoutResult(
        status -> {
          meetings.delete(id);
          publisher.publishEvent(new MeetingChanged(id, MeetingChanged.Change.DELETED));
        });
    try {
      storage.deleteAll(id);
    } catch (IOException e) {
      // The rows are gone, so nothing refers to these files any more; say so and carry on.
      log.error("Meeting {} deleted, but its media could not be removed", id, e);
    }
  }

  /**
   * Removes the meeting's recordings (uploads and the mix) and marks it so, keeping its transcript,
   * minutes and index entries. Returns false, removing nothing, if a job has it or they were
   * removed already.
   *
   * <p>The mark comes first, in one conditional update: from then on no job can start on it (a
   * reprocess is refused) and the player is not offered, so the files can go without anything
   * reading them.
   *
   * @throws IOException if the files could not all be removed (the meeting stays marked; the error
   *     names it, for someone to remove what is left by hand)
   */
  public boolean removeMedia(String id, Instant when) throws IOException {
    if (!meetings.markMediaDeleted(id, when)) {
      return false;
    }
    storage.deleteAll(id);
    return true;
  }
}
