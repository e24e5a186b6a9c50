package dev.verbatim.search;

import dev.verbatim.core.Meeting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
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

  /** The commit user data key holding the {@linkplain #feedPosition() feed position}. */
  static final String FEED_POSITION_KEY = "verbatim.index.feed-position";

  /** Hits deeper than this are counted but not returned; nobody pages that far. */
  static final int MAX_WINDOW = 10_000;

  private static final int SNIPPET_LENGTH = 160;
  private static final int SNIPPET_PASSAGES = 2;

  /** Names and keywords looked at per suggestion, the most frequent first. */
  private static final int SUGGESTION_CANDIDATES = 1_000;

  /** Fewer exact hits than this, and words that sound like the query's are looked for too. */
  static final int SOUND_ALIKE_BELOW = 20;

  /** Hits counted exactly up to this many; beyond, the total is "at least". */
  private static final int TOTAL_HITS_THRESHOLD = 1_000;

  /** Values shown per facet. */
  private static final int FACET_VALUES = 10;

  private final Directory directory;
  private final Analyzer analyzer =
      new PerFieldAnalyzerWrapper(
          new EnglishAnalyzer(), Map.of(MeetingDocuments.SOUND, SoundAlike.analyzer()));
  private final Object facetStateLock = new Object();
  private @Nullable DefaultSortedSetDocValuesReaderState facetState;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private volatile @Nullable String schema;

  /** Opens the index in {@code directory}, creating it (and the directory) if need be. */
  public MeetingIndex(Path directory) {
    this(openDirectory(directory), directory);
  }

  /** A fresh index in memory, gone when closed. */
  public static MeetingIndex inMemory() {
    return new MeetingIndex(new ByteBuffersDirectory(), null);
  }

  private MeetingIndex(Directory directory, @Nullable Path path) {
    this.directory = directory;
    IndexWriter openedWriter = null;
    try {
      openedWriter =
          new IndexWriter(
              directory,
              new IndexWriterConfig(analyzer)
                  .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                  // Every change is committed when complete; a rebuild cut short by closing must
                  // leave the last complete index, not half of a new one.
                  .setCommitOnClose(false));
      this.writer = openedWriter;
      this.schema = userData(writer).get(SCHEMA_KEY);
      if (writer.getDocStats().maxDoc == 0) {
        // Nothing indexed under an older schema: this index is current whatever it said before.
        stampCurrentSchema();
      }
      writer.commit();
      this.searchers = new SearcherManager(writer, null);
    } catch (LockObtainFailedException e) {
      IOUtils.closeWhileHandlingException(openedWriter, directory);
      throw new IndexInUseException(path == null ? Path.of("memory") : path, e);
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
   * action items, visible to {@code audience}, in one atomic step: a search sees either the old
   * meeting or the new one, and sees it as soon as this returns.
   */
  public void index(String meetingId, Meeting meeting, Audience audience) {
    try {
      add(meetingId, meeting, audience);
      publish();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot index meeting " + meetingId, e);
    }
  }

  private void add(String meetingId, Meeting meeting, Audience audience) throws IOException {
    writer.updateDocuments(
        new Term(MeetingDocuments.MEETING_ID, meetingId),
        MeetingDocuments.of(meetingId, meeting, audience));
  }

  /**
   * Replaces the whole index with {@code meetings}, read one at a time, with the current schema.
   * Searches see the old index until the new one is complete, and then all of it at once.
   *
   * @return how many meetings were indexed
   */
  public long rebuild(Iterable<IndexedMeeting> meetings) {
    try {
      writer.deleteAll();
      long count = 0;
      for (IndexedMeeting meeting : meetings) {
        add(meeting.id(), meeting.meeting(), meeting.audience());
        count++;
      }
      stampCurrentSchema();
      publish();
      return count;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot rebuild the search index", e);
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

  /**
   * How far this index has followed its owner's feed of changes, as last {@linkplain
   * #feedPosition(long) set}; empty for an index that never had one. It is kept in the index's own
   * commits, so after a crash it never claims changes that the index lost.
   */
  public OptionalLong feedPosition() {
    String position = userData(writer).get(FEED_POSITION_KEY);
    return position == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(position));
  }

  /**
   * Records that the index now holds every change up to {@code position} of its owner's feed, and
   * commits that together with every change made before.
   */
  public void feedPosition(long position) {
    try {
      Map<String, String> data = userData(writer);
      data.put(FEED_POSITION_KEY, Long.toString(position));
      writer.setLiveCommitData(data.entrySet());
      publish();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot record the search index's feed position", e);
    }
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

  /**
   * One page of hits for {@code query}, in the order it asks for.
   *
   * <p>Words are first searched as written. Only when they match fewer than {@value
   * #SOUND_ALIKE_BELOW} times are words that sound like them searched too, and only for the query's
   * words that are that rare in the index: those rank below every exact hit anyway, past the pages
   * anyone reads when there are more, and the common search stays as precise and as fast as an
   * exact one.
   */
  public SearchResults search(SearchQuery query) {
    Compiled exact = query(query, word -> false);
    if (exact == null) {
      return SearchResults.none();
    }
    long from = (long) query.page() * query.size();
    int window = (int) Math.min(from + query.size(), MAX_WINDOW);
    Sort sort = sort(query.order());
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        Compiled compiled = exact;
        Found found = find(searcher, exact.all(), window, sort, query.facets());
        if (found.top().totalHits.value < SOUND_ALIKE_BELOW && exact.hasWords()) {
          // Only words rarely written as such may have been misheard; "approval" in a thousand
          // places is recognised well, and its sound-alikes would only add noise and time.
          IndexReader reader = searcher.getIndexReader();
          Compiled alike = query(query, word -> rare(reader, word));
          if (alike != null && !alike.all().equals(exact.all())) {
            compiled = alike;
            found = find(searcher, alike.all(), window, sort, query.facets());
          }
        }
        TopDocs top = found.top();
        boolean exactTotal = top.totalHits.relation == TotalHits.Relation.EQUAL_TO;
        if (from >= top.scoreDocs.length) {
          return new SearchResults(top.totalHits.value, exactTotal, List.of(), found.facets());
        }
        ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, (int) from, top.scoreDocs.length);
        // Only the words are highlighted: the filters mark nothing, yet the highlighter would match
        // each of them again for every hit (a date range walks the whole points tree each time).
        // Rewritten once here, or the highlighter would rewrite it for every hit: the sound-alike
        // fuzzy queries expand over the term dictionary each time, and their automata make it
        // re-analyse each hit's text instead of reading offsets from the index.
        Query marked = searcher.rewrite(compiled.words());
        return new SearchResults(
            top.totalHits.value, exactTotal, hits(searcher, marked, page), found.facets());
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot search the index for: " + query.text(), e);
    }
  }

  /** The top hits of one Lucene query, and its facets when asked for. */
  private record Found(TopDocs top, Facets facets) {}

  private Found find(
      IndexSearcher searcher, Query lucene, int window, @Nullable Sort sort, boolean withFacets)
      throws IOException {
    if (withFacets) {
      // Facets count every hit, so the total comes exact with them.
      FacetsCollectorManager.FacetsResult result =
          sort == null
              ? FacetsCollectorManager.search(
                  searcher, lucene, window, new FacetsCollectorManager())
              : FacetsCollectorManager.search(
                  searcher, lucene, window, sort, true, new FacetsCollectorManager());
      return new Found(result.topDocs(), facets(searcher, result.facetsCollector()));
    }
    // Counting stops at a threshold, beyond which Lucene may skip hits that cannot make the page.
    int threshold = Math.max(window, TOTAL_HITS_THRESHOLD);
    TopDocs top =
        sort == null
            ? searcher.search(lucene, new TopScoreDocCollectorManager(window, threshold))
            : searcher.search(
                lucene, new TopFieldCollectorManager(sort, window, null, threshold, true));
    if (sort != null) {
      // Sorted hits come without scores unless asked for; the hit shows one.
      TopFieldCollector.populateScores(top.scoreDocs, searcher, lucene);
    }
    return new Found(top, Facets.NONE);
  }

  /**
   * A search as Lucene queries.
   *
   * @param all the words with every filter inside, which finds the hits
   * @param words the words alone, which mark the snippets
   * @param hasWords whether anything was typed to search for, rather than only filters chosen
   */
  private record Compiled(Query all, Query words, boolean hasWords) {}

  /** The Lucene queries for {@code query}, or null when nothing can match. */
  private static boolean rare(IndexReader reader, Query word) {
    try {
      return word instanceof TermQuery term && reader.docFreq(term.getTerm()) < SOUND_ALIKE_BELOW;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the search index", e);
    }
  }

  private @Nullable Compiled query(SearchQuery query, Predicate<Query> soundAlike) {
    UserQuery typed =
        query.text().isBlank() ? null : UserQuery.parse(query.text(), analyzer, soundAlike);
    Query words = typed == null ? null : typed.query();
    boolean datesTyped = typed != null && (typed.after() != null || typed.before() != null);
    if (words == null && !query.filtered() && !datesTyped) {
      return null;
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    all.add(words == null ? new MatchAllDocsQuery() : words, BooleanClause.Occur.MUST);
    Query marked =
        typed == null || typed.marked() == null ? new MatchAllDocsQuery() : typed.marked();
    Query visible = query.viewer().filter();
    if (visible != null) {
      all.add(visible, BooleanClause.Occur.FILTER);
    }
    if (!query.kinds().isEmpty()) {
      BooleanQuery.Builder kinds = new BooleanQuery.Builder();
      for (String kind : query.kinds()) {
        kinds.add(new TermQuery(new Term(MeetingDocuments.KIND, kind)), BooleanClause.Occur.SHOULD);
      }
      all.add(kinds.build(), BooleanClause.Occur.FILTER);
    }
    filter(all, MeetingDocuments.MEETING_ID, query.meetingId());
    filter(all, MeetingDocuments.SPEAKER_KEY, keyOrNull(query.speaker()));
    filter(all, MeetingDocuments.OWNER_KEY, keyOrNull(query.owner()));
    filter(all, MeetingDocuments.STATUS, query.status());
    LocalDate after = latest(query.from(), typed == null ? null : typed.after());
    LocalDate before = typed == null || typed.before() == null ? null : typed.before().minusDays(1);
    LocalDate to = earliest(query.to(), before);
    if (after != null || to != null) {
      all.add(days(MeetingDocuments.DAY, after, to), BooleanClause.Occur.FILTER);
    }
    if (query.dueFrom() != null || query.dueTo() != null) {
      all.add(
          days(MeetingDocuments.DUE_DAY, query.dueFrom(), query.dueTo()),
          BooleanClause.Occur.FILTER);
    }
    return new Compiled(all.build(), marked, words != null);
  }

  private static void filter(BooleanQuery.Builder all, String field, @Nullable String value) {
    if (value != null) {
      all.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.FILTER);
    }
  }

  private static @Nullable String keyOrNull(@Nullable String name) {
    return name == null ? null : MeetingDocuments.key(name);
  }

  private static Query days(String field, @Nullable LocalDate from, @Nullable LocalDate to) {
    return LongPoint.newRangeQuery(
        field,
        from == null ? Long.MIN_VALUE : from.toEpochDay(),
        to == null ? Long.MAX_VALUE : to.toEpochDay());
  }

  private static @Nullable LocalDate latest(@Nullable LocalDate a, @Nullable LocalDate b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }

  private static @Nullable LocalDate earliest(@Nullable LocalDate a, @Nullable LocalDate b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  private static @Nullable Sort sort(SearchQuery.Order order) {
    return switch (order) {
      case RELEVANCE -> null;
      case NEWEST ->
          new Sort(
              new SortField(MeetingDocuments.DAY, SortField.Type.LONG, true),
              SortField.FIELD_SCORE);
      case DUE ->
          new Sort(
              new SortField(MeetingDocuments.DUE_ORDER, SortField.Type.LONG),
              new SortField(MeetingDocuments.DAY, SortField.Type.LONG, true));
    };
  }

  private Facets facets(IndexSearcher searcher, FacetsCollector hits) throws IOException {
    SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
    if (state == null) {
      return Facets.NONE;
    }
    SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, hits);
    List<Facets.Count> meetings = top(counts, MeetingDocuments.MEETING_FACET);
    Map<String, String> titles = titles(searcher, meetings);
    return new Facets(
        top(counts, MeetingDocuments.SPEAKER_FACET),
        meetings.stream()
            .map(
                m ->
                    new Facets.Count(
                        m.value(), titles.getOrDefault(m.value(), m.value()), m.count()))
            .toList(),
        top(counts, MeetingDocuments.MONTH_FACET),
        top(counts, MeetingDocuments.OWNER_FACET));
  }

  private static List<Facets.Count> top(org.apache.lucene.facet.Facets counts, String dimension)
      throws IOException {
    return top(counts, dimension, FACET_VALUES);
  }

  private static List<Facets.Count> top(
      org.apache.lucene.facet.Facets counts, String dimension, int limit) throws IOException {
    FacetResult result;
    try {
      result = counts.getTopChildren(limit, dimension);
    } catch (IllegalArgumentException e) {
      // No document has this dimension yet, such as owners before any action item.
      return List.of();
    }
    if (result == null) {
      return List.of();
    }
    List<Facets.Count> top = new ArrayList<>(result.labelValues.length);
    for (LabelAndValue value : result.labelValues) {
      top.add(new Facets.Count(value.label, value.label, value.value.longValue()));
    }
    return top;
  }

  /** The titles of the meetings with these ids, from their meeting documents. */
  private static Map<String, String> titles(IndexSearcher searcher, List<Facets.Count> meetings)
      throws IOException {
    if (meetings.isEmpty()) {
      return Map.of();
    }
    BooleanQuery.Builder ids = new BooleanQuery.Builder();
    for (Facets.Count meeting : meetings) {
      ids.add(
          new TermQuery(new Term(MeetingDocuments.MEETING_ID, meeting.value())),
          BooleanClause.Occur.SHOULD);
    }
    Query query =
        new BooleanQuery.Builder()
            .add(ids.build(), BooleanClause.Occur.MUST)
            .add(
                new TermQuery(new Term(MeetingDocuments.KIND, SearchHit.MEETING)),
                BooleanClause.Occur.FILTER)
            .build();
    Map<String, String> titles = new HashMap<>();
    StoredFields stored = searcher.storedFields();
    for (ScoreDoc hit : searcher.search(query, meetings.size()).scoreDocs) {
      Document document = stored.document(hit.doc);
      titles.put(document.get(MeetingDocuments.MEETING_ID), document.get(MeetingDocuments.TITLE));
    }
    return titles;
  }

  /**
   * The ordinals of every facet value, built once per reader: it costs a pass over the values, so
   * it is kept until a refresh brings another reader.
   */
  private @Nullable SortedSetDocValuesReaderState facetState(IndexReader reader)
      throws IOException {
    synchronized (facetStateLock) {
      if (facetState == null || facetState.reader != reader) {
        if (reader.maxDoc() == 0) {
          return null;
        }
        facetState = new DefaultSortedSetDocValuesReaderState(reader, MeetingDocuments.FACETS);
      }
      return facetState;
    }
  }

  /**
   * Speaker names and keywords that start with {@code prefix} in meetings {@code viewer} may see,
   * the most frequent first: completions for the search box.
   */
  public List<Suggestion> suggest(String prefix, Viewer viewer, int limit) {
    String key = MeetingDocuments.key(prefix);
    if (key.isEmpty() || limit < 1) {
      return List.of();
    }
    BooleanQuery.Builder query =
        new BooleanQuery.Builder()
            .add(
                new BooleanQuery.Builder()
                    .add(
                        new PrefixQuery(new Term(MeetingDocuments.SPEAKER_KEY, key)),
                        BooleanClause.Occur.SHOULD)
                    .add(
                        new PrefixQuery(new Term(MeetingDocuments.KEYWORD_KEY, key)),
                        BooleanClause.Occur.SHOULD)
                    .build(),
                BooleanClause.Occur.MUST);
    Query visible = viewer.filter();
    if (visible != null) {
      query.add(visible, BooleanClause.Occur.FILTER);
    }
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
        if (state == null) {
          return List.of();
        }
        FacetsCollector hits = searcher.search(query.build(), new FacetsCollectorManager());
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, hits);
        List<Suggestion> suggestions = new ArrayList<>();
        for (String kind : List.of(Suggestion.SPEAKER, Suggestion.KEYWORD)) {
          String dimension =
              kind.equals(Suggestion.SPEAKER)
                  ? MeetingDocuments.SPEAKER_FACET
                  : MeetingDocuments.KEYWORD_FACET;
          // Other values of the same documents come along, such as a co-speaker: keep matches.
          for (Facets.Count count : top(counts, dimension, SUGGESTION_CANDIDATES)) {
            if (MeetingDocuments.key(count.value()).startsWith(key)) {
              suggestions.add(new Suggestion(kind, count.value(), count.count()));
            }
          }
        }
        suggestions.sort(Comparator.comparingLong(Suggestion::count).reversed());
        return List.copyOf(suggestions.subList(0, Math.min(limit, suggestions.size())));
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot suggest completions of: " + prefix, e);
    }
  }

  private List<SearchHit> hits(IndexSearcher searcher, Query query, ScoreDoc[] page)
      throws IOException {
    int[] docIds = Arrays.stream(page).mapToInt(scoreDoc -> scoreDoc.doc).toArray();
    String[] snippets = snippets(highlighter(searcher, false), query, docIds);
    // Words that only sound like the query are marked only where no word as typed is: a snippet
    // with the word itself should not also mark what merely sounds like it.
    int[] unmarked =
        IntStream.range(0, docIds.length)
            .filter(i -> snippets[i] == null || !snippets[i].contains("<mark>"))
            .toArray();
    if (unmarked.length > 0) {
      String[] alike =
          snippets(
              highlighter(searcher, true),
              query,
              Arrays.stream(unmarked).map(i -> docIds[i]).toArray());
      for (int j = 0; j < unmarked.length; j++) {
        if (alike[j] != null && alike[j].contains("<mark>")) {
          snippets[unmarked[j]] = alike[j];
        }
      }
    }
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

  private static String[] snippets(UnifiedHighlighter highlighter, Query query, int[] docIds)
      throws IOException {
    return highlighter
        .highlightFields(
            new String[] {MeetingDocuments.TEXT}, query, docIds, new int[] {SNIPPET_PASSAGES})
        .get(MeetingDocuments.TEXT);
  }

  private UnifiedHighlighter highlighter(IndexSearcher searcher, boolean soundAlike) {
    return UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new EscapingPassageFormatter())
        // Sound-alike matches are marked in the text through the offsets of their codes.
        .withMaskedFieldsFunc(
            field ->
                soundAlike && field.equals(MeetingDocuments.TEXT)
                    ? Set.of(MeetingDocuments.SOUND)
                    : Set.of())
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

  /**
   * Releases the directory and its lock. Every complete change is already committed; a rebuild in
   * progress is dropped, and the index stays as it was before it.
   */
  @Override
  public void close() {
    try {
      // In this order: searchers, then the writer, then the directory.
      IOUtils.close(searchers, writer, directory);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close the search index in " + directory, e);
    }
  }
}
