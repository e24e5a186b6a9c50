package dev.verbatim.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns what a person typed into a Lucene query. Query syntax is honoured where it parses; anything
 * else is searched as plain words, because a search box must never answer with an error.
 */
final class UserQuery {

  private UserQuery() {}

  /** The query for {@code text}; every word must match unless the syntax says otherwise. */
  static Query parse(String text, Analyzer analyzer) {
    // QueryParser is not thread-safe and cheap to make: one per query.
    QueryParser parser = new LenientFieldParser(analyzer);
    parser.setDefaultOperator(QueryParser.Operator.AND);
    try {
      return parser.parse(text);
    } catch (ParseException | IllegalArgumentException e) {
      // Unbalanced quotes, a lone AND, a fuzzy distance out of range and the like: the words
      // still mean something, so search for them without syntax.
      return plainWords(text, analyzer);
    }
  }

  static Query plainWords(String text, Analyzer analyzer) {
    Query query =
        new QueryBuilder(analyzer)
            .createBooleanQuery(MeetingDocuments.TEXT, text, BooleanClause.Occur.MUST);
    // Null when nothing is left after analysis, such as only stop words or punctuation.
    return query == null ? new MatchNoDocsQuery("no searchable words") : query;
  }

  /**
   * Reads {@code word:word} as plain text unless the first word names a field, so times like {@code
   * 10:30} are searched rather than taken for a field called {@code 10}.
   */
  private static final class LenientFieldParser extends QueryParser {

    LenientFieldParser(Analyzer analyzer) {
      super(MeetingDocuments.TEXT, analyzer);
    }

    @Override
    protected Query getFieldQuery(String field, String queryText, boolean quoted)
        throws ParseException {
      if (MeetingDocuments.QUERYABLE_FIELDS.contains(field)) {
        return super.getFieldQuery(field, queryText, quoted);
      }
      return super.getFieldQuery(MeetingDocuments.TEXT, field + ":" + queryText, quoted);
    }
  }
}
