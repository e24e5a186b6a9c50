package dev.verbatim.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.phonetic.DoubleMetaphoneFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;

/**
 * Finds words by how they sound, for speech recognition's mistakes: a recogniser that heard
 * "regular tory" for "regulatory" wrote words that sound almost the same. Each word, and each run
 * of two or three words written together, is indexed as its Double Metaphone code; a query word
 * matches codes within one edit of its own, so "regulatory" (RKLTR) finds "regular tory" (RKLRTR).
 */
final class SoundAlike {

  /** Longer than Double Metaphone's default of 4, so long words keep what tells them apart. */
  static final int CODE_LENGTH = 8;

  /** Shorter codes match too much when a letter may differ, so they must match exactly. */
  private static final int FUZZY_FROM_LENGTH = 4;

  /** Codes that differ in their first letters sound too different to offer. */
  private static final int SAME_PREFIX = 2;

  private static final int MAX_EXPANSIONS = 16;

  /** Short words sound like too many others to be worth a guess. */
  private static final int MIN_LETTERS = 5;

  /**
   * What a sound-alike match scores: below any exact match, so it ranks under every hit that has
   * the word as written, and the same for all, since how alike two codes are says little more.
   */
  private static final float SCORE = 0.001f;

  private SoundAlike() {}

  /** Encodes single words the way the index does, so that query and index agree by design. */
  private static final Analyzer WORD_CODES =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          Tokenizer words = new KeywordTokenizer();
          return new TokenStreamComponents(
              words, new DoubleMetaphoneFilter(words, CODE_LENGTH, false));
        }
      };

  /** The primary and alternate codes of one word. */
  private static Set<String> codes(String word) {
    Set<String> codes = new LinkedHashSet<>();
    try (TokenStream stream = WORD_CODES.tokenStream(MeetingDocuments.SOUND, word)) {
      CharTermAttribute code = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        if (code.length() > 0) {
          codes.add(code.toString());
        }
      }
      stream.end();
    } catch (IOException e) {
      // Analysing a string in memory reads nothing that could fail.
      throw new UncheckedIOException("Cannot encode \"" + word + "\"", e);
    }
    return codes;
  }

  /** The analyzer of the sound-alike field. */
  static Analyzer analyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer words = new StandardTokenizer();
        ShingleFilter runs = new ShingleFilter(new LowerCaseFilter(words), 2, 3);
        runs.setTokenSeparator("");
        return new TokenStreamComponents(
            words, new DoubleMetaphoneFilter(runs, CODE_LENGTH, false));
      }
    };
  }

  /**
   * {@code exact}, or else words that sound like {@code word}, scored below any exact match. Just
   * {@code exact} for a word too short or with no letters.
   */
  static Query orLike(Query exact, String word) {
    Query like = like(word);
    if (like == null) {
      return exact;
    }
    return new BooleanQuery.Builder()
        .add(exact, BooleanClause.Occur.SHOULD)
        .add(new BoostQuery(new ConstantScoreQuery(like), SCORE), BooleanClause.Occur.SHOULD)
        .build();
  }

  /** {@code query} without the sound-alike alternative {@link #orLike} gave it, if it has one. */
  static Query exactOnly(Query query) {
    if (query instanceof BooleanQuery words
        && words.clauses().size() == 2
        && words.clauses().get(1).getQuery() instanceof BoostQuery like
        && like.getBoost() == SCORE
        && like.getQuery() instanceof ConstantScoreQuery) {
      return words.clauses().get(0).getQuery();
    }
    return query;
  }

  /** The query for words that sound like {@code word}, or null when it is too short to guess. */
  static @Nullable Query like(String word) {
    String letters = word.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
    if (letters.length() < MIN_LETTERS) {
      return null;
    }
    Set<String> codes = codes(letters);
    if (codes.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (String code : codes) {
      Term term = new Term(MeetingDocuments.SOUND, code);
      query.add(
          code.length() < FUZZY_FROM_LENGTH
              ? new TermQuery(term)
              : new FuzzyQuery(term, 1, SAME_PREFIX, MAX_EXPANSIONS, true),
          BooleanClause.Occur.SHOULD);
    }
    return query.build();
  }
}
