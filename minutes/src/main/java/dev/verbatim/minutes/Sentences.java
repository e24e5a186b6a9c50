package dev.verbatim.minutes;

import dev.verbatim.core.Meeting;
import dev.verbatim.core.Segment;
import dev.verbatim.core.Sentence;
import dev.verbatim.core.Speaker;
import dev.verbatim.core.Word;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a transcript into sentences a reader can follow, and capitalises them for display.
 *
 * <p>Vosk gives lowercase words with no punctuation, so boundaries come from what the speaker did:
 * a change of speaker or segment always ends a sentence; inside a segment, a pause ends one when it
 * is long, or when it is shorter but the next word typically opens a sentence ("so", "I", "can")
 * and the last one cannot end it ("the", "to", "and"). Long run-ons are cut at their longest pause.
 */
final class Sentences {

  /** A pause this long ends a sentence whatever the words around it. */
  static final long LONG_PAUSE_MS = 550;

  /** A pause this long ends a sentence when the words on both sides agree. */
  static final long SHORT_PAUSE_MS = 200;

  /** Sentences longer than this are cut at their longest pause. */
  static final int MAX_WORDS = 30;

  /** Words that usually open a sentence or a new clause in speech. */
  private static final Set<String> OPENERS =
      Set.of(
          "i", "i'll", "i'm", "i've", "i'd", "we", "we'll", "we're", "we've", "let's", "let", "so",
          "okay", "ok", "alright", "right", "well", "now", "also", "anyway", "thanks", "thank",
          "good", "great", "yes", "yeah", "no", "sure", "please", "can", "could", "would", "will",
          "should", "do", "does", "did", "is", "are", "has", "have", "what", "who", "when", "where",
          "why", "how", "which", "action", "hello", "hi", "perfect", "fine", "but", "and", "then",
          "next", "first", "finally", "you", "they", "he", "she", "it's", "that's", "there's",
          "our", "my");

  /** Words a sentence does not end on: articles, prepositions, auxiliaries, conjunctions. */
  private static final Set<String> CONTINUERS =
      Set.of(
          "the", "a", "an", "to", "of", "for", "with", "in", "on", "at", "by", "from", "and", "or",
          "but", "so", "because", "that", "which", "who", "is", "are", "was", "were", "be", "will",
          "would", "can", "could", "should", "shall", "must", "i", "we", "you", "they", "he", "she",
          "my", "our", "your", "their", "his", "her", "its", "this", "these", "those", "than", "as",
          "if", "about", "into", "onto", "very", "really", "just", "also", "not", "do", "does",
          "did", "have", "has", "had", "i'll", "we'll", "let's", "let", "am", "going", "want",
          "need", "like", "some", "any", "all", "every", "each", "no", "more", "most", "until",
          "before", "after", "when", "while", "where", "how", "what");

  /** Words that open a question when they open a sentence. */
  private static final Set<String> QUESTION_OPENERS =
      Set.of(
          "what",
          "who",
          "whom",
          "whose",
          "when",
          "where",
          "why",
          "how",
          "which",
          "is",
          "are",
          "was",
          "were",
          "do",
          "does",
          "did",
          "can",
          "could",
          "would",
          "will",
          "shall",
          "should",
          "have",
          "has",
          "had",
          "may",
          "might",
          "isn't",
          "aren't",
          "don't",
          "doesn't",
          "didn't",
          "won't",
          "can't",
          "couldn't",
          "wouldn't",
          "shouldn't",
          "haven't",
          "hasn't",
          "anyone",
          "anybody",
          "any");

  /** A yes-no question that a sentence may end with: "…, right", "…, okay". */
  private static final Set<String> QUESTION_TAGS = Set.of("right", "correct", "agreed");

