package dev.verbatim.minutes;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a task is for after the meeting. In real meetings most "I'll …" lines are acts done in
 * the room ("I'll draw one", "let me put the top in", "I'll give it a six"), and "you need to …"
 * describes how a thing works; task systems must not receive them. The phrases live in {@code
 * task-signals.txt}.
 */
final class TaskSignals {

  private static final Map<String, List<List<String>>> SECTIONS = load();

  private TaskSignals() {}

  /** The task, from its verb at {@code verb} on, is an act done in the meeting. */
  static boolean inMeeting(Utterance u, int verb) {
    if (startsWithAny(u, verb, SECTIONS.get("in-meeting"))) {
      return true;
    }
    // "I'll be explaining a bit about …" reads as "explain a bit about …".
    String base = Verbs.base(u.token(verb));
    for (List<String> phrase : SECTIONS.get("in-meeting")) {
      if (phrase.get(0).equals(base)
          && (phrase.size() == 1
              || u.matches(verb + 1, phrase.subList(1, phrase.size()).toArray(String[]::new)))) {
        return true;
      }
    }
    return false;
  }

  /** The task is said in general words: "help Suzhou", "take care of the florist". */
  static boolean vague(Utterance u, int verb) {
    return startsWithAny(u, verb, SECTIONS.get("vague"));
  }

  /** Something after the verb puts the act in the meeting: "now", "on the board". */
  static boolean now(Utterance u, int verb) {
    for (int i = verb; i < u.tokens().size(); i++) {
      if (startsWithAny(u, i, SECTIONS.get("now"))) {
        return true;
      }
    }
    return false;
  }

  /** The sentence says when after the meeting: a due date, "next time", "later". */
  static boolean later(Utterance u) {
    return DueDates.find(String.join(" ", u.tokens()), LocalDate.of(2000, 1, 3)).isPresent()
        || anywhere(u, "later");
  }

  /** The sentence names work that is mostly done after a meeting: "email", "look into". */
  static boolean laterWork(Utterance u) {
    return anywhere(u, "later-work");
  }

  private static boolean anywhere(Utterance u, String section) {
    for (int i = 0; i < u.tokens().size(); i++) {
      if (startsWithAny(u, i, SECTIONS.get(section))) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithAny(Utterance u, int at, List<List<String>> phrases) {
    for (List<String> phrase : phrases) {
      if (u.matches(at, phrase.toArray(String[]::new))) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, List<List<String>>> load() {
    Map<String, List<List<String>>> sections = new HashMap<>();
    WordLists.sections("task-signals.txt")
        .forEach(
            (name, phrases) ->
                sections.put(name, phrases.stream().map(p -> List.of(p.split("\\s+"))).toList()));
    for (String section : List.of("in-meeting", "now", "later", "later-work", "vague")) {
      if (!sections.containsKey(section)) {
        throw new IllegalStateException("task-signals.txt has no [" + section + "] section");
      }
    }
    return Map.copyOf(sections);
  }
}
