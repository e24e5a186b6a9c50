package dev.verbatim.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/** The queries both engines answer, the same ones in the same order for the same seed. */
final class QueryMix {

  /** What a query exercises; each class has its share of the mix. */
  enum Kind {
    TERM_RARE("term, rare (rank 10k–20k)"),
    TERM_MEDIUM("term, medium (rank 1k–3k)"),
    TERM_COMMON("term, common (rank 30–300)"),
    TWO_TERMS("two terms, AND"),
    PHRASE("phrase"),
    SPEAKER("term + speaker"),
    DATE_RANGE("term + 3 months"),
    SOUND_ALIKE("sound-alike / misspelled"),
    MEMBER("term, as a member");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /**
   * One query.
   *
   * @param words the words, without syntax
   * @param phrase whether the words are a phrase ({@code "quoted"} for Lucene)
   * @param viewer the member searching, from 1, or 0 for someone who sees everything
   */
  record Query(
      Kind kind,
      String words,
      boolean phrase,
      @Nullable String speaker,
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      int viewer) {

    /** What a person types into Verbatim's search box for this query. */
    String typed() {
      return phrase ? '"' + words + '"' : words;
    }
  }

  private QueryMix() {}

  /** {@code count} queries, every kind in turn. */
  static List<Query> of(CorpusGenerator corpus, int count, long seed, List<Kind> kinds) {
    SplittableRandom random = new SplittableRandom(seed);
    Vocabulary words = corpus.vocabulary();
    List<String> phrases = new ArrayList<>();
    for (CorpusGenerator.Selectivity selectivity : CorpusGenerator.Selectivity.values()) {
      phrases.addAll(selectivity.phrases());
    }
    List<String> soundAlike = new ArrayList<>(CorpusGenerator.MISHEARD.keySet());
    soundAlike.sort(null);
    soundAlike.addAll(CorpusGenerator.MISSPELLED);
    List<Query> queries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Kind kind = kinds.get(i % kinds.size());
      queries.add(
          switch (kind) {
            case TERM_RARE -> plain(kind, words.queryWord(random, 10_000, 20_000));
            case TERM_MEDIUM -> plain(kind, words.queryWord(random, 1_000, 3_000));
            case TERM_COMMON -> plain(kind, words.queryWord(random, 30, 300));
            case TWO_TERMS ->
                plain(
                    kind,
                    words.queryWord(random, 30, 3_000) + " " + words.queryWord(random, 300, 3_000));
            case PHRASE ->
                new Query(
                    kind, phrases.get(random.nextInt(phrases.size())), true, null, null, null, 0);
            case SPEAKER ->
                new Query(
                    kind,
                    words.queryWord(random, 30, 300),
                    false,
                    corpus.speakerNames().get(random.nextInt(corpus.speakerNames().size())),
                    null,
                    null,
                    0);
            case DATE_RANGE -> {
              LocalDate from =
                  CorpusGenerator.FIRST_DAY.plusDays(random.nextInt(CorpusGenerator.DAYS - 91));
              yield new Query(
                  kind,
                  words.queryWord(random, 30, 3_000),
                  false,
                  null,
                  from,
                  from.plusDays(90),
                  0);
            }
            case SOUND_ALIKE -> plain(kind, soundAlike.get(random.nextInt(soundAlike.size())));
            case MEMBER ->
                new Query(
                    kind,
                    words.queryWord(random, 30, 3_000),
                    false,
                    null,
                    null,
                    null,
                    random.nextInt(1, CorpusGenerator.USERS + 1));
          });
    }
    return queries;
  }

  private static Query plain(Kind kind, String words) {
    return new Query(kind, words, false, null, null, null, 0);
  }
}
