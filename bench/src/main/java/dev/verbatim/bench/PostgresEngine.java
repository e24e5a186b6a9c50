package dev.verbatim.bench;

import dev.verbatim.core.Meeting;
import dev.verbatim.core.Segment;
import dev.verbatim.core.Speaker;
import dev.verbatim.search.Audience;
import dev.verbatim.search.IndexedMeeting;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * PostgreSQL full-text search over the same segments: a stored {@code tsvector} with a GIN index,
 * ranked by {@code ts_rank}, with {@code ts_headline} snippets for the page returned.
 */
final class PostgresEngine implements AutoCloseable {

  /** What a member sees besides what names them: meetings open to the organisation. */
  static final int ORGANISATION = 0;

  private static final String HEADLINE_OPTIONS =
      "StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=30, MinWords=12";

  private static final int COPY_BUFFER = 1 << 20;

  private final EmbeddedPostgres postgres;
  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private boolean trigrams;

  /** Starts a PostgreSQL of its own with its data in {@code dataDirectory}, emptied first. */
  PostgresEngine(Path dataDirectory) throws IOException, SQLException {
    this.postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(true)
            // Room to build the GIN index in memory, as one would give a server that searches.
            .setServerConfig("shared_buffers", "256MB")
            .setServerConfig("maintenance_work_mem", "256MB")
            .setServerConfig("work_mem", "16MB")
            .setServerConfig("max_wal_size", "4GB")
            .start();
    this.connection = postgres.getPostgresDatabase().getConnection();
  }

