package dev.verbatim.minutes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words of spoken meeting text: tokens, a light stemmer, and the stop words and fillers that carry
 * no topic. The text comes from Vosk (lowercase English, no digits), possibly capitalised and
 * punctuated by the sentence splitter, so tokens are runs of letters and apostrophes.
 */
final class Terms {

  /** One word as said, its stem, and whether it can carry a topic. */
  record Token(String surface, String stem, boolean content) {}

  private static final Pattern WORD = Pattern.compile("[a-z]+(?:'[a-z]+)*");

  /** Hesitations and backchannels that Vosk writes as words. */
  private static final Set<String> FILLERS =
      words(
          "uh", "um", "er", "erm", "ah", "eh", "hmm", "hm", "mm", "mhm", "mmm", "huh", "oh", "uhm",
          "ugh", "ooh", "aha", "yeah", "yep", "yup", "nope", "okay", "ok", "alright", "uh-huh");

  /**
   * Function words plus the vocabulary of talk itself (think, going, really, stuff): frequent in
   * every meeting, so never a topic. Number words are here too: "twenty" is no keyword.
   */
  private static final Set<String> STOP_WORDS =
      words(
          // function words
          "a",
          "about",
          "above",
          "after",
          "again",
          "against",
          "all",
          "also",
          "although",
          "am",
          "among",
          "an",
          "and",
          "another",
          "any",
          "anybody",
          "anyone",
          "anything",
          "anyway",
          "anyways",
          "are",
          "aren't",
          "around",
          "as",
          "at",
          "away",
          "be",
          "because",
          "been",
          "before",
          "being",
          "below",
          "between",
          "both",
          "but",
          "by",
          "can",
          "can't",
          "cannot",
          "could",
          "couldn't",
          "did",
          "didn't",
          "do",
          "does",
          "doesn't",
          "doing",
          "don't",
          "done",
          "down",
          "during",
          "each",
          "either",
          "else",
          "enough",
          "etc",
          "even",
          "ever",
          "every",
          "everybody",
          "everyone",
          "everything",
          "few",
          "for",
          "from",
          "further",
          "had",
          "hadn't",
          "has",
          "hasn't",
          "have",
          "haven't",
          "having",
          "he",
          "he'd",
          "he'll",
          "he's",
          "her",
          "here",
          "here's",
          "hers",
          "herself",
          "him",
          "himself",
          "his",
          "how",
          "how's",
          "however",
          "i",
          "i'd",
          "i'll",
          "i'm",
          "i've",
          "if",
          "in",
          "into",
          "is",
          "isn't",
          "it",
          "it'd",
          "it'll",
          "it's",
          "its",
          "itself",
          "just",
          "least",
          "less",
          "let",
          "let's",
          "many",
          "may",
          "me",
          "might",
          "mine",
          "more",
          "most",
          "much",
          "must",
          "mustn't",
          "my",
          "myself",
          "neither",
          "never",
          "no",
          "nobody",
          "none",
          "nor",
          "not",
          "nothing",
          "now",
          "of",
          "off",
          "often",
          "on",
          "once",
          "one",
          "ones",
          "only",
          "onto",
          "or",
          "other",
          "others",
          "otherwise",
          "ought",
          "our",
          "ours",
          "ourselves",
          "out",
          "over",
          "own",
          "per",
          "perhaps",
          "quite",
          "rather",
          "same",
          "shall",
          "she",
          "she'd",
          "she'll",
          "she's",
          "should",
          "shouldn't",
          "so",
          "some",
          "somebody",
          "someone",
          "something",
          "sometimes",
          "somewhere",
          "such",
          "than",
          "that",
          "that'll",
          "that's",
          "the",
          "their",
          "theirs",
          "them",
          "themselves",
          "then",
          "there",
          "there's",
          "these",
          "they",
          "they'd",
          "they'll",
          "they're",
          "they've",
          "this",
          "those",
          "though",
          "through",
          "thus",
          "till",
          "to",
          "together",
          "too",
          "toward",
          "towards",
          "under",
          "unless",
          "until",
          "up",
          "upon",
          "us",
          "very",
          "via",
          "was",
          "wasn't",
          "we",
          "we'd",
          "we'll",
          "we're",
          "we've",
          "were",
          "weren't",
          "what",
          "what's",
          "whatever",
          "when",
          "whenever",
          "where",
          "where's",
          "whether",
          "which",
          "while",
          "who",
          "who's",
          "whoever",
          "whole",
          "whom",
          "whose",
          "why",
          "will",
          "with",
          "within",
          "without",
          "won't",
          "would",
          "wouldn't",
          "yes",
          "yet",
          "you",
          "you'd",
          "you'll",
          "you're",
          "you've",
          "your",
          "yours",
          "yourself",
          "yourselves",
          "ain't",
          "gonna",
          "gotta",
          "wanna",
          "kinda",
          "sorta",
          "outta",
          "lemme",
          "dunno",
          "'cause",
          "cause",
          "cuz",
          "y'all",
          "ya",
          // the vocabulary of talk
          "actually",
          "basically",
          "literally",
          "really",
          "totally",
          "definitely",
          "probably",
          "maybe",
          "sure",
          "right",
          "well",
          "like",
          "just",
          "pretty",
          "kind",
          "sort",
          "lot",
          "lots",
          "bit",
          "thing",
          "things",
          "stuff",
          "way",
          "ways",
          "guess",
          "mean",
          "means",
          "meant",
          "know",
          "knew",
          "known",
          "think",
          "thought",
          "thinking",
          "going",
          "go",
          "goes",
          "went",
          "gone",
          "get",
          "gets",
          "getting",
          "got",
          "gotten",
          "make",
          "makes",
          "made",
          "making",
          "take",
          "takes",
          "took",
          "taken",
          "taking",
          "come",
          "comes",
          "came",
          "coming",
          "say",
          "says",
          "said",
          "saying",
          "tell",
          "told",
          "talk",
          "talking",
          "talked",
          "see",
          "saw",
          "seen",
          "seeing",
          "look",
          "looks",
          "looked",
          "looking",
          "want",
          "wants",
          "wanted",
          "need",
          "needs",
          "needed",
          "try",
          "tried",
          "trying",
          "use",
          "used",
          "using",
          "put",
          "keep",
          "give",
          "gave",
          "given",
          "feel",
          "felt",
          "seem",
          "seems",
          "seemed",
          "happen",
          "happens",
          "happened",
          "start",
          "started",
          "stuff",
          "good",
          "great",
          "nice",
          "fine",
          "cool",
          "awesome",
          "bad",
          "big",
          "little",
          "new",
          "old",
          "first",
          "last",
          "next",
          "other",
          "different",
          "important",
          "able",
          "sure",
          "hey",
          "hi",
          "hello",
          "thanks",
          "thank",
          "please",
          "sorry",
          "guys",
          "folks",
          "everyone",
          "everybody",
          "people",
          "person",
          "someone",
          "time",
          "times",
          "today",
          "tomorrow",
          "yesterday",
          "week",
          "weeks",
          "day",
          "days",
          "now",
          "later",
          "soon",
          "still",
          "already",
          "always",
          "back",
          "part",
          "point",
          "question",
          "questions",
          "idea",
          "fact",
          "case",
          "sense",
          "quick",
          "quickly",
          "basic",
          "whatnot",
          "meeting",
          "call",
          // number words
          "zero",
          "two",
          "three",
          "four",
          "five",
          "six",
          "seven",
          "eight",
          "nine",
          "ten",
          "eleven",
          "twelve",
          "thirteen",
          "fourteen",
          "fifteen",
          "sixteen",
          "seventeen",
          "eighteen",
          "nineteen",
          "twenty",
          "thirty",
          "forty",
          "fifty",
          "sixty",
          "seventy",
          "eighty",
          "ninety",
          "hundred",
          "thousand",
          "million",
          "billion",
          "half",
          "second",
          "third",
          "percent");

