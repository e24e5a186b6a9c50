package dev.verbatim.minutes;

import dev.verbatim.core.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sentence as the detectors read it: lowercase tokens with contractions spelled out ("I'll" as "i
 * will", "won't" as "will not"), and with the openers that carry no content ("okay so", "yeah")
 * skipped.
 *
 * @param tokens every token of the sentence
 * @param start the index of the first token after the openers
 */
record Utterance(Sentence sentence, int index, List<String> tokens, int start) {

  private static final Map<String, String> CONTRACTIONS =
      Map.ofEntries(
          Map.entry("won't", "will not"),
          Map.entry("can't", "can not"),
          Map.entry("cannot", "can not"),
          Map.entry("shan't", "shall not"),
          Map.entry("let's", "let us"),
          Map.entry("gonna", "going to"),
          Map.entry("wanna", "want to"),
          Map.entry("gotta", "got to"),
          Map.entry("i'm", "i am"),
          Map.entry("i'd", "i would"),
          Map.entry("it's", "it is"),
          Map.entry("that's", "that is"),
          Map.entry("there's", "there is"));

  /** Words and phrases that open a turn without adding content, longest first. */
  private static final List<List<String>> OPENERS =
      List.of(
          List.of("in", "that", "case"),
          List.of("not", "at", "all"),
          List.of("leave", "it", "with", "me"),
          List.of("that", "is", "mine"),
          List.of("happy", "to", "do", "that"),
          List.of("happy", "to", "do", "it"),
          List.of("thank", "you"),
          List.of("of", "course"),
          List.of("no", "problem"),
          List.of("fair", "enough"),
          List.of("sounds", "good"),
          List.of("that", "is", "fine"),
          List.of("so"),
          List.of("okay"),
          List.of("ok"),
          List.of("alright"),
          List.of("and"),
          List.of("also"),
          List.of("then"),
          List.of("yes"),
          List.of("yeah"),
          List.of("yep"),
          List.of("sure"),
          List.of("right"),
          List.of("well"),
          List.of("um"),
          List.of("uh"),
          List.of("hmm"),
          List.of("great"),
          List.of("perfect"),
          List.of("fine"),
          List.of("good"),
          List.of("cool"),
          List.of("now"),
          List.of("absolutely"),
          List.of("definitely"),
          List.of("certainly"),
          List.of("oh"),
          List.of("actually"),
          List.of("anyway"),
          List.of("thanks"),
          List.of("but"),
          List.of("first"),
          List.of("finally"),
          List.of("next"),
          List.of("and", "then"));

  static Utterance of(Sentence sentence, int index) {
    List<String> tokens = Disfluencies.clean(tokens(sentence.text()));
    return new Utterance(sentence, index, tokens, skipOpeners(tokens));
  }

  static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    for (String raw : text.toLowerCase(Locale.ROOT).split("[\\s,;:!?\"]+|(?<=\\w)\\.(?=\\s|$)")) {
      String token = Sentences.bare(raw.replace('’', '\''));
      if (token.isEmpty()) {
        continue;
      }
      String expanded = CONTRACTIONS.get(token);
      if (expanded == null && token.endsWith("'s") && token.length() > 2) {
        // "Kate's going to …" is "Kate is going to …"; "Kate's report" stays a possessive, which
        // the detectors never read as a subject.
        expanded = token.substring(0, token.length() - 2) + " 's";
      }
      if (expanded == null) {
        expanded =
            token
                .replaceFirst("'ll$", " will")
                .replaceFirst("'re$", " are")
                .replaceFirst("'ve$", " have")
                .replaceFirst("n't$", " not");
      }
      for (String part : expanded.split(" ")) {
        tokens.add(part);
      }
    }
    return tokens;
  }

  /** Skips "okay so", "yes of course" and the like; what is left carries the content. */
  private static int skipOpeners(List<String> tokens) {
    int i = 0;
    boolean skipped = true;
    while (skipped) {
      skipped = false;
      for (List<String> opener : OPENERS) {
        if (i + opener.size() < tokens.size()
            && tokens.subList(i, i + opener.size()).equals(opener)) {
          i += opener.size();
          skipped = true;
          break;
        }
      }
    }
    return i;
  }

  /** The tokens from {@code from} to {@code to} as an utterance of their own, openers skipped. */
  Utterance clause(int from, int to) {
    List<String> part = tokens.subList(from, to);
    return new Utterance(sentence, index, part, skipOpeners(part));
  }

  /** The same sentence, read from {@code start} on. */
  Utterance withStart(int start) {
    return new Utterance(sentence, index, tokens, start);
  }

  String token(int i) {
    return i >= 0 && i < tokens.size() ? tokens.get(i) : "";
  }

  /** Whether the tokens from {@code at} on read {@code words}. */
  boolean matches(int at, String... words) {
    for (int k = 0; k < words.length; k++) {
      if (!token(at + k).equals(words[k])) {
        return false;
      }
    }
    return true;
  }

  /** The index of the first occurrence of {@code words} from {@code from} on, or -1. */
  int find(int from, String... words) {
    for (int i = Math.max(0, from); i + words.length <= tokens.size(); i++) {
      if (matches(i, words)) {
        return i;
      }
    }
    return -1;
  }

  boolean contains(String token) {
    return tokens.contains(token);
  }

  String speakerId() {
    return sentence.speakerId();
  }
}
