package dev.verbatim.search;

import dev.verbatim.core.Meeting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.jspecify.annotations.Nullable;

/**
 * The full-text index of all meetings: their transcript segments, minutes and action items.
 *
 * <p>Every write is committed, so it survives a restart, and is visible to the next search. Safe
 * for concurrent use; one instance owns its directory (Lucene locks it against a second writer).
 */
public final class MeetingIndex implements AutoCloseable {

  /** The commit user data key holding the {@linkplain #isCurrentSchema() schema version}. */
  public static final String SCHEMA_KEY = "verbatim.index.schema";

  /** Hits deeper than this are counted but not returned; nobody pages that far. */
  static final int MAX_WINDOW = 10_000;

  private static final int SNIPPET_LENGTH = 160;
  private static final int SNIPPET_PASSAGES = 2;

  private final Directory directory;
  private final Analyzer analyzer = new EnglishAnalyzer();
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private volatile @Nullable String schema;

  /** Opens the index in {@code directory}, creating it (and the directory) if need be. */
  public MeetingIndex(Path directory) {
    this(openDirectory(directory));
  }

  /** A fresh index in memory, gone when closed. */
  public static MeetingIndex inMemory() {
    return new MeetingIndex(new ByteBuffersDirectory());
  }

  private MeetingIndex(Directory directory) {
    this.directory = directory;
    IndexWriter openedWriter = null;
    try {
      openedWriter =
          new IndexWriter(
              directory,
              new IndexWriterConfig(analyzer)
                  .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
      this.writer = openedWriter;
      this.schema = userData(writer).get(SCHEMA_KEY);
      if (writer.getDocStats().maxDoc == 0) {
        // Nothing indexed under an older schema: this index is current whatever it said before.
        stampCurrentSchema();
      }
      writer.commit();
      this.searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      IOUtils.closeWhileHandlingException(openedWriter, directory);
      throw new UncheckedIOException("Cannot open the search index in " + directory, e);
    }
  }

  private static Directory openDirectory(Path path) {
    try {
      Files.createDirectories(path);
      return FSDirectory.open(path);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the search index directory " + path, e);
    }
  }

  /**
   * Replaces everything indexed for {@code meetingId} with {@code meeting}'s segments, minutes and
   * action items, in one atomic step: a search sees either the old meeting or the new one.
   */
  public void index(String meetingId, Meeting meeting) {
    try {
      writer.updateDocuments(
          new Term(MeetingDocuments.MEETING_ID, meetingId),
          MeetingDocuments.of(meetingId, meeting));
      publish();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot index meeting " + meetingId, e);
    }
  }

  /** Removes everything indexed for {@code meetingId}; nothing happens if there is none. */
  public void delete(String meetingId) {
    try {
      writer.deleteDocuments(new Term(MeetingDocuments.MEETING_ID, meetingId));
      publish();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove meeting " + meetingId + " from the index", e);
    }
  }

  /** Empties the index, for a rebuild; afterwards the index has the current schema. */
  public void deleteAll() {
    try {
      writer.deleteAll();
      stampCurrentSchema();
      publish();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot empty the search index", e);
    }
  }

  /**
   * Whether the index was built with this version's schema. When it was not, searches still work
   * but may miss or mis-show hits: rebuild with {@link #deleteAll()} and {@link #index} for every
   * meeting.
   */
  public boolean isCurrentSchema() {
    return MeetingDocuments.SCHEMA_VERSION.equals(schema);
  }

  /** The number of indexed documents: segments, meetings and action items together. */
  public long documentCount() {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return searcher.getIndexReader().numDocs();
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the search index", e);
    }
  }