  private Terms() {}

  /** A set from a list that may repeat itself, which {@link Set#of} refuses. */
  private static Set<String> words(String... words) {
    return Set.copyOf(Arrays.asList(words));
  }

  /** The words of a text in order, lowercased, each with its stem. */
  static List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String surface = m.group();
      tokens.add(new Token(surface, stem(surface), isContent(surface)));
    }
    return tokens;
  }

  /** The stems of a text's content words, in order. */
  static List<String> contentStems(String text) {
    List<String> stems = new ArrayList<>();
    for (Token t : tokens(text)) {
      if (t.content()) {
        stems.add(t.stem());
      }
    }
    return stems;
  }

  static boolean isFiller(String word) {
    return FILLERS.contains(word);
  }

  static boolean isStopWord(String word) {
    return STOP_WORDS.contains(word);
  }

  /** A word that may name a topic: not a filler or stop word, and longer than two letters. */
  static boolean isContent(String word) {
    return word.length() > 2 && !isFiller(word) && !isStopWord(word);
  }

  /**
   * Folds plurals, possessives, -ing and -ed (and a final e, so "release", "released" and
   * "releasing" meet) onto one key. The key is never shown, so it need not be a word; it must only
   * be the same for the forms people mean as one term.
   */
  static String stem(String word) {
    String w = word;
    if (w.endsWith("'s")) {
      w = w.substring(0, w.length() - 2);
    } else if (w.endsWith("s'")) {
      w = w.substring(0, w.length() - 1);
    }
    if (w.length() > 4 && w.endsWith("ies")) {
      w = w.substring(0, w.length() - 3) + "y";
    } else if (w.endsWith("sses")) {
      w = w.substring(0, w.length() - 2);
    } else if (w.length() > 3
        && w.endsWith("s")
        && !w.endsWith("ss")
        && !w.endsWith("us")
        && !w.endsWith("is")) {
      w = w.substring(0, w.length() - 1);
    }
    if (w.length() > 5 && w.endsWith("ing") && hasVowel(w, w.length() - 3)) {
      w = undouble(w.substring(0, w.length() - 3));
    } else if (w.length() > 4 && w.endsWith("ied")) {
      w = w.substring(0, w.length() - 3) + "y";
    } else if (w.length() > 4
        && w.endsWith("ed")
        && !w.endsWith("eed")
        && hasVowel(w, w.length() - 2)) {
      w = undouble(w.substring(0, w.length() - 2));
    }
    if (w.length() > 3 && w.endsWith("e")) {
      w = w.substring(0, w.length() - 1);
    }
    return w;
  }

  private static boolean hasVowel(String w, int end) {
    for (int i = 0; i < end; i++) {
      if ("aeiouy".indexOf(w.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** "planning" → "plann" → "plan"; but "staffing" keeps "staff" and "calling" keeps "call". */
  private static String undouble(String w) {
    int n = w.length();
    if (n > 3 && w.charAt(n - 1) == w.charAt(n - 2) && "lsfz".indexOf(w.charAt(n - 1)) < 0) {
      return w.substring(0, n - 1);
    }
    return w;
  }
}
