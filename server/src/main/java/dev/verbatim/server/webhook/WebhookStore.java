package dev.verbatim.server.webhook;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Subscriptions and the outbox of deliveries. Writes join the caller's transaction when there is
 * one: the outbox rows of a change commit or roll back with it.
 */
@Repository
class WebhookStore {

  private static final String SUBSCRIPTION =
      "SELECT id, url, events, active, description, created_at, updated_at"
          + " FROM webhook_subscription";

  private static final String DELIVERY =
      """
      SELECT d.*, e.type AS event_type FROM webhook_delivery d
      JOIN webhook_event e ON e.id = d.event_id
      """;

  private final JdbcClient jdbc;

  WebhookStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Subscription s, String secret) {
    jdbc.sql(
            """
            INSERT INTO webhook_subscription
              (id, url, secret, events, active, description, created_at, updated_at)
            VALUES (:id, :url, :secret, :events, :active, :description, :created, :updated)
            """)
        .param("id", s.id())
        .param("url", s.url().toString())
        .param("secret", secret)
        .param("events", events(s.events()))
        .param("active", s.active())
        .param("description", s.description())
        .param("created", at(s.createdAt()))
        .param("updated", at(s.updatedAt()))
        .update();
  }

  /** Stores the changed subscription, and a new secret if one is given. */
  boolean update(Subscription s, @Nullable String newSecret) {
    return jdbc.sql(
                """
                UPDATE webhook_subscription SET url = :url, events = :events, active = :active,
                       description = :description, updated_at = :updated,
                       secret = COALESCE(:secret, secret)
                WHERE id = :id
                """)
            .param("id", s.id())
            .param("url", s.url().toString())
            .param("events", events(s.events()))
            .param("active", s.active())
            .param("description", s.description())
            .param("updated", at(s.updatedAt()))
            .param("secret", newSecret)
            .update()
        == 1;
  }

  Optional<Subscription> find(String id) {
    return jdbc.sql(SUBSCRIPTION + " WHERE id = :id")
        .param("id", id)
        .query((rs, n) -> subscription(rs))
        .optional();
  }

  /** Every subscription, oldest first. */
  List<Subscription> all() {
    return jdbc.sql(SUBSCRIPTION + " ORDER BY created_at, id")
        .query((rs, n) -> subscription(rs))
        .list();
  }

  /** Deletes it with its deliveries, and the events no other subscription still has to send. */
  boolean delete(String id) {
    boolean deleted =
        jdbc.sql("DELETE FROM webhook_subscription WHERE id = :id").param("id", id).update() == 1;
    deleteOrphanedEvents();
    return deleted;
  }

  /** Writes an event and one pending delivery of it to each subscription, due at once. */
  void enqueue(
      String eventId,
      EventType type,
      String body,
      List<String> subscriptionIds,
      Instant now,
      Instant giveUpAt) {
    jdbc.sql(
            "INSERT INTO webhook_event (id, type, created_at, body) VALUES (:id, :type, :now, :body)")
        .param("id", eventId)
        .param("type", type.value())
        .param("now", at(now))
        .param("body", body)
        .update();
    for (String subscriptionId : subscriptionIds) {
      jdbc.sql(
              """
              INSERT INTO webhook_delivery (subscription_id, event_id, status, next_attempt_at,
                                            give_up_at, created_at)
              VALUES (:s, :e, 'pending', :now, :giveUp, :now)
              """)
          .param("s", subscriptionId)
          .param("e", eventId)
          .param("now", at(now))
          .param("giveUp", at(giveUpAt))
          .update();
    }
  }

  /**
   * Deliveries that may be sent now: each active subscription's oldest pending one, if it is due
   * and nobody holds it. One subscription's deliveries thus go one at a time, in order.
   */
  List<Long> due(Instant now, int limit) {
    return jdbc.sql(
            """
            SELECT d.id FROM webhook_delivery d
            JOIN webhook_subscription s ON s.id = d.subscription_id
            WHERE d.status = 'pending' AND s.active AND d.next_attempt_at <= :now
              AND (d.lease_until IS NULL OR d.lease_until < :now)
              AND NOT EXISTS (SELECT 1 FROM webhook_delivery o
                              WHERE o.subscription_id = d.subscription_id
                                AND o.status = 'pending' AND o.id < d.id)
            ORDER BY d.id LIMIT :limit
            """)
        .param("now", at(now))
        .param("limit", limit)
        .query(Long.class)
        .list();
  }

  /**
   * Takes a delivery to send, if it is still pending and nobody else holds it: compare-and-set on
   * its row, so that of two dispatchers (two processes) only one sends it.
   */
  Optional<Due> claim(long id, Instant now, Instant leaseUntil) {
    int claimed =
        jdbc.sql(
                """
                UPDATE webhook_delivery SET lease_until = :lease, attempts = attempts + 1,
                       last_attempt_at = :now
                WHERE id = :id AND status = 'pending'
                  AND (lease_until IS NULL OR lease_until < :now)
                """)
            .param("lease", at(leaseUntil))
            .param("now", at(now))
            .param("id", id)
            .update();
    if (claimed != 1) {
      return Optional.empty();
    }
    return jdbc.sql(
            """
            SELECT d.id, d.subscription_id, d.event_id, d.attempts, d.failures, d.give_up_at,
                   e.type, e.body, s.url, s.secret
            FROM webhook_delivery d
            JOIN webhook_event e ON e.id = d.event_id
            JOIN webhook_subscription s ON s.id = d.subscription_id
            WHERE d.id = :id
            """)
        .param("id", id)
        .query(
            (rs, n) ->
                new Due(
                    rs.getLong("id"),
                    rs.getString("subscription_id"),
                    URI.create(rs.getString("url")),
                    rs.getString("secret"),
                    rs.getString("event_id"),
                    rs.getString("type"),
                    rs.getString("body"),
                    rs.getInt("attempts"),
                    rs.getInt("failures"),
                    instant(rs, "give_up_at")))
        .optional();
  }

  /** A claimed delivery, with what sending it takes. */
  record Due(
      long id,
      String subscriptionId,
      URI url,
      String secret,
      String eventId,
      String type,
      String body,
      int attempts,
      int failures,
      Instant giveUpAt) {

    @Override
    public String toString() {
      // Never the secret, should a record end up in a log.
      return "Due[" + id + " " + type + " to " + subscriptionId + "]";
    }
  }

  void delivered(long id, Instant now, int status) {
    jdbc.sql(
            """
            UPDATE webhook_delivery SET status = 'delivered', delivered_at = :now,
                   last_status = :status, last_error = NULL, lease_until = NULL,
                   next_attempt_at = NULL, failures = 0
            WHERE id = :id
            """)
        .param("now", at(now))
        .param("status", status)
        .param("id", id)
        .update();
  }

  /** Records a failed attempt: tried again at {@code next}, or given up on if null. */
  void attemptFailed(long id, @Nullable Integer status, String error, @Nullable Instant next) {
    jdbc.sql(
            """
            UPDATE webhook_delivery SET status = :state, failures = failures + 1,
                   last_status = :status, last_error = :error, lease_until = NULL,
                   next_attempt_at = :next
            WHERE id = :id
            """)
        .param("state", next == null ? "failed" : "pending")
        .param("status", status)
        .param("error", clip(error, 500))
        .param("next", next == null ? null : at(next))
        .param("id", id)
        .update();
  }

  /**
   * Queues a delivery again, due at once, with the same event (and so the same idempotency key) and
   * a fresh retry period. Empty if there is no such delivery.
   */
  Optional<Delivery> replay(long id, Instant now, Instant giveUpAt) {
    int queued =
        jdbc.sql(
                """
                UPDATE webhook_delivery SET status = 'pending', next_attempt_at = :now,
                       give_up_at = :giveUp, failures = 0, delivered_at = NULL
                WHERE id = :id
                """)
            .param("now", at(now))
            .param("giveUp", at(giveUpAt))
            .param("id", id)
            .update();
    return queued == 1 ? delivery(id) : Optional.empty();
  }

  Optional<Delivery> delivery(long id) {
    return jdbc.sql(DELIVERY + " WHERE d.id = :id")
        .param("id", id)
        .query((rs, n) -> delivery(rs))
        .optional();
  }

  /** A subscription's deliveries, newest first. */
  List<Delivery> deliveries(String subscriptionId, int limit) {
    return jdbc.sql(DELIVERY + " WHERE d.subscription_id = :s ORDER BY d.id DESC LIMIT :limit")
        .param("s", subscriptionId)
        .param("limit", limit)
        .query((rs, n) -> delivery(rs))
        .list();
  }

  /** Every subscription's deliveries, newest first. */
  List<Delivery> deliveries(int limit) {
    return jdbc.sql(DELIVERY + " ORDER BY d.id DESC LIMIT :limit")
        .param("limit", limit)
        .query((rs, n) -> delivery(rs))
        .list();
  }

  /** Forgets deliveries that ended (delivered or failed) before {@code before}. */
  int prune(Instant before) {
    int pruned =
        jdbc.sql(
                """
                DELETE FROM webhook_delivery
                WHERE (status = 'delivered' AND delivered_at < :before)
                   OR (status = 'failed' AND last_attempt_at < :before)
                """)
            .param("before", at(before))
            .update();
    if (pruned > 0) {
      deleteOrphanedEvents();
    }
    return pruned;
  }

  private void deleteOrphanedEvents() {
    jdbc.sql(
            """
            DELETE FROM webhook_event e
            WHERE NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.event_id = e.id)
            """)
        .update();
  }

  private static Subscription subscription(ResultSet rs) throws SQLException {
    return new Subscription(
        rs.getString("id"),
        URI.create(rs.getString("url")),
        events(rs.getString("events")),
        rs.getBoolean("active"),
        rs.getString("description"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  private static Delivery delivery(ResultSet rs) throws SQLException {
    return new Delivery(
        rs.getLong("id"),
        rs.getString("subscription_id"),
        rs.getString("event_id"),
        rs.getString("event_type"),
        Delivery.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
        rs.getInt("attempts"),
        nullableInstant(rs, "next_attempt_at"),
        nullableInstant(rs, "last_attempt_at"),
        rs.getObject("last_status", Integer.class),
        rs.getString("last_error"),
        nullableInstant(rs, "delivered_at"),
        instant(rs, "created_at"));
  }

  static String events(Set<EventType> events) {
    return events.stream().sorted().map(EventType::value).collect(Collectors.joining(" "));
  }

  static Set<EventType> events(String stored) {
    Set<EventType> events = EnumSet.noneOf(EventType.class);
    Arrays.stream(stored.split(" "))
        .filter(s -> !s.isBlank())
        .map(EventType::of)
        .forEach(events::add);
    return events;
  }

  static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  private static @Nullable Instant nullableInstant(ResultSet rs, String column)
      throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