  /** One page of hits for {@code query}, best first. */
  public SearchResults search(SearchQuery query) {
    if (query.text().isBlank()) {
      return SearchResults.none();
    }
    Query lucene = restricted(UserQuery.parse(query.text(), analyzer), query.meetingId());
    long from = (long) query.page() * query.size();
    int window = (int) Math.min(from + query.size(), MAX_WINDOW);
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        // Counting every hit is cheap at meeting scale and gives the UI an exact total.
        TopDocs top =
            searcher.search(lucene, new TopScoreDocCollectorManager(window, Integer.MAX_VALUE));
        if (from >= top.scoreDocs.length) {
          return new SearchResults(top.totalHits.value, List.of());
        }
        ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, (int) from, top.scoreDocs.length);
        return new SearchResults(top.totalHits.value, hits(searcher, lucene, page));
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot search the index for: " + query.text(), e);
    }
  }

  private static Query restricted(Query query, @Nullable String meetingId) {
    if (meetingId == null) {
      return query;
    }
    return new BooleanQuery.Builder()
        .add(query, BooleanClause.Occur.MUST)
        .add(
            new TermQuery(new Term(MeetingDocuments.MEETING_ID, meetingId)),
            BooleanClause.Occur.FILTER)
        .build();
  }

  private List<SearchHit> hits(IndexSearcher searcher, Query query, ScoreDoc[] page)
      throws IOException {
    int[] docIds = Arrays.stream(page).mapToInt(scoreDoc -> scoreDoc.doc).toArray();
    String[] snippets =
        highlighter(searcher)
            .highlightFields(
                new String[] {MeetingDocuments.TEXT}, query, docIds, new int[] {SNIPPET_PASSAGES})
            .get(MeetingDocuments.TEXT);
    StoredFields stored = searcher.storedFields();
    List<SearchHit> hits = new ArrayList<>(page.length);
    for (int i = 0; i < page.length; i++) {
      Document document = stored.document(page[i].doc);
      String snippet = snippets[i];
      if (snippet == null) {
        // Matched only outside the text, e.g. speaker:alice: show the start of the text.
        snippet = opening(document.get(MeetingDocuments.TEXT));
      }
      hits.add(MeetingDocuments.hit(document, snippet, page[i].score));
    }
    return hits;
  }

  private UnifiedHighlighter highlighter(IndexSearcher searcher) {
    return UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new EscapingPassageFormatter())
        // Transcripts are rarely punctuated, so passages are cut at words near a target length,
        // with the match in the middle.
        .withBreakIterator(
            () ->
                LengthGoalBreakIterator.createClosestToLength(
                    BreakIterator.getWordInstance(Locale.ROOT), SNIPPET_LENGTH, 0.5f))
        .withMaxNoHighlightPassages(1)
        .build();
  }

  private static String opening(@Nullable String text) {
    if (text == null) {
      return "";
    }
    if (text.length() <= SNIPPET_LENGTH) {
      return EscapingPassageFormatter.escape(text);
    }
    int cut = text.lastIndexOf(' ', SNIPPET_LENGTH);
    String opening = text.substring(0, cut > 0 ? cut : SNIPPET_LENGTH);
    return EscapingPassageFormatter.escape(opening) + EscapingPassageFormatter.ELLIPSIS;
  }

  /** Commits, so the change is durable, then refreshes, so the next search sees it. */
  private void publish() throws IOException {
    writer.commit();
    searchers.maybeRefreshBlocking();
  }

  private void stampCurrentSchema() {
    Map<String, String> data = userData(writer);
    data.put(SCHEMA_KEY, MeetingDocuments.SCHEMA_VERSION);
    writer.setLiveCommitData(data.entrySet());
    schema = MeetingDocuments.SCHEMA_VERSION;
  }

  private static Map<String, String> userData(IndexWriter writer) {
    Map<String, String> data = new HashMap<>();
    Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
    if (live != null) {
      live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
    }
    return data;
  }

  /** Commits what is pending and releases the directory and its lock. */
  @Override
  public void close() {
    try {
      // In this order: searchers, then the writer (which commits), then the directory.
      IOUtils.close(searchers, writer, directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close the search index in " + directory, e);
    }
  }
}
