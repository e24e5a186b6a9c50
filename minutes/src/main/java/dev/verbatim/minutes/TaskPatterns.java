package dev.verbatim.minutes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The patterns that find a task in a sentence: explicit items, commitments, requests and
 * assignments, each with its owner and the index of its verb.
 */
final class TaskPatterns {

  private TaskPatterns() {}

  /**
   * Cuts a sentence where a new task may start: "I'll let the managers know tomorrow mark can you
   * have a draft to me" holds two. Speech without pauses runs such clauses together. A sentence
   * that opens with a condition stays whole, so its condition keeps applying.
   */
  static List<Utterance> clauses(Utterance u, Participants participants) {
    if (startsConditional(u)) {
      return List.of(u);
    }
    List<Integer> starts = new ArrayList<>(List.of(0));
    for (int k = u.start() + 3; k < u.tokens().size() - 2; k++) {
      String before = u.token(k - 1);
      if (Set.of(
              "that", "if", "when", "unless", "maybe", "perhaps", "said", "think", "because",
              "what", "how", "which", "where", "why")
          .contains(before)) {
        continue;
      }
      boolean iCommit =
          u.matches(k, "i") && Set.of("will", "shall", "am", "can").contains(u.token(k + 1));
      boolean addressed =
          participants.isName(u.token(k))
              && Set.of("can", "could", "would", "please", "you").contains(u.token(k + 1));
      boolean asked =
          Set.of("can", "could", "would").contains(u.token(k))
              && u.matches(k + 1, "you")
              && !participants.isName(before);
      if ((iCommit || addressed || asked) && k - starts.get(starts.size() - 1) >= 3) {
        starts.add(k);
      }
    }
    if (starts.size() == 1) {
      return List.of(u);
    }
    List<Utterance> clauses = new ArrayList<>();
    for (int c = 0; c < starts.size(); c++) {
      int to = c + 1 < starts.size() ? starts.get(c + 1) : u.tokens().size();
      clauses.add(u.clause(starts.get(c), to));
    }
    return clauses;
  }

  static @Nullable TaskCandidate detect(Utterance u, Participants participants) {
    if (isPast(u) || startsConditional(u)) {
      return null;
    }
    TaskCandidate explicit = explicit(u, participants);
    if (explicit != null) {
      return explicit;
    }
    TaskCandidate request = request(u, participants);
    if (request != null) {
      return request;
    }
    TaskCandidate assignment = assignment(u, participants);
    if (assignment != null) {
      return assignment;
    }
    TaskCandidate commitment = commitment(u);
    if (commitment == null && participants.count() == 1 && Verbs.isImperative(u, u.start())) {
      // A voice memo's bare imperatives are the speaker's own to-dos: "Pay the electricity bill."
      return owned(new TaskCandidate(TaskKind.SOFT_COMMITMENT, u, u.start()), u);
    }
    return commitment;
  }