  private static final Set<String> MONTHS_ALWAYS =
      Set.of(
          "january",
          "february",
          "april",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december");

  /** "may" and "march" are months only next to a date word; otherwise a verb. */
  private static final Set<String> MONTHS_AMBIGUOUS = Set.of("may", "march");

  private static final Set<String> MONTH_CONTEXT =
      Set.of("in", "of", "by", "until", "before", "after", "early", "mid", "late", "since");

  private static final Set<String> WEEKDAYS =
      Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

  /** Punctuation around a word; apostrophes inside it stay ("i'll"). */
  private static final Pattern EDGES = Pattern.compile("^[^\\p{L}\\p{N}']+|[^\\p{L}\\p{N}']+$");

  private Sentences() {}

  /** Returns the meeting's sentences, in order, with ids {@code s1}, {@code s2}, … */
  static List<Sentence> of(Meeting meeting) {
    Set<String> names = new HashSet<>();
    for (Speaker speaker : meeting.speakers()) {
      if (speaker.name() != null) {
        for (String part : speaker.name().toLowerCase(Locale.ROOT).split("\\s+")) {
          names.add(part);
        }
      }
    }
    return of(meeting.segments(), names);
  }

  static List<Sentence> of(List<Segment> segments, Set<String> participantNames) {
    List<Sentence> sentences = new ArrayList<>();
    for (Segment segment : segments) {
      List<Word> words = wordsOf(segment);
      for (List<Word> run : split(words)) {
        if (run.stream().allMatch(w -> bare(w.text()).isEmpty())) {
          continue; // punctuation only: nothing to read
        }
        sentences.add(sentence(sentences.size() + 1, segment, run, participantNames));
      }
    }
    return sentences;
  }

  /** The segment's words, or its text spread evenly over its span when it has no word timings. */
  private static List<Word> wordsOf(Segment segment) {
    if (!segment.words().isEmpty()) {
      return segment.words();
    }
    String[] tokens = segment.text().trim().split("\\s+");
    if (segment.text().isBlank()) {
      return List.of();
    }
    List<Word> words = new ArrayList<>();
    long span = Math.max(1, segment.endMs() - segment.startMs());
    for (int i = 0; i < tokens.length; i++) {
      long start = segment.startMs() + span * i / tokens.length;
      long end = segment.startMs() + span * (i + 1) / tokens.length;
      words.add(new Word(tokens[i], start, end, 1.0));
    }
    return words;
  }

  static List<List<Word>> split(List<Word> words) {
    List<List<Word>> runs = new ArrayList<>();
    List<Word> current = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      if (!current.isEmpty() && endsBefore(current, words.get(i))) {
        runs.add(current);
        current = new ArrayList<>();
      }
      current.add(words.get(i));
    }
    if (!current.isEmpty()) {
      runs.add(current);
    }
    List<List<Word>> bounded = new ArrayList<>();
    for (List<Word> run : runs) {
      cutLongRun(run, bounded);
    }
    return bounded;
  }

  /**
   * Imported transcripts carry their writer's punctuation: a full stop, question or exclamation
   * mark ends a sentence (not "Mr." or "3.5", which have no space after them in a word's text).
   */
  private static boolean endsWithStop(Word word) {
    String text = word.text();
    return text.length() > 1
        && (text.endsWith(".") || text.endsWith("?") || text.endsWith("!"))
        && !text.matches("(?i)(mr|mrs|ms|dr|st|vs|etc|e\\.g|i\\.e)\\.");
  }

  private static boolean endsBefore(List<Word> sentence, Word next) {
    Word last = sentence.get(sentence.size() - 1);
    long pause = next.startMs() - last.endMs();
    if (pause >= LONG_PAUSE_MS || endsWithStop(last)) {
      return true;
    }
    String lastText = bare(last.text());
    String nextText = bare(next.text());
    return pause >= SHORT_PAUSE_MS
        && sentence.size() >= 3
        && OPENERS.contains(nextText)
        && !CONTINUERS.contains(lastText);
  }

