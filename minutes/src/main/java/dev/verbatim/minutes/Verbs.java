package dev.verbatim.minutes;

import java.util.Set;

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
          "change",
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
          "file",
          "fill",
          "finish",
          "fix",
          "follow",
          "invite",
          "look",
          "mail",
          "move",
          "order",
          "organize",
          "organise",
          "pay",
          "pick",
          "plan",
          "post",
          "prepare",
          "print",
          "read",
          "remind",
          "renew",
          "reply",
          "report",
          "request",
          "reschedule",
          "return",
          "review",
          "schedule",
          "sell",
          "send",
          "set",
          "share",
          "sign",
          "submit",
          "test",
          "text",
          "update",
          "upload",
          "visit",
          "write");

  private Verbs() {}

  static boolean isImperative(String token) {
    return TASK_VERBS.contains(token);
  }

  /** The base form of a third-person present verb: "sends" to "send", "fixes" to "fix". */
  static String base(String verb) {
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
