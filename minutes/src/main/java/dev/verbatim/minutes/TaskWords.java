package dev.verbatim.minutes;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The word lists of the action-item patterns, from {@code task-words.txt}. */
final class TaskWords {

  private static final Map<String, List<String>> SECTIONS = WordLists.sections("task-words.txt");

  static final Set<String> MODALS_FUTURE = Set.copyOf(words("modals-future"));

  /** Words between a modal and the verb that add nothing to the task. */
  static final Set<String> FILLERS = Set.copyOf(words("fillers"));

  /** Verbs whose sentence is not a task: feelings, opinions, small talk. */
  static final Set<String> NOT_TASKS = Set.copyOf(words("not-tasks"));

  /** Verbs from {@link #NOT_TASKS} that are tasks with the right object: "get back to", … */
  static final List<List<String>> TASK_PHRASES = phrases("task-phrases");

  /** Said in reply to a request, these accept it without restating it. */
  static final Set<List<String>> ACCEPTANCES = Set.copyOf(phrases("acceptances"));

  /** Words before a name that make it an object, not the subject of what follows. */
  static final Set<String> NAME_AS_OBJECT = Set.copyOf(words("name-as-object"));

  /** Openers that accept what was just asked. */
  static final Set<String> ACCEPTING_OPENERS = Set.copyOf(words("accepting-openers"));

  static final Set<String> ANAPHORS = Set.copyOf(words("anaphors"));

  static final Set<String> PAST_MARKERS = Set.copyOf(words("past-markers"));

  static final Set<String> HEDGES = Set.copyOf(words("hedges"));

  static final Set<String> CLAUSE_ENDS = Set.copyOf(words("clause-ends"));

  static final Set<String> DANGLING = Set.copyOf(words("dangling"));

  private TaskWords() {}

  private static List<String> words(String section) {
    List<String> words = SECTIONS.get(section);
    if (words == null) {
      throw new IllegalStateException("task-words.txt has no [" + section + "] section");
    }
    return words;
  }

  private static List<List<String>> phrases(String section) {
    return words(section).stream().map(p -> List.of(p.split(" "))).toList();
  }
}
