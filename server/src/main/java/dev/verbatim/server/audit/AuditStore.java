package dev.verbatim.server.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code audit_event} table. It inserts and reads; there is deliberately no statement here that
 * updates or deletes a record.
 */
@Repository
class AuditStore {

  /** Rows the database hands over at a time while a CSV export streams. */
  private static final int FETCH_SIZE = 500;

  private final JdbcClient jdbc;
  private final JdbcClient streaming;
  private final TransactionTemplate readOnly;

  AuditStore(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    JdbcTemplate template = new JdbcTemplate(dataSource);
    template.setFetchSize(FETCH_SIZE);
    this.streaming = JdbcClient.create(template);
    this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
    this.readOnly.setReadOnly(true);
  }

  void insert(
      Instant time,
      AuditActor actor,
      AuditAction action,
      @Nullable AuditTarget target,
      @Nullable String detail,
      @Nullable String client) {
    jdbc.sql(
            """
            INSERT INTO audit_event (occurred_at, actor_id, actor, token_id, action, target_type,
                                     target_id, detail, client)
            VALUES (:time, :actorId, :actor, :tokenId, :action, :targetType, :targetId, :detail,
                    :client)
            """)
        .param("time", time.atOffset(ZoneOffset.UTC))
        .param("actorId", actor.userId())
        .param("actor", actor.name())
        .param("tokenId", actor.tokenId())
        .param("action", action.value())
        .param("targetType", target == null ? null : target.kind().value())
        .param("targetId", target == null ? null : target.id())
        .param("detail", detail)
        .param("client", client)
        .update();
  }

  /** A page of matching records, newest first. */
  List<AuditEvent> page(AuditQuery query, int offset, int limit) {
    Map<String, Object> params = new HashMap<>();
    String where = where(query, params);
    params.put("limit", limit);
    params.put("offset", offset);
    return jdbc.sql(
            "SELECT * FROM audit_event"
                + where
                + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
        .params(params)
        .query((rs, n) -> event(rs))
        .list();
  }

  long count(AuditQuery query) {
    Map<String, Object> params = new HashMap<>();
    String where = where(query, params);
    return jdbc.sql("SELECT COUNT(*) FROM audit_event" + where)
        .params(params)
        .query(Long.class)
        .single();
  }

  /**
   * Hands every matching record to {@code each}, newest first, without holding them all: the rows
   * arrive in batches of {@link #FETCH_SIZE}. PostgreSQL only uses a cursor (and so honours the
   * fetch size) inside a transaction, hence the read-only one.
   */
  void forEach(AuditQuery query, Consumer<AuditEvent> each) {
    Map<String, Object> params = new HashMap<>();
    String where = where(query, params);
    readOnly.executeWithoutResult(
        status ->
            streaming
                .sql("SELECT * FROM audit_event" + where + " ORDER BY occurred_at DESC, id DESC")
                .params(params)
                .query((RowCallbackHandler) rs -> each.accept(event(rs))));
  }

  /** The filters as SQL: only fixed text here, every value a parameter. */
  private static String where(AuditQuery query, Map<String, Object> params) {
    List<String> conditions = new ArrayList<>();
    if (query.actor() != null) {
      conditions.add("(actor_id = :actor OR actor = :actor)");
      params.put("actor", query.actor());
    }
    if (query.action() != null) {
      conditions.add("action = :action");
      params.put("action", query.action().value());
    }
    if (query.target() != null) {
      conditions.add("target_id = :target");
      params.put("target", query.target());
    }
    if (query.from() != null) {
      conditions.add("occurred_at >= :from");
      params.put("from", query.from().atOffset(ZoneOffset.UTC));
    }
    if (query.until() != null) {
      conditions.add("occurred_at < :until");
      params.put("until", query.until().atOffset(ZoneOffset.UTC));
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  private static AuditEvent event(ResultSet rs) throws SQLException {
    String targetType = rs.getString("target_type");
    String targetId = rs.getString("target_id");
    return new AuditEvent(
        rs.getLong("id"),
        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
        new AuditActor(rs.getString("actor_id"), rs.getString("actor"), rs.getString("token_id")),
        AuditAction.of(rs.getString("action")),
        targetType == null || targetId == null
            ? null
            : new AuditTarget(AuditTarget.Kind.of(targetType), targetId),
        rs.getString("detail"),
        rs.getString("client"));
  }
}
