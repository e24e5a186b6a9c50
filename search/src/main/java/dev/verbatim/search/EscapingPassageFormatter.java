package dev.verbatim.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats passages as HTML: matched words in {@code <mark>}, every other character escaped. The UI
 * inserts snippets as HTML and transcripts are untrusted text, so nothing passes through raw.
 */
final class EscapingPassageFormatter extends PassageFormatter {

  static final String ELLIPSIS = "…";

  @Override
  public String format(Passage[] passages, String content) {
    StringBuilder html = new StringBuilder();
    int lastEnd = 0;
    for (Passage passage : passages) {
      if (html.length() > 0) {
        html.append(' ').append(ELLIPSIS).append(' ');
      } else if (passage.getStartOffset() > 0) {
        html.append(ELLIPSIS);
      }
      int position = passage.getStartOffset();
      int[] starts = passage.getMatchStarts();
      int[] ends = passage.getMatchEnds();
      for (int i = 0; i < passage.getNumMatches(); i++) {
        int start = starts[i];
        int end = ends[i];
        // Matches are sorted by start; merge those that overlap or touch into one mark.
        while (i + 1 < passage.getNumMatches() && starts[i + 1] <= end) {
          end = Math.max(end, ends[++i]);
        }
        start = Math.max(start, position);
        end = Math.min(end, passage.getEndOffset());
        if (start >= end) {
          continue;
        }
        escape(content, position, start, html);
        html.append("<mark>");
        escape(content, start, end, html);
        html.append("</mark>");
        position = end;
      }
      escape(content, position, passage.getEndOffset(), html);
      lastEnd = passage.getEndOffset();
    }
    if (passages.length > 0 && lastEnd < content.length()) {
      html.append(ELLIPSIS);
    }
    return html.toString().strip();
  }

  static void escape(String text, int from, int to, StringBuilder html) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> html.append("&amp;");
        case '<' -> html.append("&lt;");
        case '>' -> html.append("&gt;");
        case '"' -> html.append("&quot;");
        case '\'' -> html.append("&#39;");
        // Parts of a meeting's own document are on separate lines; HTML would run them together.
        case '\n' -> html.append(" · ");
        default -> html.append(c);
      }
    }
  }

  /** Escapes all of {@code text}. */
  static String escape(String text) {
    StringBuilder html = new StringBuilder(text.length() + 16);
    escape(text, 0, text.length(), html);
    return html.toString();
  }
}
