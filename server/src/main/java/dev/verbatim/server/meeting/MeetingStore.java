package dev.verbatim.server.meeting;

import dev.verbatim.core.ActionItem;
import dev.verbatim.core.ActionItemStatus;
import dev.verbatim.core.Decision;
import dev.verbatim.core.Meeting;
import dev.verbatim.core.Minutes;
import dev.verbatim.core.Segment;
import dev.verbatim.core.Source;
import dev.verbatim.core.Speaker;
import dev.verbatim.core.Word;
import dev.verbatim.server.account.Caller;
import dev.verbatim.server.pipeline.TrackLayout;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Meetings in the database, which is the source of truth: header, media, speakers, segments,
 * minutes, action items and decisions. The search index and exports are derived from what this
 * reads back.
 */
@Repository
public class MeetingStore {

  private static final TypeReference<List<Word>> WORDS = new TypeReference<>() {};
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final TransactionTemplate transactions;
  private final ActionItemStore actionItems;
  private final ApplicationEventPublisher publisher;

  MeetingStore(
      JdbcClient jdbc,
      JsonMapper json,
      TransactionTemplate transactions,
      ActionItemStore actionItems,
      ApplicationEventPublisher publisher) {
    this.jdbc = jdbc;
    this.json = json;
    this.transactions = transactions;
    this.actionItems = actionItems;
    this.publisher = publisher;
  }

  /**
   * A meeting about to be processed, as an upload creates it.
   *
   * @param ownerId the uploader
   * @param contentKey the same recordings in the same layout have the same key; one meeting per
   *     owner has it
   */
  public record NewMeeting(
      String id,
      @Nullable String ownerId,
      String title,
      LocalDate date,
      String language,
      TrackLayout layout,
      @Nullable String template,
      String contentKey) {}

  /**
   * Which meetings a caller may see, as a condition on {@code meeting m}: the same rule as {@link
   * MeetingAccess}, applied inside the query so that pages and counts hold only what they may.
   */
  static final String VISIBLE =
      """
      (:admin OR m.owner_id = :me OR m.org_visible
       OR EXISTS (SELECT 1 FROM meeting_share s WHERE s.meeting_id = m.id AND s.user_id = :me))
      """;

  /** Inserts a queued meeting and its media. Call within the transaction that queues its job. */
  public void insert(NewMeeting meeting, List<MediaFile> media) {
    insertRow(meeting, MeetingStatus.QUEUED);
    for (MediaFile file : media) {
      jdbc.sql(
              """
              INSERT INTO media_file (meeting_id, ordinal, name, storage_key, size_bytes, sha256,
                                      media_type)
              VALUES (:meeting, :ordinal, :name, :key, :size, :sha, :type)
              """)
          .param("meeting", meeting.id())
          .param("ordinal", file.ordinal())
          .param("name", file.name())
          .param("key", file.storageKey())
          .param("size", file.sizeBytes())
          .param("sha", file.sha256())
          .param("type", file.mediaType())
          .update();
    }
  }

  /**
   * Inserts a meeting that is transcribed as it happens, with no recordings: it is {@code live}
   * until its conference ends and {@link #saveProcessed} stores what was said.
   */
  public void insertLive(NewMeeting meeting) {
    insertRow(meeting, MeetingStatus.LIVE);
  }

  private void insertRow(NewMeeting meeting, MeetingStatus status) {
    Instant now = Instant.now();
    jdbc.sql(
            """
            INSERT INTO meeting (id, owner_id, title, meeting_date, language, layout, template,
                                 status, progress, content_key, created_at, updated_at)
            VALUES (:id, :owner, :title, :date, :language, :layout, :template, :status, 0, :key,
                    :now, :now)
            """)
        .param("id", meeting.id())
        .param("owner", meeting.ownerId())
        .param("title", meeting.title())
        .param("date", meeting.date())
        .param("language", meeting.language())
        .param("layout", meeting.layout().name())
        .param("template", meeting.template())
        .param("status", status.value())
        .param("key", meeting.contentKey())
        .param("now", timestamp(now))
        .update();
  }

