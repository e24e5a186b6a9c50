package dev.verbatim.search;

import java.util.List;

/**
 * One page of hits.
 *
 * @param total how many hits the query has across all pages, or at least, when {@code totalExact}
 *     is false, a lower bound: counting stops at a thousand unless facets were asked for
 * @param totalExact whether {@code total} is the exact count
 * @param hits this page's hits, in the order asked for
 * @param facets the hits counted by speaker, meeting, month and owner, when asked for
 */
public record SearchResults(long total, boolean totalExact, List<SearchHit> hits, Facets facets) {

  public SearchResults {
    hits = List.copyOf(hits);
  }

  static SearchResults none() {
    return new SearchResults(0, true, List.of(), Facets.NONE);
  }
}
