package dev.verbatim.search;

/**
 * A completion for the search box.
 *
 * @param kind {@value #SPEAKER} or {@value #KEYWORD}
 * @param text the name or keyword
 * @param count how many indexed entries have it
 */
public record Suggestion(String kind, String text, long count) {

  public static final String SPEAKER = "speaker";
  public static final String KEYWORD = "keyword";
}
