package dev.verbatim.transcribe.edit;

import dev.verbatim.core.Segment;
import dev.verbatim.core.Word;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.jspecify.annotations.Nullable;

/**
 * Replaces what the recogniser made of words it does not know ("a pixie ban") by the glossary term
 * that sounds the same ("apixaban"), keeping the words' times.
 *
 * <p>A run of one to {@value #MAX_WINDOW} recognised words within a segment matches a term when the
 * Double Metaphone code of its letters is close to the term's and its spelling is not far off
 * either (the code alone lets unrelated words through). One recognised word alone must sound
 * exactly like the term, since it is usually a real word that was really said ("regular" is not
 * "regulatory"), and not be a form of the term ("regulator"); a run of several words may differ by
 * one sound in five, since a recogniser that splits an unknown word into pieces rarely hits every
 * sound, as long as sound and spelling distances together stay under {@value #MAX_DISTANCE}. See
 * {@code docs/glossary.md} for the measured effect. Common function words are never replaced alone,
 * words that already spell a term are never touched, and a replacement never spans two segments.
 */
public final class Glossary {

  /** The most recognised words one term may replace. */
  static final int MAX_WINDOW = 4;

  /** Bounds the work per recognised word, which grows with the number of terms. */
  public static final int MAX_TERMS = 5_000;

  // Tuned on docs/glossary.md's measurements: several words may be one sound in five off the
  // term, as long as sound and spelling distances add up to under a half: 0.5 lets "trip form"
  // become Terraform in meetings that never mention it.
  private static final double MAX_PHONETIC_DISTANCE = 0.2;
  static final double MAX_DISTANCE = 0.45;
  private static final double MAX_SPELLING_DISTANCE_ONE_WORD = 0.34;

  private static final DoubleMetaphone METAPHONE = metaphone();

  /** Words so common that a term sounding like one of them is far likelier to be a mistake. */
  private static final Set<String> FUNCTION_WORDS =
      Set.of(
          "a", "an", "the", "to", "too", "two", "of", "off", "and", "or", "in", "on", "at", "by",
          "for", "from", "with", "is", "it", "its", "be", "as", "so", "we", "i", "you", "he", "she",
          "they", "us", "me", "my", "our", "your", "his", "her", "him", "them", "their", "there",
          "this", "that", "these", "those", "but", "if", "do", "does", "did", "not", "no", "are",
          "was", "were", "am", "has", "have", "had", "will", "would", "can", "could", "shall",
          "should", "may", "might", "must", "up", "out", "about", "then", "than", "here", "what",
          "who", "how", "why", "when", "where", "all", "any", "some", "oh", "uh", "um", "yeah",
          "yes", "ok", "okay", "one", "now", "just", "very");

  private final List<Entry> entries;

  private Glossary(List<Entry> entries) {
    this.entries = entries;
  }

  /**
   * A glossary of {@code terms}, such as an organisation's list followed by a meeting's; of terms
   * that differ only in case, the first is kept.
   *
   * @throws IllegalArgumentException for more than {@value #MAX_TERMS} distinct terms
   */
  public static Glossary of(Collection<GlossaryTerm> terms) {
    Map<String, Entry> distinct = new LinkedHashMap<>();
    for (GlossaryTerm term : terms) {
      distinct.putIfAbsent(term.text().toLowerCase(Locale.ROOT), Entry.of(term));
    }
    if (distinct.size() > MAX_TERMS) {
      throw new IllegalArgumentException(
          "A glossary holds at most " + MAX_TERMS + " terms: " + distinct.size());
    }
    return new Glossary(List.copyOf(distinct.values()));
  }

  public List<GlossaryTerm> terms() {
    return entries.stream().map(Entry::term).toList();
  }

  /** Replaces sound-alikes of the terms in every segment. */
  public Correction apply(List<Segment> segments) {
    List<Segment> corrected = new ArrayList<>(segments.size());
    List<Replacement> replacements = new ArrayList<>();
    for (Segment segment : segments) {
      List<Replacement> found = replacements(segment);
      corrected.add(found.isEmpty() ? segment : replaced(segment, found));
      replacements.addAll(found);
    }
    return new Correction(corrected, replacements);
  }

