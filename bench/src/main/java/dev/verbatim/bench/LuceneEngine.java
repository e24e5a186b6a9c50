package dev.verbatim.bench;

import dev.verbatim.search.IndexedMeeting;
import dev.verbatim.search.MeetingIndex;
import dev.verbatim.search.SearchQuery;
import dev.verbatim.search.SearchResults;
import dev.verbatim.search.Viewer;
import java.nio.file.Path;

/** Verbatim's own index, in a directory on disk, answering through its public API. */
final class LuceneEngine implements AutoCloseable {

  private final MeetingIndex index;

  LuceneEngine(Path directory) {
    this.index = new MeetingIndex(directory);
  }

  /** Indexes every meeting in one rebuild, which commits once; returns how many. */
  long load(Iterable<IndexedMeeting> meetings) {
    return index.rebuild(meetings);
  }

  long documents() {
    return index.documentCount();
  }

  /** Runs {@code query} as the search box would, snippets included; returns the hit count. */
  long search(QueryMix.Query query, boolean facets) {
    SearchResults results =
        index.search(
            SearchQuery.builder(query.typed())
                .viewer(
                    query.viewer() == 0
                        ? Viewer.everything()
                        : Viewer.person(CorpusGenerator.userId(query.viewer())))
                .speaker(query.speaker())
                .held(query.from(), query.to())
                .facets(facets)
                .build());
    return results.total();
  }

  /** Page {@code page} of {@code size} hits for {@code text}; returns how many hits it holds. */
  int page(String text, int page, int size) {
    return index.search(SearchQuery.builder(text).page(page, size).build()).hits().size();
  }

  @Override
  public void close() {
    index.close();
  }
}
