package dev.verbatim.server.meeting;

import dev.verbatim.core.ActionItemStatus;
import dev.verbatim.server.account.Caller;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Action items across meetings, as task systems read and move them. Every change publishes an
 * {@link ActionItemChanged} inside its transaction.
 */
@Repository
public class ActionItemStore {

  private static final String SELECT =
      """
      SELECT a.*, m.title AS meeting_title, m.meeting_date AS meeting_date
      FROM action_item a JOIN meeting m ON m.id = a.meeting_id
      """;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final ApplicationEventPublisher publisher;

  ActionItemStore(
      JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher publisher) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.publisher = publisher;
  }

  /** The item with the id task systems use ({@link TrackedActionItem#id}). */
  public Optional<TrackedActionItem> find(String id) {
    int dot = id.indexOf(TrackedActionItem.SEPARATOR);
    if (dot <= 0 || dot == id.length() - 1) {
      return Optional.empty();
    }
    return find(id.substring(0, dot), id.substring(dot + 1));
  }

  public Optional<TrackedActionItem> find(String meetingId, String itemId) {
    return jdbc.sql(SELECT + " WHERE a.meeting_id = :m AND a.id = :id")
        .param("m", meetingId)
        .param("id", itemId)
        .query((rs, n) -> tracked(rs))
        .optional();
  }

  /** A meeting's items in the order of the minutes. */
  public List<TrackedActionItem> inMeeting(String meetingId) {
    return jdbc.sql(SELECT + " WHERE a.meeting_id = :m ORDER BY a.ordinal, a.id")
        .param("m", meetingId)
        .query((rs, n) -> tracked(rs))
        .list();
  }

  /**
   * One page of the items the viewer may see that match the filter, in the order they last changed,
   * starting after {@code after}. Asking for one more than a page tells whether there is another.
   */
  public List<TrackedActionItem> list(
      Caller viewer, Filter filter, @Nullable Cursor after, int limit) {
    Query query = where(viewer, filter);
    if (after != null) {
      query.sql.append(
          """
           AND (a.updated_at > :t OR (a.updated_at = :t
                AND (a.meeting_id > :cm OR (a.meeting_id = :cm AND a.id > :ci))))
          """);
      query.params.put("t", MeetingStore.timestamp(after.updatedAt()));
      query.params.put("cm", after.meetingId());
      query.params.put("ci", after.itemId());
    }
    query.sql.append(" ORDER BY a.updated_at, a.meeting_id, a.id LIMIT :limit");
    return run(query, limit);
  }

  /**
   * The first {@code limit} items the viewer may see that match the filter, soonest due first, then
   * those without a due date from the newest meetings: the order of a to-do list.
   */
  public List<TrackedActionItem> byDue(Caller viewer, Filter filter, int limit) {
    Query query = where(viewer, filter);
    query.sql.append(
        " ORDER BY CASE WHEN a.due IS NULL THEN 1 ELSE 0 END, a.due, m.meeting_date DESC,"
            + " a.meeting_id, a.ordinal LIMIT :limit");
    return run(query, limit);
  }

  /** A query being built: its text and its named parameters. */
  private static final class Query {
    final StringBuilder sql = new StringBuilder(SELECT);
    final Map<String, Object> params = new HashMap<>();
  }

  private List<TrackedActionItem> run(Query query, int limit) {
    return jdbc.sql(query.sql.toString())
        .params(query.params)
        .param("limit", limit)
        .query((rs, n) -> tracked(rs))
        .list();
  }

  private Query where(Caller viewer, Filter filter) {
    Query query = new Query();
    query.sql.append(" WHERE ").append(MeetingStore.VISIBLE);
    query.params.put("admin", viewer.admin());
    query.params.put("me", viewer.id());
    if (filter.owner() != null) {
      query.sql.append(" AND LOWER(a.owner) = :owner");
      query.params.put("owner", filter.owner().toLowerCase(Locale.ROOT));
    }
    if (!filter.statuses().isEmpty()) {
      query.sql.append(" AND a.status IN (:statuses)");
      query.params.put(
          "statuses", filter.statuses().stream().map(ActionItemStore::status).toList());
    }
    if (filter.dueBefore() != null) {
      query.sql.append(" AND a.due < :dueBefore");
      query.params.put("dueBefore", filter.dueBefore());
    }
    if (filter.dueAfter() != null) {
      query.sql.append(" AND a.due > :dueAfter");
      query.params.put("dueAfter", filter.dueAfter());
    }
    if (filter.meetingId() != null) {
      query.sql.append(" AND a.meeting_id = :meeting");
      query.params.put("meeting", filter.meetingId());
    }
    if (filter.updatedSince() != null) {
      query.sql.append(" AND a.updated_at >= :since");
      query.params.put("since", MeetingStore.timestamp(filter.updatedSince()));
    }
    return query;
  }

  /**
   * Stores the task system's view of an item, if nobody changed it since {@code expectedVersion}.
   * Only status, owner, due date and the external task change; text and quote stay as the minutes
   * have them.
   */
  public Update update(TrackedActionItem changed, int expectedVersion) {
    Update result =
        transactions.execute(
            status -> {
              int rows =
                  jdbc.sql(
                          """
                          UPDATE action_item SET owner = :owner, due = :due, status = :status,
                                 external_id = :externalId, external_url = :externalUrl,
                                 version = version + 1, updated_at = :now
                          WHERE meeting_id = :m AND id = :id AND version = :version
                          """)
                      .param("owner", changed.owner())
                      .param("due", changed.due())
                      .param("status", status(changed.status()))
                      .param("externalId", changed.externalId())
                      .param("externalUrl", changed.externalUrl())
                      .param("now", MeetingStore.timestamp(Instant.now()))
                      .param("m", changed.meetingId())
                      .param("id", changed.itemId())
                      .param("version", expectedVersion)
                      .update();
              if (rows == 0) {
                return find(changed.meetingId(), changed.itemId())
                    .<Update>map(Update.Conflict::new)
                    .orElse(new Update.Gone());
              }
              touch(changed.meetingId());
              TrackedActionItem stored = published(ActionItemChanged.Kind.UPDATED, changed);
              return new Update.Done(stored);
            });
    return result == null ? new Update.Gone() : result;
  }

  /** The result of {@link #update}. */
  public sealed interface Update {
    record Done(TrackedActionItem item) implements Update {}

    /** Someone changed it first; this is how it is now. */
    record Conflict(TrackedActionItem current) implements Update {}

    record Gone() implements Update {}
  }

  /** Reads the item back and tells listeners; call inside the transaction that changed it. */
  TrackedActionItem published(ActionItemChanged.Kind kind, TrackedActionItem item) {
    TrackedActionItem current = find(item.meetingId(), item.itemId()).orElseThrow();
    publisher.publishEvent(new ActionItemChanged(kind, current));
    return current;
  }

  void published(ActionItemChanged.Kind kind, String meetingId, String itemId) {
    find(meetingId, itemId)
        .ifPresent(item -> publisher.publishEvent(new ActionItemChanged(kind, item)));
  }

  /** Tells listeners an item is gone; call with the item as it was, in the deleting transaction. */
  void deleted(TrackedActionItem item) {
    publisher.publishEvent(new ActionItemChanged(ActionItemChanged.Kind.DELETED, item));
  }

  private void touch(String meetingId) {
    jdbc.sql("UPDATE meeting SET updated_at = :now WHERE id = :id")
        .param("now", MeetingStore.timestamp(Instant.now()))
        .param("id", meetingId)
        .update();
  }

  /**
   * Which items to list. Null fields do not filter.
   *
   * @param owner compared without regard to case
   * @param dueBefore items due before this day (items without a due date never match)
   * @param updatedSince items changed at or after this instant
   */
  public record Filter(
      @Nullable String owner,
      Set<ActionItemStatus> statuses,
      @Nullable LocalDate dueBefore,
      @Nullable LocalDate dueAfter,
      @Nullable String meetingId,
      @Nullable Instant updatedSince) {

    public Filter {
      statuses = Set.copyOf(statuses);
    }
  }

  /**
   * Where a page ended: the last item's change time and ids. Opaque to clients, who send back the
   * {@link #encode encoded} form.
   */
  public record Cursor(Instant updatedAt, String meetingId, String itemId) {

    public static Cursor after(TrackedActionItem item) {
      return new Cursor(item.updatedAt(), item.meetingId(), item.itemId());
    }

    public String encode() {
      long micros = ChronoUnit.MICROS.between(Instant.EPOCH, updatedAt);
      String plain = micros + "\n" + meetingId + "\n" + itemId;
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @throws IllegalArgumentException if the text is not a cursor this API handed out
     */
    public static Cursor decode(String text) {
      try {
        String[] parts =
            new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\n");
        if (parts.length != 3) {
          throw new IllegalArgumentException("wrong number of parts");
        }
        return new Cursor(
            Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS), parts[1], parts[2]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "\"cursor\" is not one this API handed out; start again without it.", e);
      }
    }
  }

  static String status(ActionItemStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  static TrackedActionItem tracked(ResultSet rs) throws SQLException {
    String meetingId = rs.getString("meeting_id");
    String itemId = rs.getString("id");
    return new TrackedActionItem(
        TrackedActionItem.id(meetingId, itemId),
        meetingId,
        itemId,
        rs.getString("meeting_title"),
        rs.getObject("meeting_date", LocalDate.class),
        rs.getString("text"),
        rs.getString("owner"),
        rs.getObject("due", LocalDate.class),
        ActionItemStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
        rs.getLong("start_ms"),
        rs.getString("quote"),
        rs.getBoolean("confirmed"),
        rs.getString("external_id"),
        rs.getString("external_url"),
        rs.getInt("version"),
        MeetingStore.instant(rs, "updated_at"));
  }
}