  /** The meeting of this owner that the same recordings already made, if any. */
  public Optional<String> findByContentKey(String ownerId, String contentKey) {
    return jdbc.sql("SELECT id FROM meeting WHERE owner_id = :owner AND content_key = :key")
        .param("owner", ownerId)
        .param("key", contentKey)
        .query(String.class)
        .optional();
  }

  /**
   * Who may see a meeting besides admins.
   *
   * @param ownerId null for a meeting from before accounts
   * @param sharedWith the people it is shared with, to view or to edit
   */
  public record Visibility(@Nullable String ownerId, boolean orgVisible, Set<String> sharedWith) {}

  public Visibility visibility(String id) {
    Set<String> sharedWith =
        Set.copyOf(
            jdbc.sql("SELECT user_id FROM meeting_share WHERE meeting_id = :id")
                .param("id", id)
                .query(String.class)
                .list());
    return jdbc.sql("SELECT owner_id, org_visible FROM meeting WHERE id = :id")
        .param("id", id)
        .query(
            (rs, n) ->
                new Visibility(rs.getString("owner_id"), rs.getBoolean("org_visible"), sharedWith))
        .optional()
        .orElseThrow(() -> new MeetingNotFoundException("Meeting " + id));
  }

  /** The meeting's owner; empty for a meeting from before accounts (or none with this id). */
  public Optional<String> findOwner(String id) {
    return jdbc.sql("SELECT owner_id FROM meeting WHERE id = :id AND owner_id IS NOT NULL")
        .param("id", id)
        .query(String.class)
        .optional();
  }

  public Optional<MeetingHeader> findHeader(String id) {
    return jdbc.sql("SELECT * FROM meeting WHERE id = :id")
        .param("id", id)
        .query((rs, n) -> header(rs, participants(rs.getString("id"))))
        .optional();
  }

  public MeetingHeader header(String id) {
    return findHeader(id).orElseThrow(() -> new MeetingNotFoundException("Meeting " + id));
  }

  /** The meetings the caller may see, newest first. */
  public List<MeetingHeader> list(Caller viewer, int offset, int limit) {
    List<MeetingHeader> headers =
        jdbc.sql(
                "SELECT m.* FROM meeting m WHERE "
                    + VISIBLE
                    + " ORDER BY m.created_at DESC, m.id LIMIT :limit OFFSET :offset")
            .param("admin", viewer.admin())
            .param("me", viewer.id())
            .param("limit", limit)
            .param("offset", offset)
            .query((rs, n) -> header(rs, List.of()))
            .list();
    return headers.stream()
        .map(
            h ->
                new MeetingHeader(
                    h.id(),
                    h.title(),
                    h.date(),
                    h.durationMs(),
                    h.language(),
                    h.layout(),
                    h.template(),
                    h.status(),
                    h.stage(),
                    h.progress(),
                    h.error(),
                    participants(h.id()),
                    h.createdAt(),
                    h.updatedAt(),
                    h.mediaDeletedAt()))
        .toList();
  }

  /** How many meetings there are, whoever may see them. */
  public long countAll() {
    return jdbc.sql("SELECT COUNT(*) FROM meeting").query(Long.class).single();
  }

  /** How many meetings the caller may see. */
  public long count(Caller viewer) {
    return jdbc.sql("SELECT COUNT(*) FROM meeting m WHERE " + VISIBLE)
        .param("admin", viewer.admin())
        .param("me", viewer.id())
        .query(Long.class)
        .single();
  }

  public List<MediaFile> media(String meetingId) {
    return jdbc.sql("SELECT * FROM media_file WHERE meeting_id = :id ORDER BY ordinal")
        .param("id", meetingId)
        .query(
            (rs, n) ->
                new MediaFile(
                    rs.getInt("ordinal"),
                    rs.getString("name"),
                    rs.getString("storage_key"),
                    rs.getLong("size_bytes"),
                    rs.getString("sha256"),
                    rs.getString("media_type")))
        .list();
  }

  /** Records how far processing has come. */
  public void progress(String id, MeetingStatus status, @Nullable String stage, double progress) {
    jdbc.sql(
            """
            UPDATE meeting SET status = :status, stage = :stage, progress = :progress,
                               error = NULL, updated_at = :now
            WHERE id = :id
            """)
        .param("status", status.value())
        .param("stage", stage)
        .param("progress", progress)
        .param("now", timestamp(Instant.now()))
        .param("id", id)
        .update();
  }