  /**
   * Cuts a run-on at its longest pause, then cuts the pieces the same way. Among equal pauses the
   * cut nearest the middle wins, so fluent speech without pauses splits into halves, not into
   * slivers peeled off one end.
   */
  private static void cutLongRun(List<Word> whole, List<List<Word>> out) {
    Deque<List<Word>> pending = new ArrayDeque<>();
    pending.push(whole);
    while (!pending.isEmpty()) {
      List<Word> run = pending.pop();
      if (run.size() <= MAX_WORDS) {
        out.add(run);
        continue;
      }
      int middle = run.size() / 2;
      int cut = middle;
      long best = Long.MIN_VALUE;
      for (int i = 4; i < run.size() - 3; i++) {
        long pause = run.get(i).startMs() - run.get(i - 1).endMs();
        boolean canEnd = !CONTINUERS.contains(bare(run.get(i - 1).text()));
        // Pause first, then a word that can end a sentence, then closeness to the middle.
        long score = pause * 4 * run.size() + (canEnd ? 2L * run.size() : 0) - Math.abs(i - middle);
        if (score > best) {
          best = score;
          cut = i;
        }
      }
      // The second half goes on the stack first, so the first half is cut, and added, first.
      pending.push(run.subList(cut, run.size()));
      pending.push(run.subList(0, cut));
    }
  }

  private static Sentence sentence(int n, Segment segment, List<Word> words, Set<String> names) {
    List<String> tokens =
        words.stream().map(w -> bare(w.text())).filter(t -> !t.isEmpty()).toList();
    boolean question = isQuestion(tokens) || words.get(words.size() - 1).text().endsWith("?");
    String text = display(tokens, names) + (question ? "?" : ".");
    return new Sentence(
        "s" + n,
        segment.speakerId(),
        words.get(0).startMs(),
        words.get(words.size() - 1).endMs(),
        text,
        question,
        List.of(segment.id()));
  }

  static boolean isQuestion(List<String> tokens) {
    if (tokens.isEmpty()) {
      return false;
    }
    int first = 0;
    // "so", "okay", "and" and a vocative name may come before the question word.
    while (first < tokens.size() - 1
        && Set.of("so", "okay", "ok", "and", "but", "well", "also", "then", "now", "um", "uh")
            .contains(tokens.get(first))) {
      first++;
    }
    String opener = tokens.get(first);
    if (QUESTION_OPENERS.contains(opener)) {
      // "do you", "can we" are questions; "will" opens one only before a subject.
      return !opener.equals("will")
          || first + 1 < tokens.size() && isSubject(tokens.get(first + 1));
    }
    if (first + 1 < tokens.size()
        && QUESTION_OPENERS.contains(tokens.get(first + 1))
        && first + 2 < tokens.size()
        && isSubject(tokens.get(first + 2))) {
      return true; // "maria can you …"
    }
    return tokens.size() > 3 && QUESTION_TAGS.contains(tokens.get(tokens.size() - 1));
  }

  private static boolean isSubject(String token) {
    return Set.of("you", "we", "i", "they", "he", "she", "it", "there", "anyone", "someone")
        .contains(token);
  }

  /** Lowercase ASR tokens to display text: "I", names, weekdays and months capitalised. */
  static String display(List<String> tokens, Set<String> names) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      String shown = token;
      if (token.equals("i") || token.startsWith("i'")) {
        shown = "I" + token.substring(1);
      } else if (names.contains(token)
          || WEEKDAYS.contains(token)
          || MONTHS_ALWAYS.contains(token)
          || MONTHS_AMBIGUOUS.contains(token) && nearDate(tokens, i)) {
        shown = capitalise(token);
      }
      if (i == 0) {
        shown = capitalise(shown);
      } else {
        text.append(' ');
      }
      text.append(shown);
    }
    return text.toString();
  }

  private static boolean nearDate(List<String> tokens, int i) {
    boolean before = i > 0 && MONTH_CONTEXT.contains(tokens.get(i - 1));
    int next = i + 1 < tokens.size() && tokens.get(i + 1).equals("the") ? i + 2 : i + 1;
    boolean after = next < tokens.size() && DueDates.isDayOfMonth(tokens.get(next));
    boolean ofBefore =
        i > 1 && tokens.get(i - 1).equals("of") && DueDates.isDayOfMonth(tokens.get(i - 2));
    return before || after || ofBefore;
  }

  static String capitalise(String token) {
    return token.isEmpty() ? token : Character.toUpperCase(token.charAt(0)) + token.substring(1);
  }

  /** A word in lowercase without surrounding punctuation; apostrophes inside stay. */
  static String bare(String word) {
    return EDGES.matcher(word.toLowerCase(Locale.ROOT)).replaceAll("");
  }
}