  static @Nullable TaskCandidate explicit(Utterance u, Participants participants) {
    int at = u.find(0, "action", "item");
    int length = 2;
    if (at < 0) {
      at = u.find(0, "action", "items");
    }
    if (at < 0
        && u.matches(u.start(), "to", "do")
        && !Set.of("something", "anything", "it", "that", "this", "some", "the", "with")
            .contains(u.token(u.start() + 2))) {
      at = u.start();
    }
    int mine = u.find(0, "my", "action");
    if (at < 0 && mine < 0) {
      mine = u.find(0, "my", "to", "do");
    }
    if (at < 0 && mine >= 0) {
      // "my action is to update the playbook": the speaker's own item.
      int p = mine + (u.matches(mine + 1, "action") ? 2 : 3);
      while (Set.of("item", "items", "is", "are", "to", "will", "be").contains(u.token(p))) {
        p++;
      }
      int verb = verbAt(u, p);
      return verb < 0 ? null : owned(new TaskCandidate(TaskKind.EXPLICIT, u, verb), u);
    }
    int nextStep = u.find(0, "next", "step");
    if (at < 0 && nextStep >= 0) {
      at = nextStep; // "next step: update the handbook"
    }
    int toDoFor = u.find(0, "to", "do", "for");
    if (at < 0 && toDoFor >= 0 && participants.isName(u.token(toDoFor + 3))) {
      at = toDoFor; // "not yet. to do for john: review the narrative"
    }
    if (at < 0) {
      at = u.find(0, "todo");
      length = 1;
    }
    if (at < 0) {
      return null;
    }
    int p = at + length;
    String forName = null;
    if (u.matches(p, "for") && participants.isName(u.token(p + 1))) {
      forName = u.token(p + 1);
      p += 2;
    }
    while (Set.of("is", "are", "to", "here", "number", "one", "two", "three", "s", "will", "be")
        .contains(u.token(p))) {
      p++;
    }
    TaskCandidate inner = assignment(u.withStart(p), participants);
    if (inner == null) {
      inner = commitment(u.withStart(p));
    }
    if (inner == null && participants.isName(u.token(p)) && u.token(p + 1).endsWith("s")) {
      // "Action item: John sends the test plan", minutes style.
      inner = new TaskCandidate(TaskKind.EXPLICIT, u, p + 1);
      inner.ownerName = u.token(p);
    }
    TaskCandidate item;
    if (inner != null) {
      item = new TaskCandidate(TaskKind.EXPLICIT, u, inner.verbAt);
      item.ownerName = inner.ownerName;
      item.ownerSpeakerId = inner.ownerSpeakerId;
    } else {
      int verb = verbAt(u, p);
      if (verb < 0) {
        return null;
      }
      item = new TaskCandidate(TaskKind.EXPLICIT, u, verb);
    }
    if (forName != null) {
      item.ownerName = forName;
    }
    return item;
  }

  static @Nullable TaskCandidate commitment(Utterance u) {
    int countMeIn = u.find(u.start(), "count", "me", "in", "for");
    if (countMeIn >= 0 && countMeIn + 4 < u.tokens().size()) {
      // "Count me in for the tasting": written as "Take part in the tasting".
      return owned(new TaskCandidate(TaskKind.COMMITMENT, u, countMeIn + 2), u);
    }
    for (int i = u.start(); i < u.tokens().size(); i++) {
      if (u.matches(i, "let", "me")) {
        int verb = verbAt(u, i + 2);
        if (verb >= 0 && !u.matches(i + 2, "know") && !u.matches(i + 2, "check", "if")) {
          return owned(new TaskCandidate(TaskKind.SOFT_COMMITMENT, u, verb), u);
        }
        continue;
      }
      if (!u.token(i).equals("i") || precededByHedge(u, i) || u.sentence().question()) {
        continue;
      }
      int p = i + 1;
      TaskKind kind;
      if (TaskWords.MODALS_FUTURE.contains(u.token(p))) {
        p++;
        kind = TaskKind.COMMITMENT;
      } else if (u.matches(p, "am", "going", "to") || u.matches(p, "am", "planning", "to")) {
        p += 3;
        kind = TaskKind.COMMITMENT;
      } else if (u.matches(p, "plan", "to") || u.matches(p, "intend", "to")) {
        p += 2;
        kind = TaskKind.COMMITMENT;
      } else if (u.matches(p, "can") || u.matches(p, "should") || u.matches(p, "must")) {
        p++;
        kind = TaskKind.SOFT_COMMITMENT;
      } else if (u.matches(p, "need", "to") || u.matches(p, "have", "to")) {
        p += 2;
        kind = TaskKind.SOFT_COMMITMENT;
      } else {
        continue;
      }
      if (isNegated(u, p)) {
        return null;
      }
      if (u.matches(p, "be") && !u.token(p + 1).endsWith("ing")) {
        // "I'll be there and write it up": the task is the second verb.
        int and = u.find(p, "and");
        if (and > 0 && and <= p + 3 && verbAt(u, and + 1) == and + 1) {
          return owned(new TaskCandidate(kind, u, and + 1), u);
        }
        continue;
      }
      int verb = verbAt(u, u.matches(p, "be") ? p + 1 : p);
      if (verb >= 0) {
        return owned(new TaskCandidate(kind, u, verb), u);
      }
    }
    return null;
  }