  public void failed(String id, String error) {
    jdbc.sql(
            "UPDATE meeting SET status = 'failed', error = :error, updated_at = :now WHERE id = :id")
        .param("error", error)
        .param("now", timestamp(Instant.now()))
        .param("id", id)
        .update();
  }

  /**
   * Replaces everything processing produced with {@code meeting}'s. Call inside the transaction
   * that also completes the job, so a result is stored exactly once.
   */
  public void saveProcessed(String id, Meeting meeting) {
    for (String table : List.of("speaker", "segment", "decision")) {
      jdbc.sql("DELETE FROM " + table + " WHERE meeting_id = :id").param("id", id).update();
    }
    Minutes minutes = meeting.minutes();
    Minutes rest =
        new Minutes(
            minutes.template(),
            minutes.sentences(),
            minutes.summary(),
            minutes.chapters(),
            minutes.keywords(),
            List.of(),
            List.of(),
            minutes.identifiedSpeakers());
    jdbc.sql(
            """
            UPDATE meeting SET duration_ms = :duration, language = :language,
                   source_json = :source, minutes_json = :minutes, status = 'done',
                   stage = NULL, progress = 1, error = NULL, updated_at = :now
            WHERE id = :id
            """)
        .param("duration", meeting.durationMs())
        .param("language", meeting.language())
        .param("source", json.writeValueAsString(meeting.source()))
        .param("minutes", json.writeValueAsString(rest))
        .param("now", timestamp(Instant.now()))
        .param("id", id)
        .update();
    int ordinal = 0;
    for (Speaker speaker : meeting.speakers()) {
      jdbc.sql(
              """
              INSERT INTO speaker (meeting_id, id, ordinal, name, talk_time_ms)
              VALUES (:meeting, :id, :ordinal, :name, :talk)
              """)
          .param("meeting", id)
          .param("id", speaker.id())
          .param("ordinal", ordinal++)
          .param("name", speaker.name())
          .param("talk", speaker.talkTimeMs())
          .update();
    }
    ordinal = 0;
    for (Segment segment : meeting.segments()) {
      insertSegment(id, segment, ordinal++);
    }
    replaceActionItems(id, minutes.actionItems());
    ordinal = 0;
    for (Decision decision : minutes.decisions()) {
      insertDecision(id, decision, ordinal++, false);
    }
    publisher.publishEvent(new MeetingCompleted(id));
  }

  /**
   * Replaces the items processing found before with {@code found}, keeping every item a person or a
   * task system has touched: confirmed, moved from open, or linked to a task. Those win over a
   * newly found item with the same quote. Task systems hear of the difference only: an item found
   * again with the same id is updated if it changed, and not mentioned if not.
   */
  private void replaceActionItems(String id, List<ActionItem> found) {
    Map<String, TrackedActionItem> replaced = new LinkedHashMap<>();
    Set<String> keptIds = new java.util.HashSet<>();
    Set<String> keptQuotes = new java.util.HashSet<>();
    for (TrackedActionItem item : actionItems.inMeeting(id)) {
      boolean touched =
          item.confirmed()
              || item.status() != ActionItemStatus.OPEN
              || item.externalId() != null
              || item.externalUrl() != null;
      if (touched) {
        keptIds.add(item.itemId());
        keptQuotes.add(item.quote());
      } else {
        replaced.put(item.itemId(), item);
      }
    }
    for (String itemId : replaced.keySet()) {
      jdbc.sql("DELETE FROM action_item WHERE meeting_id = :m AND id = :id")
          .param("m", id)
          .param("id", itemId)
          .update();
    }
    int ordinal = nextOrdinal("action_item", id);
    int fresh = 0;
    for (ActionItem item : found) {
      if (keptQuotes.contains(item.quote())) {
        continue;
      }
      ActionItem stored = item;
      while (keptIds.contains(stored.id())) {
        stored = withId(item, item.id() + "-" + (++fresh));
      }
      TrackedActionItem before = replaced.remove(stored.id());
      insertActionItem(id, stored, ordinal++, false, before == null ? 0 : before.version() + 1);
      if (before == null) {
        actionItems.published(ActionItemChanged.Kind.CREATED, id, stored.id());
      } else if (!sameContent(before, stored)) {
        actionItems.published(ActionItemChanged.Kind.UPDATED, id, stored.id());
      }
    }
    replaced.values().forEach(actionItems::deleted);
  }