  String version() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SHOW server_version")) {
      row.next();
      return row.getString(1);
    }
  }

  /** Creates the table and streams every segment into it with COPY; returns how many rows. */
  long copy(Iterable<IndexedMeeting> meetings) throws SQLException, IOException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          """
          CREATE TABLE segment (
            meeting_id int NOT NULL,
            segment_id text NOT NULL,
            speaker text,
            day date NOT NULL,
            start_ms bigint NOT NULL,
            audience int[] NOT NULL,
            text text NOT NULL,
            tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED)
          """);
    }
    CopyIn copy =
        connection
            .unwrap(PGConnection.class)
            .getCopyAPI()
            .copyIn(
                "COPY segment (meeting_id, segment_id, speaker, day, start_ms, audience, text)"
                    + " FROM STDIN");
    long rows = 0;
    try {
      StringBuilder buffer = new StringBuilder(COPY_BUFFER + 4096);
      int meetingNumber = 0;
      for (IndexedMeeting indexed : meetings) {
        Meeting meeting = indexed.meeting();
        Map<String, String> names = new HashMap<>();
        for (Speaker speaker : meeting.speakers()) {
          names.put(speaker.id(), speaker.name());
        }
        String audience = audience(indexed.audience());
        String day = meeting.date().toString();
        for (Segment segment : meeting.segments()) {
          buffer
              .append(meetingNumber)
              .append('\t')
              .append(segment.id())
              .append('\t')
              .append(escape(names.getOrDefault(segment.speakerId(), segment.speakerId())))
              .append('\t')
              .append(day)
              .append('\t')
              .append(segment.startMs())
              .append('\t')
              .append(audience)
              .append('\t')
              .append(escape(segment.text()))
              .append('\n');
          rows++;
          if (buffer.length() >= COPY_BUFFER) {
            write(copy, buffer);
          }
        }
        meetingNumber++;
      }
      write(copy, buffer);
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
    return rows;
  }

  /** Builds the indexes a search needs, then has the planner look at the data. */
  void createIndexes() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE INDEX segment_tsv ON segment USING gin (tsv)");
      statement.execute("CREATE INDEX segment_speaker ON segment (speaker)");
      statement.execute("CREATE INDEX segment_day ON segment (day)");
      statement.execute("CREATE INDEX segment_audience ON segment USING gin (audience)");
      statement.execute("VACUUM ANALYZE segment");
    }
  }

  /**
   * Tries the best PostgreSQL offers for misheard words: the words of the corpus with a trigram
   * index, to look up similar words first. Returns false when pg_trgm is not there.
   */
  boolean createTrigramLexicon() throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
      statement.execute(
          "CREATE TABLE lexeme AS SELECT word, ndoc FROM ts_stat('SELECT tsv FROM segment')");
      statement.execute("CREATE INDEX lexeme_trgm ON lexeme USING gin (word gin_trgm_ops)");
      statement.execute("ANALYZE lexeme");
      trigrams = true;
      return true;
    } catch (SQLException e) {
      System.err.println("pg_trgm is not available, so no trigram fallback: " + e.getMessage());
      return false;
    }
  }

  /** Bytes of the table with its TOAST, and of its indexes. */
  long[] sizes() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT pg_table_size('segment'), pg_indexes_size('segment'),"
                    + " pg_total_relation_size('segment')")) {
      row.next();
      return new long[] {row.getLong(1), row.getLong(2), row.getLong(3)};
    }
  }

  /**
   * Runs {@code query}: the 20 best segments by {@code ts_rank} with their {@code ts_headline}, and
   * how many match in all (as Lucene counts them); returns that count.
   */
  long search(QueryMix.Query query) throws SQLException {
    return run(query, query.phrase() ? "phraseto_tsquery" : "plainto_tsquery", "english", null);
  }

  /**
   * A misheard word the trigram way: the 8 corpus words most like it, then a search for any of
   * them. Returns -1 without the lexicon.
   */
  long searchSimilarWords(QueryMix.Query query) throws SQLException {
    if (!trigrams) {
      return -1;
    }
    PreparedStatement similar =
        statement(
            "similar",
            "SELECT word FROM lexeme WHERE word % ? ORDER BY similarity(word, ?) DESC, word"
                + " LIMIT 8");
    similar.setString(1, query.words());
    similar.setString(2, query.words());
    StringJoiner any = new StringJoiner(" | ");
    try (ResultSet rows = similar.executeQuery()) {
      while (rows.next()) {
        any.add("'" + rows.getString(1).replace("'", "''") + "'");
      }
    }
    if (any.length() == 0) {
      return 0;
    }
    return run(query, "to_tsquery", "simple", any.toString());
  }

  private long run(QueryMix.Query query, String function, String config, @Nullable String tsquery)
      throws SQLException {
    String q = function + "('" + config + "', ?)";
    List<String> where = new ArrayList<>();
    where.add("tsv @@ " + q);
    if (query.speaker() != null) {
      where.add("speaker = ?");
    }
    if (query.from() != null) {
      where.add("day BETWEEN ? AND ?");
    }
    if (query.viewer() != 0) {
      where.add("audience && ?");
    }
    String sql =
        "WITH top AS (SELECT meeting_id, segment_id, speaker, day, start_ms, text,"
            + " ts_rank(tsv, "
            + q
            + ") AS rank, count(*) OVER () AS total FROM segment WHERE "
            + String.join(" AND ", where)
            + " ORDER BY rank DESC LIMIT 20)"
            + " SELECT meeting_id, segment_id, speaker, day, start_ms, rank, total,"
            + " ts_headline('english', text, "
            + q
            + ", '"
            + HEADLINE_OPTIONS
            + "') FROM top ORDER BY rank DESC";
    PreparedStatement statement = statement(sql, sql);
    String text = tsquery == null ? query.words() : tsquery;
    int p = 1;
    statement.setString(p++, text);
    statement.setString(p++, text);
    if (query.speaker() != null) {
      statement.setString(p++, query.speaker());
    }
    if (query.from() != null) {
      statement.setDate(p++, Date.valueOf(query.from()));
      statement.setDate(p++, Date.valueOf(query.to()));
    }
    if (query.viewer() != 0) {
      statement.setArray(
          p++, connection.createArrayOf("int4", new Integer[] {query.viewer(), ORGANISATION}));
    }
    statement.setString(p, text);
    long total = 0;
    try (ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        total = rows.getLong(7);
        // Read every column, as an application would.
        rows.getString(8);
      }
    }
    return total;
  }

  private PreparedStatement statement(String key, String sql) throws SQLException {
    PreparedStatement statement = statements.get(key);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(key, statement);
    }
    return statement;
  }

  private static String audience(Audience audience) {
    StringJoiner ids = new StringJoiner(",", "{", "}");
    if (audience.organisation()) {
      ids.add(Integer.toString(ORGANISATION));
    }
    if (audience.ownerId() != null) {
      ids.add(audience.ownerId().substring(1));
    }
    for (String member : audience.members()) {
      ids.add(member.substring(1));
    }
    return ids.toString();
  }

  /** Text in COPY's text format: backslash, tab and line ends escaped. */
  private static String escape(String value) {
    return value
        .replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r");
  }

  private static void write(CopyIn copy, StringBuilder buffer) throws SQLException {
    byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    buffer.setLength(0);
  }

  @Override
  public void close() {
    try {
      for (PreparedStatement statement : statements.values()) {
        statement.close();
      }
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot close the connection to PostgreSQL", e);
    } finally {
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot stop PostgreSQL", e);
      }
    }
  }
}