  static TaskCandidate owned(TaskCandidate candidate, Utterance u) {
    candidate.ownerSpeakerId = u.speakerId();
    return candidate;
  }

  static @Nullable TaskCandidate request(Utterance u, Participants participants) {
    // Sentences run together in speech ("we can do that maria could you …"), so a request may
    // start anywhere.
    for (int at = u.start(); at < u.tokens().size() - 1; at++) {
      TaskCandidate request = requestAt(u, at, participants);
      if (request != null) {
        return request;
      }
    }
    return null;
  }

  static @Nullable TaskCandidate requestAt(Utterance u, int at, Participants participants) {
    int p = at;
    String vocative = null;
    if (participants.isName(u.token(p))
        && Set.of("can", "could", "would", "will", "please", "you", "i", "make", "do", "any")
            .contains(u.token(p + 1))) {
      vocative = u.token(p);
      p++;
    }
    TaskKind kind = null;
    int verbFrom = -1;
    if (Set.of("can", "could", "would", "will").contains(u.token(p)) && u.matches(p + 1, "you")) {
      verbFrom = p + 2;
      if (u.matches(verbFrom, "please")) {
        verbFrom++;
      }
      if (u.matches(verbFrom, "mind")) {
        verbFrom++;
      }
      if (u.matches(verbFrom, "be", "able", "to")) {
        verbFrom += 3; // "would you be able to look at the logs"
      }
      if (u.matches(p, "will") && vocative == null) {
        return null; // "will you be there" without a name is a question, not a request
      }
      kind = TaskKind.REQUEST;
    } else if (u.matches(p, "please")) {
      verbFrom = p + 1;
      kind = TaskKind.REQUEST;
    } else if (Set.of("can", "could", "may").contains(u.token(p))
        && u.matches(p + 1, "i", "ask", "you")) {
      // "could I ask you (and Sarah) to put the numbers together"
      verbFrom = p + 4;
      if (u.matches(verbFrom, "and")) {
        verbFrom += 2;
      }
      if (!u.matches(verbFrom, "to")) {
        return null;
      }
      verbFrom++;
      kind = TaskKind.REQUEST;
    } else if (vocative != null && u.matches(p, "you", "are", "on")) {
      verbFrom = p + 2; // "Mark, you're on the policy text": "Work on the policy text"
      kind = TaskKind.SOFT_REQUEST;
    } else if (u.matches(p, "if") && wishedFor(u, p)) {
      // "it would be great if Steve could clear the scaffolding"
      int subject = p + 1;
      int modal = subject + 1;
      if (participants.isName(u.token(subject)) || u.matches(subject, "you")) {
        if (Set.of("could", "can", "would").contains(u.token(modal))) {
          vocative = participants.isName(u.token(subject)) ? u.token(subject) : vocative;
          verbFrom = modal + 1;
          kind = TaskKind.REQUEST;
        }
      }
    } else if (u.matches(p, "any", "chance")) {
      // "any chance your engineer could come out in three days?"
      for (int k = p + 2; k < Math.min(u.tokens().size(), p + 7); k++) {
        if (Set.of("could", "can", "would").contains(u.token(k))) {
          verbFrom = k + 1;
          kind = TaskKind.REQUEST;
          break;
        }
      }
    } else if (u.matches(p, "i", "need", "you", "to")
        || u.matches(p, "i", "want", "you", "to")
        || u.matches(p, "i", "would", "like", "you", "to")) {
      verbFrom = p + (u.matches(p + 1, "would") ? 5 : 4);
      kind = TaskKind.REQUEST;
    } else if (p == u.start() || vocative != null) {
      if (u.matches(p, "you", "need", "to")
          || u.matches(p, "you", "have", "to")
          || u.matches(p, "make", "sure", "you")
          || u.matches(p, "do", "not", "forget", "to")) {
        verbFrom = p + (u.matches(p, "do") ? 4 : 3);
        kind = TaskKind.SOFT_REQUEST;
      } else if (vocative != null
          && (u.matches(p, "you", "should") || u.matches(p, "you", "will"))) {
        verbFrom = p + 2;
        kind = TaskKind.SOFT_REQUEST;
      } else if (progressiveWork(u, p)) {
        // "you'll be working on the technical functions": the chair hands out work; whoever
        // answers it owns it.
        verbFrom = u.find(p, "be") + 1;
        kind = TaskKind.SOFT_REQUEST;
      } else if (Set.of("can", "could").contains(u.token(p))
          && Set.of("someone", "somebody", "anyone", "anybody").contains(u.token(p + 1))) {
        verbFrom = p + 2;
        kind = TaskKind.OPEN_REQUEST;
      } else if (Set.of("someone", "somebody").contains(u.token(p))
          && (u.matches(p + 1, "needs", "to") || u.matches(p + 1, "should"))) {
        verbFrom = p + (u.matches(p + 1, "should") ? 2 : 3);
        kind = TaskKind.OPEN_REQUEST;
      } else if (Set.of("someone", "somebody").contains(u.token(p))
          && u.matches(p + 1, "has", "to")) {
        verbFrom = p + 3;
        kind = TaskKind.OPEN_REQUEST;
      }
    }
    if (kind == null
        && (u.matches(p, "we", "need", "someone", "to")
            || u.matches(p, "we", "need", "somebody", "to")
            || u.matches(p, "who", "can")
            || u.matches(p, "who", "wants", "to")
            || u.matches(p, "does", "anyone", "want", "to")
            || u.matches(p, "anyone", "want", "to"))) {
      // Open calls: whoever answers "I'll do it" owns them.
      int to = u.find(p, "to");
      verbFrom = u.matches(p, "who", "can") ? p + 2 : to + 1;
      kind = TaskKind.OPEN_REQUEST;
    }
    if (kind == null) {
      return null;
    }
    int verb = verbAt(u, verbFrom);
    if (verb < 0 || isImmediate(u, verb) || participants.isName(u.token(verb))) {
      return null;
    }
    TaskCandidate candidate = new TaskCandidate(kind, u, verb);
    candidate.ownerName = vocative != null ? vocative : trailingVocative(u, participants);
    return candidate;
  }