  private static boolean sameContent(TrackedActionItem before, ActionItem after) {
    return before.text().equals(after.text())
        && java.util.Objects.equals(before.owner(), after.owner())
        && java.util.Objects.equals(before.due(), after.due())
        && before.quote().equals(after.quote())
        && before.startMs() == after.startMs();
  }

  private static ActionItem withId(ActionItem item, String id) {
    return new ActionItem(
        id,
        item.text(),
        item.owner(),
        item.due(),
        item.status(),
        item.startMs(),
        item.segmentIds(),
        item.confidence(),
        item.quote());
  }

  /** The whole meeting as the {@code verbatim/meeting@1} document describes it. */
  public Meeting load(String id) {
    record Row(
        String title,
        LocalDate date,
        long durationMs,
        String language,
        @Nullable String source,
        @Nullable String minutes) {}
    Row row =
        jdbc.sql("SELECT * FROM meeting WHERE id = :id")
            .param("id", id)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getString("title"),
                        rs.getObject("meeting_date", LocalDate.class),
                        rs.getLong("duration_ms"),
                        rs.getString("language"),
                        rs.getString("source_json"),
                        rs.getString("minutes_json")))
            .optional()
            .orElseThrow(() -> new MeetingNotFoundException("Meeting " + id));
    Source source =
        row.source() != null ? json.readValue(row.source(), Source.class) : new Source(List.of());
    Minutes rest =
        row.minutes() != null ? json.readValue(row.minutes(), Minutes.class) : Minutes.empty();
    Minutes minutes =
        new Minutes(
            rest.template(),
            rest.sentences(),
            rest.summary(),
            rest.chapters(),
            rest.keywords(),
            decisions(id).stream().map(Reviewed::value).toList(),
            actionItems(id).stream().map(Reviewed::value).toList(),
            rest.identifiedSpeakers());
    return new Meeting(
        Meeting.SCHEMA,
        id,
        row.title(),
        row.date(),
        row.durationMs(),
        row.language(),
        source,
        speakers(id),
        segments(id),
        minutes);
  }

  /** Where the mixed recording of a multi-track meeting is kept, if it has one. */
  public Optional<String> playbackKey(String meetingId) {
    return jdbc.sql("SELECT playback_key FROM meeting WHERE id = :id")
        .param("id", meetingId)
        .query((rs, n) -> Optional.ofNullable(rs.getString("playback_key")))
        .optional()
        .orElseThrow(() -> new MeetingNotFoundException("Meeting " + meetingId));
  }

  public void playbackKey(String meetingId, @Nullable String key) {
    jdbc.sql("UPDATE meeting SET playback_key = :key WHERE id = :id")
        .param("key", key)
        .param("id", meetingId)
        .update();
  }

  /** Records who was in the meeting, as its recording system listed them. */
  public void updateRoster(String meetingId, List<String> roster) {
    jdbc.sql("UPDATE meeting SET roster_json = :roster WHERE id = :id")
        .param("roster", roster.isEmpty() ? null : json.writeValueAsString(roster))
        .param("id", meetingId)
        .update();
  }

  /**
   * Who was in the meeting, as its recording system listed them; empty when nothing listed them.
   */
  public List<String> roster(String meetingId) {
    return jsonColumn(meetingId, "roster_json")
        .map(r -> List.of(json.readValue(r, String[].class)))
        .orElseGet(List::of);
  }

  /** Keeps a transcript imported from another tool (as JSON) for the job that finishes it. */
  public void saveImported(String meetingId, String transcriptJson) {
    jdbc.sql("UPDATE meeting SET imported_json = :json WHERE id = :id")
        .param("json", transcriptJson)
        .param("id", meetingId)
        .update();
  }

  /** The transcript the meeting was imported from, as JSON; empty for a recorded meeting. */
  public Optional<String> imported(String meetingId) {
    return jsonColumn(meetingId, "imported_json");
  }

  /** The recordings as probed during processing; empty before that. */
  public Source source(String meetingId) {
    return jsonColumn(meetingId, "source_json")
        .map(s -> json.readValue(s, Source.class))
        .orElseGet(() -> new Source(List.of()));
  }

  /** One of the meeting's JSON columns (named by this class, never by a caller); empty if null. */
  private Optional<String> jsonColumn(String meetingId, String column) {
    return jdbc.sql("SELECT " + column + " FROM meeting WHERE id = :id")
        .param("id", meetingId)
        .query((rs, n) -> Optional.ofNullable(rs.getString(column)))
        .optional()
        .orElseThrow(() -> new MeetingNotFoundException("Meeting " + meetingId));
  }

  public List<Speaker> speakers(String meetingId) {
    return jdbc.sql("SELECT * FROM speaker WHERE meeting_id = :id ORDER BY ordinal")
        .param("id", meetingId)
        .query(
            (rs, n) ->
                new Speaker(rs.getString("id"), rs.getString("name"), rs.getLong("talk_time_ms")))
        .list();
  }

  public List<Segment> segments(String meetingId) {
    return jdbc.sql("SELECT * FROM segment WHERE meeting_id = :id ORDER BY ordinal")
        .param("id", meetingId)
        .query((rs, n) -> segment(rs))
        .list();
  }

  public Optional<Segment> segment(String meetingId, String segmentId) {
    return jdbc.sql("SELECT * FROM segment WHERE meeting_id = :m AND id = :id")
        .param("m", meetingId)
        .param("id", segmentId)
        .query((rs, n) -> segment(rs))
        .optional();
  }

  /** A value with whether a person has confirmed it. */
  public record Reviewed<T>(T value, boolean confirmed, int version, @Nullable Instant updatedAt) {}

  public List<Reviewed<ActionItem>> actionItems(String meetingId) {
    return jdbc.sql("SELECT * FROM action_item WHERE meeting_id = :id ORDER BY ordinal, id")
        .param("id", meetingId)
        .query(
            (rs, n) ->
                new Reviewed<>(
                    actionItem(rs),
                    rs.getBoolean("confirmed"),
                    rs.getInt("version"),
                    instant(rs, "updated_at")))
        .list();
  }

  public List<Reviewed<Decision>> decisions(String meetingId) {
    return jdbc.sql("SELECT * FROM decision WHERE meeting_id = :id ORDER BY ordinal, id")
        .param("id", meetingId)
        .query(
            (rs, n) ->
                new Reviewed<>(
                    new Decision(
                        rs.getString("id"),
                        rs.getString("text"),
                        rs.getLong("start_ms"),
                        json.readValue(rs.getString("segment_ids"), STRINGS),
                        rs.getDouble("confidence"),
                        rs.getString("quote")),
                    rs.getBoolean("confirmed"),
                    0,
                    null))
        .list();
  }

  // Edits. Each returns whether the row existed.

  public boolean updateHeader(String id, String title, LocalDate date) {
    return jdbc.sql(
                "UPDATE meeting SET title = :title, meeting_date = :date, updated_at = :now"
                    + " WHERE id = :id")
            .param("title", title)
            .param("date", date)
            .param("now", timestamp(Instant.now()))
            .param("id", id)
            .update()
        == 1;
  }

  public void updateTemplate(String id, @Nullable String template) {
    jdbc.sql("UPDATE meeting SET template = :template, updated_at = :now WHERE id = :id")
        .param("template", template)
        .param("now", timestamp(Instant.now()))
        .param("id", id)
        .update();
  }

  /**
   * Names a speaker, and hands the speaker's action items to the new name: items owned by the
   * speaker's id (unnamed) or old name.
   */
  public boolean renameSpeaker(String meetingId, String speakerId, @Nullable String name) {
    return Boolean.TRUE.equals(
        transactions.execute(
            status -> {
              Optional<String> old =
                  jdbc.sql("SELECT name FROM speaker WHERE meeting_id = :m AND id = :id")
                      .param("m", meetingId)
                      .param("id", speakerId)
                      .query((rs, n) -> Optional.ofNullable(rs.getString("name")))
                      .optional()
                      .map(o -> o.orElse(""));
              if (old.isEmpty()) {
                return false;
              }
              jdbc.sql("UPDATE speaker SET name = :name WHERE meeting_id = :m AND id = :id")
                  .param("name", name)
                  .param("m", meetingId)
                  .param("id", speakerId)
                  .update();
              String newOwner = name != null ? name : speakerId;
              String oldOwner = old.get().isEmpty() ? speakerId : old.get();
              List<String> handedOver =
                  jdbc.sql(
                          "SELECT id FROM action_item WHERE meeting_id = :m"
                              + " AND (owner = :id OR owner = :old)")
                      .param("m", meetingId)
                      .param("id", speakerId)
                      .param("old", oldOwner)
                      .query(String.class)
                      .list();
              jdbc.sql(
                      """
                      UPDATE action_item SET owner = :owner, version = version + 1,
                             updated_at = :now
                      WHERE meeting_id = :m AND (owner = :id OR owner = :old)
                      """)
                  .param("owner", newOwner)
                  .param("now", timestamp(Instant.now()))
                  .param("m", meetingId)
                  .param("id", speakerId)
                  .param("old", oldOwner)
                  .update();
              handedOver.forEach(
                  itemId ->
                      actionItems.published(ActionItemChanged.Kind.UPDATED, meetingId, itemId));
              touch(meetingId);
              return true;
            }));
  }

  public boolean updateSegment(String meetingId, Segment segment) {
    int rows =
        jdbc.sql(
                """
                UPDATE segment SET text = :text, words_json = :words, start_ms = :start,
                       end_ms = :end, edited = TRUE
                WHERE meeting_id = :m AND id = :id
                """)
            .param("text", segment.text())
            .param("words", json.writeValueAsString(segment.words()))
            .param("start", segment.startMs())
            .param("end", segment.endMs())
            .param("m", meetingId)
            .param("id", segment.id())
            .update();
    touch(meetingId);
    return rows == 1;
  }

  /**
   * Inserts or replaces an action item. With {@code expectedVersion}, the update only happens if
   * nobody changed the item since (optimistic locking); returns the new version, or -1 if the
   * version did not match, or -2 if there was no such item to update.
   */
  public int saveActionItem(
      String meetingId, ActionItem item, boolean confirmed, @Nullable Integer expectedVersion) {
    Integer result =
        transactions.execute(
            status -> {
              Optional<Integer> version =
                  jdbc.sql("SELECT version FROM action_item WHERE meeting_id = :m AND id = :id")
                      .param("m", meetingId)
                      .param("id", item.id())
                      .query(Integer.class)
                      .optional();
              if (version.isEmpty()) {
                if (expectedVersion != null) {
                  return -2;
                }
                int ordinal = nextOrdinal("action_item", meetingId);
                insertActionItem(meetingId, item, ordinal, confirmed, 0);
                touch(meetingId);
                actionItems.published(ActionItemChanged.Kind.CREATED, meetingId, item.id());
                return 0;
              }
              if (expectedVersion != null && !expectedVersion.equals(version.get())) {
                return -1;
              }
              jdbc.sql(
                      """
                      UPDATE action_item SET text = :text, owner = :owner, due = :due,
                             status = :status, confirmed = :confirmed, version = version + 1,
                             updated_at = :now
                      WHERE meeting_id = :m AND id = :id AND version = :version
                      """)
                  .param("text", item.text())
                  .param("owner", item.owner())
                  .param("due", item.due())
                  .param("status", item.status().name().toLowerCase(Locale.ROOT))
                  .param("confirmed", confirmed)
                  .param("now", timestamp(Instant.now()))
                  .param("m", meetingId)
                  .param("id", item.id())
                  .param("version", version.get())
                  .update();
              touch(meetingId);
              actionItems.published(ActionItemChanged.Kind.UPDATED, meetingId, item.id());
              return version.get() + 1;
            });
    return result == null ? -2 : result;
  }

  public boolean deleteActionItem(String meetingId, String itemId) {
    return Boolean.TRUE.equals(
        transactions.execute(
            status -> {
              Optional<TrackedActionItem> item = actionItems.find(meetingId, itemId);
              if (item.isEmpty()) {
                return false;
              }
              jdbc.sql("DELETE FROM action_item WHERE meeting_id = :m AND id = :id")
                  .param("m", meetingId)
                  .param("id", itemId)
                  .update();
              touch(meetingId);
              actionItems.deleted(item.get());
              return true;
            }));
  }

  public void saveDecision(String meetingId, Decision decision, boolean confirmed) {
    transactions.executeWithoutResult(
        status -> {
          int updated =
              jdbc.sql(
                      """
                      UPDATE decision SET text = :text, confirmed = :confirmed
                      WHERE meeting_id = :m AND id = :id
                      """)
                  .param("text", decision.text())
                  .param("confirmed", confirmed)
                  .param("m", meetingId)
                  .param("id", decision.id())
                  .update();
          if (updated == 0) {
            insertDecision(meetingId, decision, nextOrdinal("decision", meetingId), confirmed);
          }
          touch(meetingId);
        });
  }

  public boolean deleteDecision(String meetingId, String decisionId) {
    boolean deleted =
        jdbc.sql("DELETE FROM decision WHERE meeting_id = :m AND id = :id")
                .param("m", meetingId)
                .param("id", decisionId)
                .update()
            == 1;
    touch(meetingId);
    return deleted;
  }

  /** Removes the meeting and, by cascade, every row that belongs to it. */
  /**
   * Meetings uploaded before {@code cutoff} that no job is working on or waiting for, oldest first;
   * with {@code withMedia}, only those whose recordings are still there.
   */
  public List<String> uploadedBefore(Instant cutoff, boolean withMedia) {
    return jdbc.sql(
            "SELECT id FROM meeting WHERE created_at < :cutoff"
                + " AND status NOT IN ('queued', 'processing')"
                // Nor one whose job waits for another attempt.
                + " AND NOT EXISTS (SELECT 1 FROM job j WHERE j.meeting_id = meeting.id"
                + " AND j.status IN ('queued', 'running'))"
                + (withMedia ? " AND media_deleted_at IS NULL" : "")
                + " ORDER BY created_at, id")
        .param("cutoff", timestamp(cutoff))
        .query(String.class)
        .list();
  }

  /**
   * Marks the recordings removed, unless a job took the meeting up meanwhile. Returns whether it
   * did.
   */
  public boolean markMediaDeleted(String id, Instant when) {
    return jdbc.sql(
                """
                UPDATE meeting SET media_deleted_at = :when, playback_key = NULL
                WHERE id = :id AND media_deleted_at IS NULL
                  AND status NOT IN ('queued', 'processing')
                  AND NOT EXISTS (SELECT 1 FROM job j WHERE j.meeting_id = meeting.id
                                  AND j.status IN ('queued', 'running'))
                """)
            .param("when", timestamp(when))
            .param("id", id)
            .update()
        == 1;
  }

  public boolean delete(String id) {
    return Boolean.TRUE.equals(
        transactions.execute(
            status -> {
              List<TrackedActionItem> items = actionItems.inMeeting(id);
              boolean deleted =
                  jdbc.sql("DELETE FROM meeting WHERE id = :id").param("id", id).update() == 1;
              if (deleted) {
                items.forEach(actionItems::deleted);
              }
              return deleted;
            }));
  }

  /** Meeting ids, oldest first, for rebuilding derived data. */
  public List<String> ids() {
    return jdbc.sql("SELECT id FROM meeting ORDER BY created_at").query(String.class).list();
  }

  private void touch(String meetingId) {
    jdbc.sql("UPDATE meeting SET updated_at = :now WHERE id = :id")
        .param("now", timestamp(Instant.now()))
        .param("id", meetingId)
        .update();
  }

  private int nextOrdinal(String table, String meetingId) {
    return jdbc.sql(
            "SELECT COALESCE(MAX(ordinal), -1) + 1 FROM " + table + " WHERE meeting_id = :m")
        .param("m", meetingId)
        .query(Integer.class)
        .single();
  }

  private void insertSegment(String meetingId, Segment segment, int ordinal) {
    jdbc.sql(
            """
            INSERT INTO segment (meeting_id, id, ordinal, speaker_id, start_ms, end_ms, text,
                                 words_json)
            VALUES (:m, :id, :ordinal, :speaker, :start, :end, :text, :words)
            """)
        .param("m", meetingId)
        .param("id", segment.id())
        .param("ordinal", ordinal)
        .param("speaker", segment.speakerId())
        .param("start", segment.startMs())
        .param("end", segment.endMs())
        .param("text", segment.text())
        .param("words", json.writeValueAsString(segment.words()))
        .update();
  }

  private void insertActionItem(
      String meetingId, ActionItem item, int ordinal, boolean confirmed, int version) {
    jdbc.sql(
            """
            INSERT INTO action_item (meeting_id, id, ordinal, text, owner, due, status, start_ms,
                                     segment_ids, confidence, quote, confirmed, version,
                                     updated_at)
            VALUES (:m, :id, :ordinal, :text, :owner, :due, :status, :start, :segments,
                    :confidence, :quote, :confirmed, :version, :now)
            """)
        .param("version", version)
        .param("m", meetingId)
        .param("id", item.id())
        .param("ordinal", ordinal)
        .param("text", item.text())
        .param("owner", item.owner())
        .param("due", item.due())
        .param("status", item.status().name().toLowerCase(Locale.ROOT))
        .param("start", item.startMs())
        .param("segments", json.writeValueAsString(item.segmentIds()))
        .param("confidence", item.confidence())
        .param("quote", item.quote())
        .param("confirmed", confirmed)
        .param("now", timestamp(Instant.now()))
        .update();
  }

  private void insertDecision(String meetingId, Decision decision, int ordinal, boolean confirmed) {
    jdbc.sql(
            """
            INSERT INTO decision (meeting_id, id, ordinal, text, start_ms, segment_ids, confidence,
                                  quote, confirmed)
            VALUES (:m, :id, :ordinal, :text, :start, :segments, :confidence, :quote, :confirmed)
            """)
        .param("m", meetingId)
        .param("id", decision.id())
        .param("ordinal", ordinal)
        .param("text", decision.text())
        .param("start", decision.startMs())
        .param("segments", json.writeValueAsString(decision.segmentIds()))
        .param("confidence", decision.confidence())
        .param("quote", decision.quote())
        .param("confirmed", confirmed)
        .update();
  }

  private Segment segment(ResultSet rs) throws SQLException {
    return new Segment(
        rs.getString("id"),
        rs.getString("speaker_id"),
        rs.getLong("start_ms"),
        rs.getLong("end_ms"),
        rs.getString("text"),
        json.readValue(rs.getString("words_json"), WORDS));
  }

  private ActionItem actionItem(ResultSet rs) throws SQLException {
    return new ActionItem(
        rs.getString("id"),
        rs.getString("text"),
        rs.getString("owner"),
        rs.getObject("due", LocalDate.class),
        ActionItemStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
        rs.getLong("start_ms"),
        json.readValue(rs.getString("segment_ids"), STRINGS),
        rs.getDouble("confidence"),
        rs.getString("quote"));
  }

  private List<String> participants(String meetingId) {
    Map<String, String> names = new LinkedHashMap<>();
    for (Speaker s : speakers(meetingId)) {
      names.put(s.id(), s.name() != null ? s.name() : s.id());
    }
    return new ArrayList<>(names.values());
  }

  private static MeetingHeader header(ResultSet rs, List<String> participants) throws SQLException {
    return new MeetingHeader(
        rs.getString("id"),
        rs.getString("title"),
        rs.getObject("meeting_date", LocalDate.class),
        rs.getLong("duration_ms"),
        rs.getString("language"),
        TrackLayout.valueOf(rs.getString("layout")),
        rs.getString("template"),
        MeetingStatus.of(rs.getString("status")),
        rs.getString("stage"),
        rs.getDouble("progress"),
        rs.getString("error"),
        participants,
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        nullableInstant(rs, "media_deleted_at"));
  }

  private static @Nullable Instant nullableInstant(ResultSet rs, String column)
      throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value.toInstant();
  }

  static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
