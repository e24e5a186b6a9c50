package dev.verbatim.minutes;

import java.util.Set;
import java.util.regex.Pattern;

/** Just enough English verb morphology for writing tasks as imperatives. */
final class Verbs {

  /**
   * Verbs that open a to-do when a sentence starts with them ("Pay the bill", "Call the dentist").
   * Only used where an imperative can only be meant for the speaker: a voice memo.
   */
  private static final Set<String> TASK_VERBS =
      Set.of(
          "add",
          "apply",
          "ask",
          "book",
          "buy",
          "call",
          "cancel",
          "check",
          "clean",
          "close",
          "collect",
          "confirm",
          "contact",
          "create",
          "deliver",
          "draft",
          "email",
          "fill",
          "finish",
          "fix",
          "invite",
          "mail",
          "move",
          "organize",
          "organise",
          "pay",
          "pick",
          "prepare",
          "print",
          "read",
          "remind",
          "renew",
          "reply",
          "request",
          "reschedule",
          "return",
          "review",
          "schedule",
          "sell",
          "send",
          "share",
          "sign",
          "submit",
          "update",
          "upload",
          "visit",
          "write");

  /** What follows a verb used as a command: its object. */
  private static final Set<String> OBJECT_STARTS =
      Set.of(
          "the", "a", "an", "my", "our", "your", "this", "that", "these", "those", "it", "them",
          "him", "her", "me", "us", "some", "all", "both", "every", "each", "up", "back", "out",
          "in");

  private Verbs() {}

  /**
   * Whether a command starts at {@code i}: a task verb followed by its object ("Pay the bill",
   * "Call him back"). Said in a single voice, most sentences opening with such a word are
   * statements ("Update on hiring", "Check."), so the object is required.
   */
  static boolean isImperative(Utterance u, int i) {
    return TASK_VERBS.contains(u.token(i))
        && u.tokens().size() - i >= 3
        && OBJECT_STARTS.contains(u.token(i + 1));
  }

  /** Stems that take back an "e" lost before "-ing": "updat" is "update", "mak" is "make". */
  private static final Pattern LOST_E =
      Pattern.compile(
          ".*[^aeiou](at|ar|ak|ul|iz|is|ov|ag|ur|uc|ud|ir|as|av|id|ot|ut|os|iv|ic)|writ");

  /**
   * The base form of a third-person present verb or a gerund: "sends" to "send", "fixes" to "fix",
   * "pulling" to "pull", "writing" to "write".
   */
  static String base(String verb) {
    if (verb.length() > 5 && verb.endsWith("ing")) {
      String stem = verb.substring(0, verb.length() - 3);
      int n = stem.length();
      if (n > 2
          && stem.charAt(n - 1) == stem.charAt(n - 2)
          && "lsz".indexOf(stem.charAt(n - 1)) < 0) {
        return stem.substring(0, n - 1); // "running" to "run", but "calling" stays "call"
      }
      return LOST_E.matcher(stem).matches() ? stem + "e" : stem;
    }
    if (verb.length() > 4 && verb.endsWith("ies")) {
      return verb.substring(0, verb.length() - 3) + "y";
    }
    if (verb.length() > 4 && verb.matches(".*(ss|sh|ch|x|z)es")) {
      return verb.substring(0, verb.length() - 2);
    }
    if (verb.length() > 3 && verb.endsWith("s") && !verb.endsWith("ss") && !verb.endsWith("us")) {
      return verb.substring(0, verb.length() - 1);
    }
    return verb;
  }
}