  /** "you will be working on …", "you are going to be thinking about …". */
  static boolean progressiveWork(Utterance u, int p) {
    int be =
        u.matches(p, "you", "will", "be")
            ? p + 2
            : u.matches(p, "you", "are", "going", "to", "be") ? p + 4 : -1;
    return be > 0 && u.token(be + 1).endsWith("ing") && u.token(be + 1).length() > 4;
  }

  /**
   * Whether the "if" at {@code p} follows a wish: "it would be great if", "I'd appreciate it if".
   */
  static boolean wishedFor(Utterance u, int p) {
    for (int k = Math.max(0, p - 4); k < p; k++) {
      if (Set.of("great", "good", "nice", "helpful", "ideal", "appreciate", "perfect", "brilliant")
          .contains(u.token(k))) {
        return true;
      }
    }
    return false;
  }

  /** "send me the report maria": a name at the very end addresses the listener. */
  static @Nullable String trailingVocative(Utterance u, Participants participants) {
    int last = u.tokens().size() - 1;
    String token = u.token(last);
    String before = u.token(last - 1);
    boolean preposition =
        Set.of("to", "with", "from", "for", "and", "by", "of", "at").contains(before);
    return participants.isName(token) && !preposition && last > u.start() + 2 ? token : null;
  }

  /** Requests for something done right now, in the meeting: not tasks. */
  static boolean isImmediate(Utterance u, int verb) {
    String next = u.token(verb + 1);
    return switch (u.token(verb)) {
      case "tell", "remind", "show", "walk" -> next.equals("me") || next.equals("us");
      case "share" -> u.token(verb + 2).equals("screen");
      case "give" -> (next.equals("us") || next.equals("me")) && u.contains("update");
      case "make" -> next.equals("it");
      case "send" -> next.equals("it") && u.matches(verb + 2, "now");
      default -> false;
    };
  }