  /**
   * Puts back the recognised words {@code replacement} replaced in {@code segment}, whatever other
   * replacements in it were reverted before.
   *
   * @throws IllegalArgumentException when the replacement is of another segment
   * @throws IllegalStateException when the replacing words are no longer there, as after an edit
   */
  public static Segment revert(Segment segment, Replacement replacement) {
    if (!segment.id().equals(replacement.segmentId())) {
      throw new IllegalArgumentException(
          "Replacement of segment " + replacement.segmentId() + " given segment " + segment.id());
    }
    List<Word> words = segment.words();
    List<Word> replacing = replacement.replacement();
    for (int at = 0; at + replacing.size() <= words.size(); at++) {
      if (words.subList(at, at + replacing.size()).equals(replacing)) {
        List<Word> reverted = new ArrayList<>(words.subList(0, at));
        reverted.addAll(replacement.original());
        reverted.addAll(words.subList(at + replacing.size(), words.size()));
        return withWords(segment, reverted);
      }
    }
    throw new IllegalStateException(
        "Segment "
            + segment.id()
            + " no longer holds '"
            + replacement.replacementText()
            + "' at "
            + replacement.startMs()
            + " ms, so '"
            + replacement.originalText()
            + "' cannot be put back; it was edited after the correction");
  }

  /** The best non-overlapping matches in {@code segment}, in word order. */
  private List<Replacement> replacements(Segment segment) {
    List<Word> words = segment.words();
    if (entries.isEmpty() || words.isEmpty()) {
      return List.of();
    }
    String[] letters = words.stream().map(w -> Spelling.letters(w.text())).toArray(String[]::new);
    boolean[] protectedWord = spelledTerms(letters);
    List<Match> matches = new ArrayList<>();
    for (int from = 0; from < words.size(); from++) {
      StringBuilder window = new StringBuilder();
      boolean onlyFunctionWords = true;
      for (int to = from; to < Math.min(words.size(), from + MAX_WINDOW); to++) {
        if (protectedWord[to] || letters[to].isEmpty()) {
          break;
        }
        window.append(letters[to]);
        onlyFunctionWords &= FUNCTION_WORDS.contains(letters[to]);
        if (onlyFunctionWords) {
          continue;
        }
        int count = to - from + 1;
        Codes codes = Codes.of(window.toString());
        // A function word at either end must bring the run closer to the term: "a pixie ban" is
        // apixaban, "the regulator" is not regulatory.
        @Nullable String inner = null;
        if (count > 1 && FUNCTION_WORDS.contains(letters[from])) {
          inner = window.substring(letters[from].length());
        } else if (count > 1 && FUNCTION_WORDS.contains(letters[to])) {
          inner = window.substring(0, window.length() - letters[to].length());
        }
        @Nullable Codes innerCodes = inner == null ? null : Codes.of(inner);
        for (Entry entry : entries) {
          double score = entry.score(window.toString(), codes, count == 1);
          if (score >= 0
              && inner != null
              && entry.distance(inner, Objects.requireNonNull(innerCodes)) <= score) {
            score = -1;
          }
          if (score >= 0) {
            matches.add(new Match(from, count, entry, score));
          }
        }
      }
    }
    // Best first; of equals, the one covering more recognised words, then the earlier.
    matches.sort(
        Comparator.comparingDouble(Match::score)
            .thenComparing(Comparator.comparingInt(Match::count).reversed())
            .thenComparingInt(Match::from));
    boolean[] taken = new boolean[words.size()];
    List<Match> chosen = new ArrayList<>();
    for (Match match : matches) {
      boolean free = true;
      for (int i = match.from(); i < match.from() + match.count(); i++) {
        free &= !taken[i];
      }
      if (free) {
        for (int i = match.from(); i < match.from() + match.count(); i++) {
          taken[i] = true;
        }
        chosen.add(match);
      }
    }
    chosen.sort(Comparator.comparingInt(Match::from));
    List<Replacement> replacements = new ArrayList<>(chosen.size());
    for (Match match : chosen) {
      List<Word> original = words.subList(match.from(), match.from() + match.count());
      replacements.add(
          new Replacement(segment.id(), match.from(), original, match.entry().over(original)));
    }
    return replacements;
  }

