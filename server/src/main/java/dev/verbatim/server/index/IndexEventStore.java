package dev.verbatim.server.index;

import dev.verbatim.server.meeting.MeetingChanged;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code index_event} table. A write joins the caller's transaction when there is one, so an
 * event commits or rolls back with its change.
 */
@Repository
class IndexEventStore {

  private static final String EVENT = "SELECT id, meeting_id, kind FROM index_event";

  private final JdbcClient jdbc;

  IndexEventStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Appends an event and returns its id. */
  long append(String meetingId, MeetingChanged.Change change, Instant at) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO index_event (meeting_id, kind, created_at) VALUES (:m, :k, :at)")
        .param("m", meetingId)
        .param("k", change.name().toLowerCase(Locale.ROOT))
        .param("at", at.atOffset(ZoneOffset.UTC))
        .update(key, "id");
    Number id = key.getKey();
    if (id == null) {
      throw new IllegalStateException(
          "The database gave no id for the index event of " + meetingId);
    }
    return id.longValue();
  }

  /** The first {@code limit} events after {@code id}, in id order. */
  List<IndexEvent> after(long id, int limit) {
    return jdbc.sql(EVENT + " WHERE id > :id ORDER BY id LIMIT :limit")
        .param("id", id)
        .param("limit", limit)
        .query(IndexEventStore::event)
        .list();
  }

  /** The events with ids from {@code from} (exclusive) to {@code to} (inclusive), in id order. */
  List<IndexEvent> between(long from, long to) {
    return jdbc.sql(EVENT + " WHERE id > :from AND id <= :to ORDER BY id")
        .param("from", from)
        .param("to", to)
        .query(IndexEventStore::event)
        .list();
  }

  /** The lowest and highest id in the table, if it has any event. */
  Optional<FeedCursor.Span> span() {
    return jdbc.sql("SELECT MIN(id) AS oldest, MAX(id) AS newest FROM index_event")
        .query(
            (rs, row) -> {
              long oldest = rs.getLong("oldest");
              return rs.wasNull()
                  ? Optional.<FeedCursor.Span>empty()
                  : Optional.of(new FeedCursor.Span(oldest, rs.getLong("newest")));
            })
        .single();
  }

  /**
   * Deletes the events created before {@code before}, except the newest of all: it keeps the feed's
   * high-water mark, by which a follower tells an empty feed from one it missed.
   *
   * @return how many went
   */
  int prune(Instant before) {
    return jdbc.sql(
            """
            DELETE FROM index_event WHERE created_at < :before
              AND id < (SELECT MAX(id) FROM index_event)
            """)
        .param("before", before.atOffset(ZoneOffset.UTC))
        .update();
  }

  private static IndexEvent event(ResultSet rs, int row) throws SQLException {
    return new IndexEvent(
        rs.getLong("id"),
        rs.getString("meeting_id"),
        MeetingChanged.Change.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)));
  }
}
