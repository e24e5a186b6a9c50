package dev.verbatim.bench;

import dev.verbatim.core.Segment;
import dev.verbatim.search.IndexedMeeting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Compares Verbatim's Lucene index with PostgreSQL full-text search on one synthetic corpus:
 * loading time, size on disk and query latency by class of query; then the heap while paging deep
 * into a large result. Prints a Markdown report on standard output, progress on standard error.
 *
 * <pre>
 * SearchBenchmark [--meetings 1000] [--words 6000] [--queries 2000] [--seed 42]
 *                 [--pages 100] [--dir /tmp/...] [--skip-postgres]
 * </pre>
 */
public final class SearchBenchmark {

  /** Hits per page when paging deep, Verbatim's largest page. */
  private static final int PAGE_SIZE = 100;

  private static final List<QueryMix.Kind> FACETED =
      List.of(
          QueryMix.Kind.TERM_MEDIUM,
          QueryMix.Kind.TERM_COMMON,
          QueryMix.Kind.TWO_TERMS,
          QueryMix.Kind.MEMBER);

  private final Options options;
  private final CorpusGenerator corpus;
  private final StringBuilder report = new StringBuilder();

  /** The paging section, measured with Lucene open but reported last. */
  private final StringBuilder paging = new StringBuilder();

  private SearchBenchmark(Options options) {
    this.options = options;
    this.corpus = new CorpusGenerator(options.meetings, options.words, options.seed);
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "usage: SearchBenchmark [--meetings N] [--words N] [--queries N] [--seed N]"
              + " [--pages N] [--dir DIR] [--skip-postgres]");
      System.exit(2);
      return;
    }
    new SearchBenchmark(options).run();
  }

  private void run() throws IOException, SQLException {
    Path work =
        options.dir != null
            ? Files.createDirectories(options.dir)
            : Files.createTempDirectory("verbatim-search-bench");
    List<QueryMix.Query> measured =
        QueryMix.of(corpus, options.queries, options.seed + 1, List.of(QueryMix.Kind.values()));
    List<QueryMix.Query> warmUp =
        QueryMix.of(
            corpus,
            Math.max(200, options.queries / 4),
            options.seed + 2,
            List.of(QueryMix.Kind.values()));
    List<QueryMix.Query> faceted =
        QueryMix.of(corpus, Math.max(40, options.queries / 4), options.seed + 3, FACETED);

    Map<QueryMix.Kind, Latencies> lucene = new EnumMap<>(QueryMix.Kind.class);
    Map<QueryMix.Kind, Latencies> luceneFacets = new EnumMap<>(QueryMix.Kind.class);
    Map<QueryMix.Kind, Latencies> postgres = new EnumMap<>(QueryMix.Kind.class);
    Latencies postgresTrigrams = new Latencies();
    Tally tally = new Tally(corpus);

    report.append("## Corpus\n\n");
    report.append(
        String.format(
            Locale.ROOT,
            "%,d meetings of ~%,d words (seed %d), %,d-word vocabulary, %d speakers, %d members;"
                + " %,d measured queries after %,d warm-up queries; Java %s, max heap %,d MB.%n%n",
            options.meetings,
            options.words,
            options.seed,
            CorpusGenerator.VOCABULARY,
            CorpusGenerator.SPEAKERS,
            CorpusGenerator.USERS,
            measured.size(),
            warmUp.size(),
            System.getProperty("java.version"),
            Runtime.getRuntime().maxMemory() >> 20));

    List<String> loading = new ArrayList<>();
    Path indexDirectory = work.resolve("lucene");
    try (LuceneEngine engine = new LuceneEngine(indexDirectory)) {
      progress("Lucene: indexing %,d meetings", options.meetings);
      long start = System.nanoTime();
      engine.load(tally);
      double seconds = (System.nanoTime() - start) / 1e9;
      long size = settledSize(indexDirectory);
      loading.add(
          String.format(
              Locale.ROOT,
              "| Lucene (`MeetingIndex.rebuild`, %,d documents) | %.1f s | %s | %s |",
              engine.documents(),
              seconds,
              "(included)",
              megabytes(size)));
      progress("Lucene: %.1f s, %s; %s", seconds, megabytes(size), tally);
      progress("Lucene: %,d warm-up queries", warmUp.size());
      for (QueryMix.Query query : warmUp) {
        engine.search(query, false);
      }
      progress("Lucene: %,d queries", measured.size());
      for (QueryMix.Query query : measured) {
        long begin = System.nanoTime();
        long hits = engine.search(query, false);
        lucene
            .computeIfAbsent(query.kind(), k -> new Latencies())
            .add(System.nanoTime() - begin, hits);
      }
      progress("Lucene: %,d queries with facets", faceted.size());
      for (QueryMix.Query query : faceted.subList(0, faceted.size() / 4)) {
        engine.search(query, true);
      }
      for (QueryMix.Query query : faceted) {
        long begin = System.nanoTime();
        long hits = engine.search(query, true);
        luceneFacets
            .computeIfAbsent(query.kind(), k -> new Latencies())
            .add(System.nanoTime() - begin, hits);
      }
      progress("Lucene: paging");
      paging(engine);
    }
    deleteRecursively(indexDirectory);

    String postgresVersion = null;
    boolean trigrams = false;
    if (!options.skipPostgres) {
      try (PostgresEngine engine = new PostgresEngine(work.resolve("postgres"))) {
        postgresVersion = engine.version();
        progress("PostgreSQL %s: COPY of %,d meetings", postgresVersion, options.meetings);
        long start = System.nanoTime();
        long rows = engine.copy(corpus);
        double copySeconds = (System.nanoTime() - start) / 1e9;
        progress("PostgreSQL: %,d rows in %.1f s; indexing", rows, copySeconds);
        start = System.nanoTime();
        engine.createIndexes();
        double indexSeconds = (System.nanoTime() - start) / 1e9;
        long[] sizes = engine.sizes();
        loading.add(
            String.format(
                Locale.ROOT,
                "| PostgreSQL %s (COPY of %,d segment rows, then GIN + btree indexes, VACUUM"
                    + " ANALYZE) | %.1f s | %.1f s | %s (table %s + indexes %s) |",
                postgresVersion,
                rows,
                copySeconds,
                indexSeconds,
                megabytes(sizes[2]),
                megabytes(sizes[0]),
                megabytes(sizes[1])));
        start = System.nanoTime();
        trigrams = engine.createTrigramLexicon();
        if (trigrams) {
          loading.add(
              String.format(
                  Locale.ROOT,
                  "| PostgreSQL: word list for the trigram fallback (`ts_stat`, pg_trgm GIN) | – |"
                      + " %.1f s | |",
                  (System.nanoTime() - start) / 1e9));
        }
        progress("PostgreSQL: %,d warm-up queries", warmUp.size());
        for (QueryMix.Query query : warmUp) {
          engine.search(query);
          if (query.kind() == QueryMix.Kind.SOUND_ALIKE) {
            engine.searchSimilarWords(query);
          }
        }
        progress("PostgreSQL: %,d queries", measured.size());
        for (QueryMix.Query query : measured) {
          long begin = System.nanoTime();
          long hits = engine.search(query);
          postgres
              .computeIfAbsent(query.kind(), k -> new Latencies())
              .add(System.nanoTime() - begin, hits);
          if (query.kind() == QueryMix.Kind.SOUND_ALIKE && trigrams) {
            begin = System.nanoTime();
            hits = engine.searchSimilarWords(query);
            postgresTrigrams.add(System.nanoTime() - begin, hits);
          }
        }
      }
      deleteRecursively(work.resolve("postgres"));
    }
    if (options.dir == null) {
      deleteRecursively(work);
    }

    report.append(tally.describe()).append("\n\n");
    report.append("## Loading\n\n");
    report.append("| engine | load | indexes | size on disk |\n| --- | ---: | ---: | --- |\n");
    loading.forEach(line -> report.append(line).append('\n'));
    report.append('\n');
    latencyTable(lucene, postgres, postgresTrigrams, trigrams);
    facetTable(lucene, luceneFacets);
    report.append(paging);
    System.out.print(report);
    System.out.flush();
  }

  private void latencyTable(
      Map<QueryMix.Kind, Latencies> lucene,
      Map<QueryMix.Kind, Latencies> postgres,
      Latencies postgresTrigrams,
      boolean trigrams) {
    report.append("## Latency, facets off (ms; page of 20 with snippets; one client)\n\n");
    report.append(
        "| query | n | Lucene p50 | p95 | p99 | max | PG p50 | p95 | p99 | max | PG/Lucene p50 |"
            + " PG/Lucene p99 | mean hits Lucene | mean hits PG |\n");
    report.append(
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---:"
            + " | ---: |\n");
    Latencies allLucene = new Latencies();
    Latencies allPostgres = new Latencies();
    for (QueryMix.Kind kind : QueryMix.Kind.values()) {
      Latencies l = lucene.getOrDefault(kind, new Latencies());
      Latencies p = postgres.getOrDefault(kind, new Latencies());
      allLucene.addAll(l);
      allPostgres.addAll(p);
      row(kind.label, l, p);
      if (kind == QueryMix.Kind.SOUND_ALIKE && trigrams) {
        row("sound-alike, PG via pg_trgm word list", l, postgresTrigrams);
      }
    }
    row("**all**", allLucene, allPostgres);
    report.append('\n');
  }

  private void row(String label, Latencies l, Latencies p) {
    report.append(
        String.format(
            Locale.ROOT,
            "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %,.0f | %s |%n",
            label,
            l.count(),
            Latencies.format(l.millis(50)),
            Latencies.format(l.millis(95)),
            Latencies.format(l.millis(99)),
            Latencies.format(l.millis(100)),
            Latencies.format(p.millis(50)),
            Latencies.format(p.millis(95)),
            Latencies.format(p.millis(99)),
            Latencies.format(p.millis(100)),
            ratio(p.millis(50), l.millis(50)),
            ratio(p.millis(99), l.millis(99)),
            l.meanHits(),
            p.count() == 0 ? "–" : String.format(Locale.ROOT, "%,.0f", p.meanHits())));
  }

  private void facetTable(
      Map<QueryMix.Kind, Latencies> lucene, Map<QueryMix.Kind, Latencies> luceneFacets) {
    report.append("## Lucene with facets (speaker, meeting, month, owner) (ms)\n\n");
    report.append(
        "| query | n | p50 | p95 | p99 | max | p50 without facets | p99 without facets |\n");
    report.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (QueryMix.Kind kind : FACETED) {
      Latencies f = luceneFacets.getOrDefault(kind, new Latencies());
      Latencies l = lucene.getOrDefault(kind, new Latencies());
      report.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %s | %s | %s | %s | %s | %s |%n",
              kind.label,
              f.count(),
              Latencies.format(f.millis(50)),
              Latencies.format(f.millis(95)),
              Latencies.format(f.millis(99)),
              Latencies.format(f.millis(100)),
              Latencies.format(l.millis(50)),
              Latencies.format(l.millis(99))));
    }
    report.append('\n');
  }

  /**
   * Pages through the hits of a common word to the deepest page Verbatim serves, three times, and
   * records the heap after a full collection every so often: it must not grow.
   */
  private void paging(LuceneEngine engine) {
    String word = corpus.vocabulary().queryWord(new SplittableRandom(options.seed), 30, 40);
    paging.append("## Lucene: heap while paging\n\n");
    paging.append(
        String.format(
            Locale.ROOT,
            "Pages 0 to %d of %d hits for \"%s\", three times over (a page past the %,d-hit window"
                + " is empty); heap used after a full GC:%n%n",
            options.pages - 1,
            PAGE_SIZE,
            word,
            options.pages * PAGE_SIZE));
    paging.append(
        "| pass | page | heap after GC | time of that page |\n| ---: | ---: | ---: | ---: |\n");
    int every = Math.max(1, options.pages / 4);
    for (int pass = 1; pass <= 3; pass++) {
      for (int page = 0; page < options.pages; page++) {
        long begin = System.nanoTime();
        engine.page(word, page, PAGE_SIZE);
        double millis = (System.nanoTime() - begin) / 1e6;
        if (page % every == 0 || page == options.pages - 1) {
          paging.append(
              String.format(
                  Locale.ROOT,
                  "| %d | %d | %.1f MB | %s ms |%n",
                  pass,
                  page,
                  heapAfterGc() / 1048576.0,
                  Latencies.format(millis)));
        }
      }
    }
    paging.append('\n');
  }

  private static long heapAfterGc() {
    // Twice: the first may leave what finalisation and reference processing free only later.
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /**
   * The size of the index once background merges are done: the set of files and their sizes the
   * same over two looks a few seconds apart.
   */
  private static long settledSize(Path directory) {
    String last = "";
    while (true) {
      String now = listing(directory);
      if (now.equals(last)) {
        return size(directory);
      }
      last = now;
      try {
        Thread.sleep(3_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return size(directory);
      }
    }
  }

  private static String listing(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      StringBuilder listing = new StringBuilder();
      for (Path file : files.sorted().toList()) {
        listing.append(file.getFileName()).append(':').append(Files.size(file)).append(';');
      }
      return listing.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + directory, e);
    }
  }

  private static long size(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      long total = 0;
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        total += Files.size(file);
      }
      return total;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot measure " + directory, e);
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%,.0f MB", bytes / 1048576.0);
  }

  private static String ratio(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
      return "–";
    }
    return String.format(Locale.ROOT, "%.1f×", a / b);
  }

  private static void progress(String format, Object... arguments) {
    System.err.printf(
        Locale.ROOT,
        "[%tT] %s%n",
        System.currentTimeMillis(),
        String.format(Locale.ROOT, format, arguments));
  }

  /** Counts segments and words as the meetings go by, without keeping them. */
  private static final class Tally implements Iterable<IndexedMeeting> {
    private final CorpusGenerator corpus;
    private long meetings;
    private long segments;
    private long words;

    Tally(CorpusGenerator corpus) {
      this.corpus = corpus;
    }

    @Override
    public Iterator<IndexedMeeting> iterator() {
      Iterator<IndexedMeeting> meetingsIterator = corpus.iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return meetingsIterator.hasNext();
        }

        @Override
        public IndexedMeeting next() {
          IndexedMeeting next = meetingsIterator.next();
          meetings++;
          for (Segment segment : next.meeting().segments()) {
            segments++;
            words += segment.text().chars().filter(c -> c == ' ').count() + 1;
          }
          return next;
        }
      };
    }

    String describe() {
      return String.format(
          Locale.ROOT,
          "Generated: %,d meetings, %,d segments, %,d words (%.1f words a segment).",
          meetings,
          segments,
          words,
          segments == 0 ? 0.0 : (double) words / segments);
    }

    @Override
    public String toString() {
      return describe();
    }
  }

  /** The command line. */
  private record Options(
      int meetings,
      int words,
      int queries,
      long seed,
      int pages,
      @Nullable Path dir,
      boolean skipPostgres) {

    static Options parse(String[] args) {
      int meetings = 1_000;
      int words = 6_000;
      int queries = 2_000;
      long seed = 42;
      int pages = 100;
      Path dir = null;
      boolean skipPostgres = false;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.equals("--skip-postgres")) {
          skipPostgres = true;
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value for " + arg);
        }
        String value = args[++i];
        try {
          switch (arg) {
            case "--meetings" -> meetings = Integer.parseInt(value);
            case "--words" -> words = Integer.parseInt(value);
            case "--queries" -> queries = Integer.parseInt(value);
            case "--seed" -> seed = Long.parseLong(value);
            case "--pages" -> pages = Integer.parseInt(value);
            case "--dir" -> dir = Path.of(value);
            default -> throw new IllegalArgumentException("unknown option " + arg);
          }
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("not a number for " + arg + ": " + value, e);
        }
      }
      if (meetings < 1 || queries < QueryMix.Kind.values().length || pages < 1) {
        throw new IllegalArgumentException(
            "need at least 1 meeting, " + QueryMix.Kind.values().length + " queries and 1 page");
      }
      return new Options(meetings, words, queries, seed, pages, dir, skipPostgres);
    }
  }
}
