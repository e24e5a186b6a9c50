package dev.verbatim.search;

import java.util.List;

/**
 * One page of hits.
 *
 * @param total how many hits the query has across all pages
 * @param hits this page's hits, best first
 */
public record SearchResults(long total, List<SearchHit> hits) {

  public SearchResults {
    hits = List.copyOf(hits);
  }

  static SearchResults none() {
    return new SearchResults(0, List.of());
  }
}