  /** Marks the words that already spell a term, alone or in a run, so no match consumes them. */
  private boolean[] spelledTerms(String[] letters) {
    boolean[] spelled = new boolean[letters.length];
    for (Entry entry : entries) {
      int n = entry.wordLetters().size();
      for (int from = 0; from + n <= letters.length; from++) {
        boolean same = true;
        for (int k = 0; k < n && same; k++) {
          same = letters[from + k].equals(entry.wordLetters().get(k));
        }
        if (same) {
          for (int k = 0; k < n; k++) {
            spelled[from + k] = true;
          }
        }
      }
    }
    return spelled;
  }

  private static Segment replaced(Segment segment, List<Replacement> replacements) {
    List<Word> words = new ArrayList<>();
    int next = 0;
    for (Replacement replacement : replacements) {
      words.addAll(segment.words().subList(next, replacement.wordIndex()));
      words.addAll(replacement.replacement());
      next = replacement.wordIndex() + replacement.wordCount();
    }
    words.addAll(segment.words().subList(next, segment.words().size()));
    return withWords(segment, words);
  }

  /** The segment with other words and, as the transcript assembler writes it, their text. */
  static Segment withWords(Segment segment, List<Word> words) {
    return new Segment(
        segment.id(),
        segment.speakerId(),
        segment.startMs(),
        segment.endMs(),
        Replacement.text(words),
        words);
  }

  private static DoubleMetaphone metaphone() {
    DoubleMetaphone metaphone = new DoubleMetaphone();
    // The default of four sounds cannot tell "apixaban" from "a pick saw".
    metaphone.setMaxCodeLen(64);
    return metaphone;
  }

  /** The primary and alternate Double Metaphone codes of some letters. */
  private record Codes(String primary, String alternate) {

    static Codes of(String letters) {
      return new Codes(
          METAPHONE.doubleMetaphone(letters, false), METAPHONE.doubleMetaphone(letters, true));
    }

    /** The closest of the codes, as a share of the longer code; 1 when either is empty. */
    double distance(Codes other) {
      return Math.min(
          Math.min(d(primary, other.primary), d(primary, other.alternate)),
          Math.min(d(alternate, other.primary), d(alternate, other.alternate)));
    }

    private static double d(String a, String b) {
      return a.isEmpty() || b.isEmpty() ? 1 : Spelling.normalizedDistance(a, b);
    }
  }

  private record Entry(GlossaryTerm term, List<String> wordLetters, String letters, Codes codes) {

    static Entry of(GlossaryTerm term) {
      List<String> wordLetters = List.of(term.words()).stream().map(Spelling::letters).toList();
      String letters = String.join("", wordLetters);
      return new Entry(term, wordLetters, letters, Codes.of(letters));
    }

    /**
     * How far the recognised {@code window} is from this term, sound and spelling added, or -1 when
     * it is too far to replace.
     */
    double score(String window, Codes windowCodes, boolean oneWord) {
      if (window.equals(letters)) {
        // Only the spacing differs ("kuber netes"): a match, unless it already reads the same.
        return wordLetters.size() == 1 && oneWord ? -1 : 0;
      }
      double sound = codes.distance(windowCodes);
      double spelling = Spelling.normalizedDistance(window, letters);
      if (oneWord) {
        // A form of the term itself ("regulator", "regulators") is a real word, really said.
        boolean inflection = window.startsWith(letters) || letters.startsWith(window);
        return sound == 0 && spelling <= MAX_SPELLING_DISTANCE_ONE_WORD && !inflection
            ? spelling
            : -1;
      }
      return sound <= MAX_PHONETIC_DISTANCE && sound + spelling <= MAX_DISTANCE
          ? sound + spelling
          : -1;
    }

    /** Sound and spelling distance of some letters from this term, whatever the limits. */
    double distance(String window, Codes windowCodes) {
      return codes.distance(windowCodes) + Spelling.normalizedDistance(window, letters);
    }

    /** The term's words laid over the time of the recognised words they replace. */
    List<Word> over(List<Word> original) {
      double confidence = original.stream().mapToDouble(Word::confidence).min().orElseThrow();
      List<String> texts = List.of(term.words());
      return Timing.spread(
          texts,
          texts.stream().map(t -> confidence).toList(),
          original.get(0).startMs(),
          original.get(original.size() - 1).endMs());
    }
  }

  private record Match(int from, int count, Entry entry, double score) {}
}
