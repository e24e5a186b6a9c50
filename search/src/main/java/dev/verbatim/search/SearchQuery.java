package dev.verbatim.search;

import org.jspecify.annotations.Nullable;

/**
 * What a person typed into the search box, and which page of the answer they want.
 *
 * @param text the query as typed: words, {@code "quoted phrases"}, {@code -excluded} words and the
 *     fields {@code title:}, {@code speaker:}; text that is not valid syntax is searched as plain
 *     words
 * @param meetingId when set, only hits from this meeting
 * @param page the page wanted, from 0
 * @param size hits per page, 1 to {@value #MAX_SIZE}
 */
public record SearchQuery(String text, @Nullable String meetingId, int page, int size) {

  public static final int MAX_SIZE = 100;

  public SearchQuery {
    if (page < 0) {
      throw new IllegalArgumentException("page must be 0 or more: " + page);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be within 1 and " + MAX_SIZE + ": " + size);
    }
  }

  /** The first page of hits for {@code text} across all meetings. */
  public static SearchQuery of(String text) {
    return new SearchQuery(text, null, 0, 20);
  }
}
