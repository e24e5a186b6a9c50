package dev.verbatim.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Turns what a person typed into a Lucene query. Query syntax is honoured where it parses; anything
 * else is searched as plain words, because a search box must never answer with an error. Every word
 * as typed may also match words that sound like it (see {@link SoundAlike}), ranked lower.
 *
 * @param query the words and syntax, or null when only dates were typed
 * @param marked what marks the matches in snippets: the words and syntax without the preference for
 *     words said together, so that each word is marked rather than the stretch between
 * @param after only meetings held on or after this day, from {@code after:2025-03-01}
 * @param before only meetings held before this day, from {@code before:2025-04-01}
 */
record UserQuery(
    @Nullable Query query,
    @Nullable Query marked,
    @Nullable LocalDate after,
    @Nullable LocalDate before) {

  /** {@code before:} and {@code after:} with an ISO date, anywhere in the text. */
  private static final Pattern DATE_BOUND =
      Pattern.compile("(?<![\\w:])(before|after):(\\d{4}-\\d{2}-\\d{2})(?![\\w-])");

  /**
   * The query for {@code text}; every word must match unless the syntax says otherwise.
   *
   * @param soundAlike which words, given as their exact query, may also match words that sound like
   *     them
   */
  static UserQuery parse(String text, Analyzer analyzer, Predicate<Query> soundAlike) {
    LocalDate after = null;
    LocalDate before = null;
    StringBuilder words = new StringBuilder();
    Matcher bound = DATE_BOUND.matcher(text);
    while (bound.find()) {
      LocalDate day = day(bound.group(2));
      if (day == null) {
        // Not a real day, like 2025-02-30: leave it to be searched as text.
        continue;
      }
      if (bound.group(1).equals("after")) {
        after = after == null || day.isAfter(after) ? day : after;
      } else {
        before = before == null || day.isBefore(before) ? day : before;
      }
      bound.appendReplacement(words, " ");
    }
    bound.appendTail(words);
    String rest = words.toString();
    if (rest.isBlank()) {
      return new UserQuery(null, null, after, before);
    }
    Query marked = parsed(rest, analyzer, soundAlike);
    return new UserQuery(saidTogetherFirst(marked, rest, analyzer), marked, after, before);
  }

  private static @Nullable LocalDate day(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** How far apart words typed together may be to count as said together. */
  private static final int PHRASE_SLOP = 2;

  /** How much more words said together weigh than the same words apart. */
  private static final float PHRASE_BOOST = 2f;

  /** Plain words only: anything else is syntax that decides the match by itself. */
  private static final Pattern PLAIN_WORDS = Pattern.compile("[\\p{L}\\p{N}'\\s]+");

  /** {@code query}, ranking first where several plain words typed were said together. */
  private static Query saidTogetherFirst(Query query, String text, Analyzer analyzer) {
    if (!PLAIN_WORDS.matcher(text).matches() || text.strip().split("\\s+").length < 2) {
      return query;
    }
    // Several plain words: those that were said together, in this order, rank first.
    Query together =
        new QueryBuilder(analyzer).createPhraseQuery(MeetingDocuments.TEXT, text, PHRASE_SLOP);
    if (together == null) {
      return query;
    }
    return new BooleanQuery.Builder()
        .add(query, BooleanClause.Occur.MUST)
        .add(new BoostQuery(together, PHRASE_BOOST), BooleanClause.Occur.SHOULD)
        .build();
  }

  private static Query parsed(String text, Analyzer analyzer, Predicate<Query> soundAlike) {
    // QueryParser is not thread-safe and cheap to make: one per query.
    QueryParser parser = new LenientFieldParser(analyzer, soundAlike);
    parser.setDefaultOperator(QueryParser.Operator.AND);
    // Word by word, so each word may match by sound on its own.
    parser.setSplitOnWhitespace(true);
    try {
      return parser.parse(text);
    } catch (ParseException | IllegalArgumentException e) {
      // Unbalanced quotes, a lone AND, a fuzzy distance out of range and the like: the words
      // still mean something, so search for them without syntax.
      return plainWords(text, analyzer, soundAlike);
    }
  }

  static Query plainWords(String text, Analyzer analyzer, Predicate<Query> soundAlike) {
    QueryBuilder builder = new QueryBuilder(analyzer);
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    int clauses = 0;
    for (String word : text.split("[\\s\\p{Punct}&&[^'_-]]+")) {
      Query exact = builder.createBooleanQuery(MeetingDocuments.TEXT, word);
      // Null when nothing is left after analysis, such as a stop word or punctuation.
      if (exact != null) {
        all.add(
            soundAlike.test(exact) ? SoundAlike.orLike(exact, word) : exact,
            BooleanClause.Occur.MUST);
        clauses++;
      }
    }
    return clauses == 0 ? new MatchNoDocsQuery("no searchable words") : all.build();
  }

  /**
   * Reads {@code word:word} as plain text unless the first word names a field, so times like {@code
   * 10:30} are searched rather than taken for a field called {@code 10}; and lets plain words match
   * by sound as well.
   */
  private static final class LenientFieldParser extends QueryParser {

    private final Predicate<Query> soundAlike;

    LenientFieldParser(Analyzer analyzer, Predicate<Query> soundAlike) {
      super(MeetingDocuments.TEXT, analyzer);
      this.soundAlike = soundAlike;
    }

    @Override
    protected @Nullable Query getFieldQuery(String field, String queryText, boolean quoted)
        throws ParseException {
      if (!MeetingDocuments.QUERYABLE_FIELDS.contains(field)) {
        return textQuery(field + ":" + queryText, quoted);
      }
      if (field.equals(MeetingDocuments.TEXT)) {
        return textQuery(queryText, quoted);
      }
      return super.getFieldQuery(field, queryText, quoted);
    }

    @Override
    protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
      // An excluded word excludes only itself: "-friday" must not drop "for the", which sounds
      // like it.
      List<BooleanClause> exact = new ArrayList<>(clauses.size());
      for (BooleanClause clause : clauses) {
        exact.add(
            clause.getOccur() == BooleanClause.Occur.MUST_NOT
                ? new BooleanClause(SoundAlike.exactOnly(clause.getQuery()), clause.getOccur())
                : clause);
      }
      return super.getBooleanQuery(exact);
    }

    private @Nullable Query textQuery(String queryText, boolean quoted) throws ParseException {
      Query exact = super.getFieldQuery(MeetingDocuments.TEXT, queryText, quoted);
      if (exact == null || quoted || !soundAlike.test(exact)) {
        // A stop word, or a phrase, which means these words exactly.
        return exact;
      }
      return SoundAlike.orLike(exact, queryText);
    }
  }
}