  static @Nullable TaskCandidate assignment(Utterance u, Participants participants) {
    int plan = u.find(u.start(), "the", "plan", "is");
    if (plan >= 0) {
      // "the plan is for James to collect the scores", "the plan is that Ben sets up …"
      int name = plan + (u.matches(plan + 3, "for") || u.matches(plan + 3, "that") ? 4 : 3);
      if (participants.isName(u.token(name))) {
        int verb = u.matches(name + 1, "to") ? name + 2 : name + 1;
        TaskCandidate candidate = new TaskCandidate(TaskKind.ASSIGNMENT, u, verb);
        candidate.ownerName = u.token(name);
        return verbAt(u, verb) == verb || u.token(verb).endsWith("s") ? candidate : null;
      }
    }
    for (int i = u.start(); i < u.tokens().size() - 2; i++) {
      // A name ahead of a modal is its subject unless a preposition or a verb of speech makes it
      // an object: "tell maria we will …" is not maria's task.
      boolean clauseStart =
          i == u.start()
              || !TaskWords.NAME_AS_OBJECT.contains(u.token(i - 1))
              || u.matches(i - 2, "let", "us")
              || i >= 3 && u.matches(i - 3, "let", "us");
      String name = u.token(i);
      if (!clauseStart || !participants.isName(name)) {
        continue;
      }
      int p = i + 1;
      if (u.matches(p, "and", "i") || u.matches(p, "and")) {
        continue;
      }
      boolean delegated =
          i >= 2 && u.matches(i - 2, "let", "us")
              || i >= 3
                  && u.matches(i - 3, "let", "us")
                  && Set.of("have", "get", "ask").contains(u.token(i - 1));
      if (delegated && u.matches(p, "to")) {
        p++; // "let's ask Peter to check the logs"
      } else if (delegated) {
        // "let's have Mark look into the complaints": the verb follows the name.
      } else if (TaskWords.MODALS_FUTURE.contains(u.token(p))
          || u.matches(p, "can")
          || u.matches(p, "to")) {
        p++;
      } else if (u.matches(p, "'s", "going", "to")) {
        p += 3;
      } else if ((u.matches(p, "'s", "on") || u.matches(p, "is", "on"))
          && Set.of("the", "a", "an", "that", "this", "it").contains(u.token(p + 2))) {
        // "Sarah's on the password page": hers to do. Written as "Work on the password page".
        TaskCandidate candidate = new TaskCandidate(TaskKind.ASSIGNMENT, u, p + 1);
        candidate.ownerName = name;
        return candidate;
      } else if (u.matches(p, "is", "going", "to")) {
        p += 3;
      } else if (u.matches(p, "needs", "to") || u.matches(p, "has", "to")) {
        p += 2;
      } else if (u.matches(p, "should")) {
        p++;
      } else {
        continue;
      }
      if (isNegated(u, p)) {
        return null;
      }
      if (u.matches(p, "be") && !u.token(p + 1).endsWith("ing")) {
        continue;
      }
      int verb = verbAt(u, u.matches(p, "be") ? p + 1 : p);
      if (verb >= 0) {
        TaskCandidate candidate = new TaskCandidate(TaskKind.ASSIGNMENT, u, verb);
        candidate.ownerName = name;
        return candidate;
      }
    }
    return null;
  }

