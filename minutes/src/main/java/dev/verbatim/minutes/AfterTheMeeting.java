package dev.verbatim.minutes;

import java.util.List;
import java.util.Set;

/**
 * Whether a task found in a sentence is work for after the meeting: real meetings are full of acts
 * done in the room, offers on a condition and questions that only look like tasks.
 */
final class AfterTheMeeting {

  private AfterTheMeeting() {}

  /**
   * "Would you how much would you pay?", "can you change any of those at all?": a question about
   * something, not a request to do it.
   */
  static boolean asksSomethingElse(Utterance u, int verb) {
    for (int i = u.start(); i < u.tokens().size(); i++) {
      boolean whWord = Set.of("how", "what", "which", "why").contains(u.token(i));
      if (whWord
          && i < verb
          && i >= verb - 5
          && Set.of("i", "we", "you").contains(u.token(i + 1))) {
        return true; // "what I'm going to write about", but not "what I can do is I can look …"
      }
      if (whWord && i > verb && u.sentence().question()) {
        return true;
      }
    }
    return u.sentence().question() && u.matches(u.tokens().size() - 2, "at", "all");
  }

  /**
   * "Would you how much would you pay?": a question with a question word in it asks about
   * something, unless the word is what to find out ("can you check what the LCD costs?").
   */
  static boolean asksAbout(Utterance sentence) {
    if (!sentence.sentence().question()) {
      return false;
    }
    for (int i = sentence.start(); i < sentence.tokens().size(); i++) {
      if (Set.of("how", "what", "which", "why", "where", "when").contains(sentence.token(i))
          && !Set.of("check", "find", "out", "see", "ask", "figure", "know", "about", "research")
              .contains(sentence.token(i - 1))) {
        return true;
      }
    }
    return false;
  }

  /** An "if" clause in the sentence before the clause that commits. */
  private static boolean ifBefore(Utterance sentence, Utterance clause) {
    int clauseStart = sentence.tokens().size() - clause.tokens().size();
    for (int i = sentence.start(); i < clauseStart; i++) {
      if (sentence.matches(i, "if") && !sentence.matches(i + 1, "possible")) {
        return true;
      }
    }
    return false;
  }

  /** The task's words after its verb are only "it", "that" and particles: "work it out". */
  private static boolean onlyAnaphor(Utterance u, int verb) {
    // "Write it up" and "send it over" name the work in the verb; "work it out" does not.
    if (!Set.of("work", "look", "figure", "find", "sort", "try", "take", "think", "check")
        .contains(Verbs.base(u.token(verb)))) {
      return false;
    }
    List<String> rest = u.tokens().subList(verb + 1, u.tokens().size());
    return !rest.isEmpty()
        && rest.stream()
            .allMatch(
                t ->
                    TaskWords.ANAPHORS.contains(t)
                        || Set.of("out", "up", "on", "over", "through", "back", "down")
                            .contains(t));
  }

  /**
   * "I'll be doing some trend watching", "so I'll be working on the design": in the opening minutes
   * of a long meeting people say what their part is, not what they will do after it.
   */
  private static boolean introducing(Utterance u, int verb, int sentences) {
    return sentences >= 60
        && u.index() < sentences / 20
        && u.matches(verb - 1, "be")
        && u.token(verb).endsWith("ing");
  }

  /** "I'll let you know as soon as I get any pictures": an offer that waits on something. */
  static boolean conditional(Utterance u, int verb) {
    // "if I get more numbers I'll e-mail you": the offer waits on the "if" before it.
    for (int i = u.start(); i < verb - 2; i++) {
      if (u.matches(i, "if")
          && !u.matches(i + 1, "possible")
          && !u.matches(i + 1, "you")
          && !TaskPatterns.wishedFor(u, i)) {
        return true;
      }
    }
    for (int i = verb + 1; i < u.tokens().size(); i++) {
      if (u.matches(i, "as", "soon", "as") || u.matches(i, "if") || u.matches(i, "in", "case")) {
        return u.matches(verb, "let") || u.matches(verb, "tell") || u.matches(verb, "send");
      }
    }
    return false;
  }

  /**
   * Whether a candidate is work for after the meeting. Real meetings are full of "I'll …" for acts
   * done in the room, "I can …" and "let me …" said in passing, and "you need to …" describing how
   * a thing works: those stay out unless the sentence says when, or names work done later.
   */
  static boolean forAfterTheMeeting(
      TaskCandidate c, Utterance sentence, Participants participants, int sentences) {
    if (c.kind == TaskKind.EXPLICIT) {
      return true;
    }
    Utterance u = c.said;
    boolean when = TaskSignals.later(sentence);
    boolean later = when || TaskSignals.laterWork(sentence);
    boolean justNow = u.matches(c.verbAt - 1, "just") || u.matches(c.verbAt - 2, "just");
    if (justNow && !when
        || !later && (TaskSignals.inMeeting(u, c.verbAt) || TaskSignals.now(u, c.verbAt))) {
      return false;
    }
    if (c.kind == TaskKind.SOFT_COMMITMENT && participants.count() > 1 && !later) {
      return false;
    }
    if (!later && participants.count() > 2 && c.kind == TaskKind.REQUEST && c.ownerName == null) {
      return false; // "can you open my presentation?": asked of whoever is at the laptop, now
    }
    if (!later && c.kind == TaskKind.ASSIGNMENT && u.matches(c.verbAt - 1, "can")) {
      return false; // "Pedro can have it": leave to, not work for
    }
    if (asksSomethingElse(u, c.verbAt) || asksAbout(sentence) || conditional(u, c.verbAt)) {
      return false;
    }
    boolean own = c.kind == TaskKind.COMMITMENT || c.kind == TaskKind.SOFT_COMMITMENT;
    if (own && ifBefore(sentence, u)) {
      return false; // "if I get more numbers, I'll e-mail you": waits on the "if"
    }
    if (own && !later && onlyAnaphor(u, c.verbAt)) {
      return false; // "I'll work it out", "I will look it up": said in passing, about nothing named
    }
    if (own && introducing(u, c.verbAt, sentences)) {
      return false; // "I'll be doing the trend watching": who does what, said at the start
    }
    long words =
        u.tokens().subList(c.verbAt, u.tokens().size()).stream()
            .filter(t -> !TaskWords.DANGLING.contains(t))
            .count();
    // "I'll direct." is no task; "count me in for the tasting" is.
    return words >= 2 || u.tokens().size() - c.verbAt >= 3 || TaskSignals.laterWork(u);
  }
}