  /** The index of the action verb at or after {@code from}, past fillers; -1 if none. */
  static int verbAt(Utterance u, int from) {
    int p = from;
    while (p < u.tokens().size() && TaskWords.FILLERS.contains(u.token(p))) {
      if (u.matches(p, "go") && !u.matches(p + 1, "ahead")) {
        break;
      }
      if (u.matches(p, "make") && !u.matches(p + 1, "sure")) {
        break;
      }
      if (u.matches(p, "that") && !u.matches(p - 1, "sure")) {
        break;
      }
      p++;
    }
    if (p >= u.tokens().size()) {
      return -1;
    }
    String verb = u.token(p);
    if (verb.equals("share") && u.find(p, "screen") >= 0 && u.find(p, "screen") <= p + 3) {
      return -1; // "I'll share my screen" happens in the meeting
    }
    if (verb.equals("have") && hasTaskObject(u, p)) {
      return p;
    }
    if (verb.equals("get")
        && !Set.of(
                "started", "going", "there", "home", "lunch", "coffee", "some", "better", "worse",
                "used", "back", "to", "it", "this", "that", "on", "off", "in", "out", "through")
            .contains(u.token(p + 1))
        && u.token(p + 1).length() > 2
        && !u.token(p + 1).endsWith("ed")) {
      return p; // "get quotes from the carriers"
    }
    // "I'll be talking about the components" is "talk about": not a task either.
    if (TaskWords.NOT_TASKS.contains(verb)
        || verb.endsWith("ing") && TaskWords.NOT_TASKS.contains(Verbs.base(verb))) {
      for (List<String> phrase : TaskWords.TASK_PHRASES) {
        if (u.matches(p, phrase.toArray(String[]::new))) {
          return p;
        }
      }
      return -1;
    }
    return verb.length() > 1 && Character.isLetter(verb.charAt(0)) ? p : -1;
  }

  /** "have a proper look", "have a comparison ready", "have it done by Friday". */
  static boolean hasTaskObject(Utterance u, int p) {
    for (int k = p + 1; k < Math.min(u.tokens().size(), p + 6); k++) {
      if (Set.of("look", "ready", "done", "finished", "sorted", "draft", "chat", "word")
          .contains(u.token(k))) {
        return true;
      }
    }
    return false;
  }

  static boolean isNegated(Utterance u, int p) {
    return u.matches(p, "not") || u.matches(p, "never");
  }

  static boolean isPast(Utterance u) {
    for (int i = 0; i < u.tokens().size(); i++) {
      String token = u.token(i);
      if (token.equals("last")
          && !Set.of(
                  "week",
                  "month",
                  "year",
                  "time",
                  "night",
                  "friday",
                  "meeting",
                  "monday",
                  "tuesday",
                  "wednesday",
                  "thursday")
              .contains(u.token(i + 1))) {
        continue;
      }
      // "I'm gonna work on the conceptual design already": already, but ahead.
      boolean ahead =
          token.equals("already") && (u.find(0, "going", "to") >= 0 || u.contains("will"));
      if (TaskWords.PAST_MARKERS.contains(token) && !ahead) {
        return true;
      }
    }
    return u.find(0, "was", "going", "to") >= 0 || u.find(0, "were", "going", "to") >= 0;
  }

  static boolean startsConditional(Utterance u) {
    return Set.of("if", "unless", "when", "whenever", "once").contains(u.token(u.start()));
  }

  static boolean precededByHedge(Utterance u, int i) {
    for (int k = Math.max(0, i - 3); k < i; k++) {
      if (TaskWords.HEDGES.contains(u.token(k))
          || u.token(k).equals("said")
          || u.token(k).equals("think")) {
        return true;
      }
    }
    return false;
  }
}
