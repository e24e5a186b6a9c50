package dev.verbatim.minutes;

import dev.verbatim.core.ActionItem;
import dev.verbatim.core.ActionItemStatus;
import dev.verbatim.core.Sentence;
import dev.verbatim.core.SpeakerIdentification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * Finds what people agreed to do: commitments ("I'll send …"), requests ("Maria, can you …"),
 * assignments ("Peter will prepare …") and explicit items ("action item: …").
 *
 * <p>It reads one sentence at a time with patterns over a subject, a modal and an action verb, and
 * rejects what only looks like a task: negations, past tense, conditionals, questions that ask for
 * something said now ("can you hear me"), small talk and meeting logistics. A reply to a request
 * ("Sure, I'll do that") is folded into the request: it confirms who owns it, may add the due date,
 * and, when the request named someone, tells us the name of the speaker who answered.
 */
final class ActionItems {

  /** Below this confidence a candidate is left out of the minutes. */
  static final double THRESHOLD = 0.5;

  private static final Set<String> MODALS_FUTURE = Set.of("will", "shall");

  /** Words between a modal and the verb that add nothing to the task. */
  private static final Set<String> FILLERS =
      Set.of(
          "also",
          "just",
          "probably",
          "definitely",
          "quickly",
          "then",
          "personally",
          "certainly",
          "really",
          "first",
          "now",
          "actually",
          "soon",
          "please",
          "gladly",
          "happily",
          "go",
          "ahead",
          "and",
          "try",
          "to",
          "make",
          "sure",
          "that",
          "still",
          "surely",
          "immediately",
          "briefly");

  /** Verbs whose sentence is not a task: feelings, opinions, small talk. */
  private static final Set<String> NOT_TASKS =
      Set.of(
          "be",
          "eat",
          "love",
          "like",
          "miss",
          "bet",
          "guess",
          "think",
          "say",
          "admit",
          "agree",
          "disagree",
          "hope",
          "wish",
          "want",
          "know",
          "remember",
          "forget",
          "feel",
          "believe",
          "mean",
          "suppose",
          "wonder",
          "understand",
          "stay",
          "sleep",
          "die",
          "need",
          "leave",
          "come",
          "join",
          "grab",
          "enjoy",
          "hear",
          "imagine",
          "assume",
          "not",
          "never",
          "ever",
          "the",
          "a",
          "an",
          "it",
          "that",
          "this",
          "there",
          "here",
          "you",
          "me",
          "we",
          "so",
          "too",
          "always",
          "again",
          "get",
          "have",
          "keep",
          "stop",
          "start",
          "begin",
          "wait",
          "hold",
          "pass",
          "hand",
          "wrap",
          "mute",
          "unmute",
          "repeat",
          "speak",
          "explain",
          "clarify",
          "elaborate",
          "introduce",
          "recap",
          "summarize",
          "summarise",
          "continue",
          "move",
          "return",
          "see",
          "talk",
          "go",
          "do",
          "nobody",
          "everybody",
          "everyone",
          "someone",
          "somebody",
          "anyone",
          "anybody",
          "nothing",
          "everything",
          "yes",
          "all",
          "both",
          "each",
          "my",
          "your",
          "his",
          "her",
          "our",
          "their",
          "what",
          "which",
          "who",
          "sorry",
          "thanks",
          "thank",
          "well",
          "mine",
          "yours",
          "were",
          "was",
          "are",
          "is",
          "am",
          "had",
          "has",
          "did",
          "can",
          "could",
          "would",
          "should",
          "will",
          "might",
          "must");

  /** Verbs from {@link #NOT_TASKS} that are tasks with the right object: "get back to", … */
  private static final List<List<String>> TASK_PHRASES =
      List.of(
          List.of("get", "back"),
          List.of("get", "in", "touch"),
          List.of("get", "the"),
          List.of("get", "a"),
          List.of("get", "an"),
          List.of("get", "it"),
          List.of("get", "that"),
          List.of("get", "them"),
          List.of("have", "a", "look"),
          List.of("have", "it"),
          List.of("have", "the"),
          List.of("keep", "track"),
          List.of("keep", "an", "eye"),
          List.of("start", "the"),
          List.of("start", "on"),
          List.of("start", "drafting"),
          List.of("move", "the"),
          List.of("see", "if"),
          List.of("see", "whether"),
          List.of("talk", "to"),
          List.of("come", "out"),
          List.of("come", "over"),
          List.of("come", "by"),
          List.of("talk", "with"),
          List.of("go", "through"),
          List.of("go", "over"),
          List.of("do", "a"),
          List.of("do", "the"),
          List.of("do", "some"),
          List.of("pass", "it", "on"),
          List.of("hand", "it", "over"),
          List.of("explain", "it", "to"),
          List.of("summarize", "the"),
          List.of("summarise", "the"));

  /** Said in reply to a request, these accept it without restating it. */
  private static final Set<List<String>> ACCEPTANCES =
      Set.of(
          List.of("sure"),
          List.of("okay"),
          List.of("ok"),
          List.of("yes"),
          List.of("yeah"),
          List.of("will", "do"),
          List.of("on", "it"),
          List.of("i", "am", "on", "it"),
          List.of("no", "problem"),
          List.of("of", "course"),
          List.of("absolutely"),
          List.of("consider", "it", "done"),
          List.of("sure", "thing"),
          List.of("can", "do"),
          List.of("not", "at", "all"),
          List.of("leave", "it", "with", "me"),
          List.of("that", "is", "mine"),
          List.of("i", "can", "take", "that"),
          List.of("i", "will", "take", "that"),
          List.of("happy", "to", "do", "that"),
          List.of("happy", "to", "do", "it"));

  /** Words before a name that make it an object, not the subject of what follows. */
  private static final Set<String> NAME_AS_OBJECT =
      Set.of(
          "to", "with", "for", "from", "of", "at", "by", "about", "tell", "told", "ask", "asked",
          "thank", "thanks", "than", "like", "said", "says", "email", "emailed", "let", "unlike",
          "without", "hi", "hello", "dear");

  /** Openers that accept what was just asked. */
  private static final Set<String> ACCEPTING_OPENERS =
      Set.of(
          "sure",
          "yes",
          "yeah",
          "yep",
          "leave",
          "mine",
          "happy",
          "problem",
          "course",
          "absolutely",
          "definitely",
          "certainly",
          "okay",
          "ok",
          "alright",
          "all");

  private static final Set<String> ANAPHORS =
      Set.of("it", "that", "this", "them", "those", "something", "one");

  private static final Set<String> PAST_MARKERS = Set.of("yesterday", "ago", "already", "last");

  private static final Set<String> HEDGES = Set.of("maybe", "perhaps", "possibly", "might");

  private static final Set<String> CLAUSE_ENDS =
      Set.of("because", "since", "so", "but", "if", "unless", "when", "once", "although", "while");

  private static final Set<String> DANGLING =
      Set.of(
          "by", "on", "before", "until", "till", "for", "in", "within", "at", "the", "and", "to",
          "of", "no", "later", "than", "latest", "end", "please", "thanks", "okay", "ok", "right",
          "then", "now", "today", "as", "well", "too");

  private ActionItems() {}

  /** What was found: the items, and the speakers named along the way. */
  record Found(List<ActionItem> items, List<SpeakerIdentification> identifications) {}

  private enum Kind {
    EXPLICIT(0.95),
    COMMITMENT(0.85),
    ASSIGNMENT(0.85),
    REQUEST(0.85),
    SOFT_COMMITMENT(0.6),
    SOFT_REQUEST(0.65),
    OPEN_REQUEST(0.7),
    HAND_OFF(0.8);

    final double base;

    Kind(double base) {
      this.base = base;
    }
  }

  /** A task being built: who it is for is settled once replies have been read. */
  private static final class Candidate {
    final Kind kind;
    final Utterance said;
    final int verbAt;
    @Nullable String ownerName;
    @Nullable String ownerSpeakerId;
    @Nullable LocalDate due;

    /** Whether the due date was said as a day ("Thursday"), not a span ("this week"). */
    boolean dueSpecific;

    final List<Utterance> replies = new ArrayList<>();

    /** The same task said in other words by the same person, merged into this one. */
    final List<Utterance> alsoSaid = new ArrayList<>();

    double confidence;

    Candidate(Kind kind, Utterance said, int verbAt) {
      this.kind = kind;
      this.said = said;
      this.verbAt = verbAt;
      this.confidence = kind.base;
    }

    boolean awaitsOwner() {
      return kind == Kind.REQUEST
          || kind == Kind.SOFT_REQUEST
          || kind == Kind.OPEN_REQUEST
          || kind == Kind.ASSIGNMENT;
    }
  }

  static Found find(
      List<Sentence> sentences,
      LocalDate meetingDate,
      Participants participants,
      ToDoubleFunction<Sentence> recognitionConfidence) {
    List<Candidate> candidates = new ArrayList<>();
    List<SpeakerIdentification> identifications = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      Utterance said = Utterance.of(sentences.get(i), i);
      Candidate reply = replyTarget(said, candidates, participants);
      if (reply != null) {
        acceptReply(reply, said, participants, meetingDate, identifications);
        continue;
      }
      Candidate own = followedUp(said, candidates);
      if (own != null) {
        // "Let me ask the sponsor. I'll do it next Tuesday." The second sentence only dates the
        // first.
        laterWord(own, DueDates.find(said.sentence().text(), meetingDate));
        continue;
      }
      List<HandOffs.HandOff> handOffs = HandOffs.find(said, participants);
      for (HandOffs.HandOff handOff : handOffs) {
        Candidate given =
            new Candidate(Kind.HAND_OFF, said.clause(0, handOff.end()), handOff.verbAt());
        given.ownerSpeakerId = handOff.speakerId();
        given.due =
            DueDates.find(said.sentence().text(), meetingDate).map(DueDate::date).orElse(null);
        if (forAfterTheMeeting(given, said, participants)) {
          candidates.add(given);
        }
      }
      if (!handOffs.isEmpty()) {
        continue;
      }
      Candidate inSentence = null;
      for (Utterance clause : clauses(said, participants)) {
        if (inSentence != null && inSentence.kind == Kind.OPEN_REQUEST && isAcceptance(clause)) {
          // "We need someone to run the training. I'll do it myself."
          inSentence.ownerSpeakerId = said.speakerId();
          continue;
        }
        Candidate found = detect(clause, participants);
        if (found == null || !forAfterTheMeeting(found, said, participants)) {
          continue;
        }
        found.confidence *= 0.7 + 0.3 * recognitionConfidence.applyAsDouble(said.sentence());
        // The clause's own date; else the sentence's, as speech puts a date anywhere in it ("Mark,
        // you're on the policy text, a draft early next week").
        Optional<DueDate> due =
            DueDates.find(String.join(" ", clause.tokens()), meetingDate)
                .or(() -> DueDates.find(said.sentence().text(), meetingDate));
        found.due = due.map(DueDate::date).orElse(null);
        found.dueSpecific = due.map(DueDates::isSpecific).orElse(false);
        candidates.add(found);
        inSentence = found;
      }
    }
    List<ActionItem> items = new ArrayList<>();
    Set<Candidate> merged = mergeSameTask(candidates);
    for (Candidate candidate : candidates) {
      if (candidate.confidence < THRESHOLD || merged.contains(candidate)) {
        continue;
      }
      if (candidate.kind == Kind.SOFT_REQUEST
          && candidate.ownerName == null
          && (candidate.ownerSpeakerId == null
              || !candidate.said.matches(candidate.verbAt - 1, "be"))
          && participants.count() > 2) {
        continue; // "you need to browse the channels": how it works, and nobody took it on
      }
      if (candidate.kind == Kind.OPEN_REQUEST && candidate.ownerSpeakerId == null) {
        continue; // "somebody needs to answer the letter", and nobody took it on: a wish, not a
        // task
      }
      String owner = owner(candidate, participants);
      String text = text(candidate, participants, meetingDate);
      if (text.isBlank() || isDuplicate(text, owner, items)) {
        continue;
      }
      Sentence sentence = candidate.said.sentence();
      items.add(
          new ActionItem(
              "a" + (items.size() + 1),
              text,
              owner,
              candidate.due,
              ActionItemStatus.OPEN,
              sentence.startMs(),
              segmentIds(candidate),
              Math.round(candidate.confidence * 100) / 100.0,
              quote(candidate)));
    }
    return new Found(items, identifications);
  }

  // ---- detection ---------------------------------------------------------------------------

  /**
   * "Would you how much would you pay?", "can you change any of those at all?": a question about
   * something, not a request to do it.
   */
  private static boolean asksSomethingElse(Utterance u, int verb) {
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
  private static boolean asksAbout(Utterance sentence) {
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

  /** "I'll let you know as soon as I get any pictures": an offer that waits on something. */
  private static boolean conditional(Utterance u, int verb) {
    // "if I get more numbers I'll e-mail you": the offer waits on the "if" before it.
    for (int i = u.start(); i < verb - 2; i++) {
      if (u.matches(i, "if")
          && !u.matches(i + 1, "possible")
          && !u.matches(i + 1, "you")
          && !wishedFor(u, i)) {
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
  private static boolean forAfterTheMeeting(
      Candidate c, Utterance sentence, Participants participants) {
    if (c.kind == Kind.EXPLICIT) {
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
    if (c.kind == Kind.SOFT_COMMITMENT && participants.count() > 1 && !later) {
      return false;
    }
    if (!later && participants.count() > 2 && c.kind == Kind.REQUEST && c.ownerName == null) {
      return false; // "can you open my presentation?": asked of whoever is at the laptop, now
    }
    if (!later && c.kind == Kind.ASSIGNMENT && u.matches(c.verbAt - 1, "can")) {
      return false; // "Pedro can have it": leave to, not work for
    }
    if (asksSomethingElse(u, c.verbAt) || asksAbout(sentence) || conditional(u, c.verbAt)) {
      return false;
    }
    long words =
        u.tokens().subList(c.verbAt, u.tokens().size()).stream()
            .filter(t -> !DANGLING.contains(t))
            .count();
    // "I'll direct." is no task; "count me in for the tasting" is.
    return words >= 2 || u.tokens().size() - c.verbAt >= 3 || TaskSignals.laterWork(u);
  }

  /**
   * Cuts a sentence where a new task may start: "I'll let the managers know tomorrow mark can you
   * have a draft to me" holds two. Speech without pauses runs such clauses together. A sentence
   * that opens with a condition stays whole, so its condition keeps applying.
   */
  private static List<Utterance> clauses(Utterance u, Participants participants) {
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

  private static @Nullable Candidate detect(Utterance u, Participants participants) {
    if (isPast(u) || startsConditional(u)) {
      return null;
    }
    Candidate explicit = explicit(u, participants);
    if (explicit != null) {
      return explicit;
    }
    Candidate request = request(u, participants);
    if (request != null) {
      return request;
    }
    Candidate assignment = assignment(u, participants);
    if (assignment != null) {
      return assignment;
    }
    Candidate commitment = commitment(u);
    if (commitment == null && participants.count() == 1 && Verbs.isImperative(u, u.start())) {
      // A voice memo's bare imperatives are the speaker's own to-dos: "Pay the electricity bill."
      return owned(new Candidate(Kind.SOFT_COMMITMENT, u, u.start()), u);
    }
    return commitment;
  }

  private static @Nullable Candidate explicit(Utterance u, Participants participants) {
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
      return verb < 0 ? null : owned(new Candidate(Kind.EXPLICIT, u, verb), u);
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
    Candidate inner = assignment(u.withStart(p), participants);
    if (inner == null) {
      inner = commitment(u.withStart(p));
    }
    if (inner == null && participants.isName(u.token(p)) && u.token(p + 1).endsWith("s")) {
      // "Action item: John sends the test plan", minutes style.
      inner = new Candidate(Kind.EXPLICIT, u, p + 1);
      inner.ownerName = u.token(p);
    }
    Candidate item;
    if (inner != null) {
      item = new Candidate(Kind.EXPLICIT, u, inner.verbAt);
      item.ownerName = inner.ownerName;
      item.ownerSpeakerId = inner.ownerSpeakerId;
    } else {
      int verb = verbAt(u, p);
      if (verb < 0) {
        return null;
      }
      item = new Candidate(Kind.EXPLICIT, u, verb);
    }
    if (forName != null) {
      item.ownerName = forName;
    }
    return item;
  }

  private static @Nullable Candidate commitment(Utterance u) {
    int countMeIn = u.find(u.start(), "count", "me", "in", "for");
    if (countMeIn >= 0 && countMeIn + 4 < u.tokens().size()) {
      // "Count me in for the tasting": written as "Take part in the tasting".
      return owned(new Candidate(Kind.COMMITMENT, u, countMeIn + 2), u);
    }
    for (int i = u.start(); i < u.tokens().size(); i++) {
      if (u.matches(i, "let", "me")) {
        int verb = verbAt(u, i + 2);
        if (verb >= 0 && !u.matches(i + 2, "know") && !u.matches(i + 2, "check", "if")) {
          return owned(new Candidate(Kind.SOFT_COMMITMENT, u, verb), u);
        }
        continue;
      }
      if (!u.token(i).equals("i") || precededByHedge(u, i) || u.sentence().question()) {
        continue;
      }
      int p = i + 1;
      Kind kind;
      if (MODALS_FUTURE.contains(u.token(p))) {
        p++;
        kind = Kind.COMMITMENT;
      } else if (u.matches(p, "am", "going", "to") || u.matches(p, "am", "planning", "to")) {
        p += 3;
        kind = Kind.COMMITMENT;
      } else if (u.matches(p, "plan", "to") || u.matches(p, "intend", "to")) {
        p += 2;
        kind = Kind.COMMITMENT;
      } else if (u.matches(p, "can") || u.matches(p, "should") || u.matches(p, "must")) {
        p++;
        kind = Kind.SOFT_COMMITMENT;
      } else if (u.matches(p, "need", "to") || u.matches(p, "have", "to")) {
        p += 2;
        kind = Kind.SOFT_COMMITMENT;
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
          return owned(new Candidate(kind, u, and + 1), u);
        }
        continue;
      }
      int verb = verbAt(u, u.matches(p, "be") ? p + 1 : p);
      if (verb >= 0) {
        return owned(new Candidate(kind, u, verb), u);
      }
    }
    return null;
  }

  private static Candidate owned(Candidate candidate, Utterance u) {
    candidate.ownerSpeakerId = u.speakerId();
    return candidate;
  }

  private static @Nullable Candidate request(Utterance u, Participants participants) {
    // Sentences run together in speech ("we can do that maria could you …"), so a request may
    // start anywhere.
    for (int at = u.start(); at < u.tokens().size() - 1; at++) {
      Candidate request = requestAt(u, at, participants);
      if (request != null) {
        return request;
      }
    }
    return null;
  }

  private static @Nullable Candidate requestAt(Utterance u, int at, Participants participants) {
    int p = at;
    String vocative = null;
    if (participants.isName(u.token(p))
        && Set.of("can", "could", "would", "will", "please", "you", "i", "make", "do", "any")
            .contains(u.token(p + 1))) {
      vocative = u.token(p);
      p++;
    }
    Kind kind = null;
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
      kind = Kind.REQUEST;
    } else if (u.matches(p, "please")) {
      verbFrom = p + 1;
      kind = Kind.REQUEST;
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
      kind = Kind.REQUEST;
    } else if (vocative != null && u.matches(p, "you", "are", "on")) {
      verbFrom = p + 2; // "Mark, you're on the policy text": "Work on the policy text"
      kind = Kind.SOFT_REQUEST;
    } else if (u.matches(p, "if") && wishedFor(u, p)) {
      // "it would be great if Steve could clear the scaffolding"
      int subject = p + 1;
      int modal = subject + 1;
      if (participants.isName(u.token(subject)) || u.matches(subject, "you")) {
        if (Set.of("could", "can", "would").contains(u.token(modal))) {
          vocative = participants.isName(u.token(subject)) ? u.token(subject) : vocative;
          verbFrom = modal + 1;
          kind = Kind.REQUEST;
        }
      }
    } else if (u.matches(p, "any", "chance")) {
      // "any chance your engineer could come out in three days?"
      for (int k = p + 2; k < Math.min(u.tokens().size(), p + 7); k++) {
        if (Set.of("could", "can", "would").contains(u.token(k))) {
          verbFrom = k + 1;
          kind = Kind.REQUEST;
          break;
        }
      }
    } else if (u.matches(p, "i", "need", "you", "to")
        || u.matches(p, "i", "want", "you", "to")
        || u.matches(p, "i", "would", "like", "you", "to")) {
      verbFrom = p + (u.matches(p + 1, "would") ? 5 : 4);
      kind = Kind.REQUEST;
    } else if (p == u.start() || vocative != null) {
      if (u.matches(p, "you", "need", "to")
          || u.matches(p, "you", "have", "to")
          || u.matches(p, "make", "sure", "you")
          || u.matches(p, "do", "not", "forget", "to")) {
        verbFrom = p + (u.matches(p, "do") ? 4 : 3);
        kind = Kind.SOFT_REQUEST;
      } else if (vocative != null
          && (u.matches(p, "you", "should") || u.matches(p, "you", "will"))) {
        verbFrom = p + 2;
        kind = Kind.SOFT_REQUEST;
      } else if (progressiveWork(u, p)) {
        // "you'll be working on the technical functions": the chair hands out work; whoever
        // answers it owns it.
        verbFrom = u.find(p, "be") + 1;
        kind = Kind.SOFT_REQUEST;
      } else if (Set.of("can", "could").contains(u.token(p))
          && Set.of("someone", "somebody", "anyone", "anybody").contains(u.token(p + 1))) {
        verbFrom = p + 2;
        kind = Kind.OPEN_REQUEST;
      } else if (Set.of("someone", "somebody").contains(u.token(p))
          && (u.matches(p + 1, "needs", "to") || u.matches(p + 1, "should"))) {
        verbFrom = p + (u.matches(p + 1, "should") ? 2 : 3);
        kind = Kind.OPEN_REQUEST;
      } else if (Set.of("someone", "somebody").contains(u.token(p))
          && u.matches(p + 1, "has", "to")) {
        verbFrom = p + 3;
        kind = Kind.OPEN_REQUEST;
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
      kind = Kind.OPEN_REQUEST;
    }
    if (kind == null) {
      return null;
    }
    int verb = verbAt(u, verbFrom);
    if (verb < 0 || isImmediate(u, verb) || participants.isName(u.token(verb))) {
      return null;
    }
    Candidate candidate = new Candidate(kind, u, verb);
    candidate.ownerName = vocative != null ? vocative : trailingVocative(u, participants);
    return candidate;
  }

  /** "you will be working on …", "you are going to be thinking about …". */
  private static boolean progressiveWork(Utterance u, int p) {
    int be =
        u.matches(p, "you", "will", "be")
            ? p + 2
            : u.matches(p, "you", "are", "going", "to", "be") ? p + 4 : -1;
    return be > 0 && u.token(be + 1).endsWith("ing") && u.token(be + 1).length() > 4;
  }

  /**
   * Whether the "if" at {@code p} follows a wish: "it would be great if", "I'd appreciate it if".
   */
  private static boolean wishedFor(Utterance u, int p) {
    for (int k = Math.max(0, p - 4); k < p; k++) {
      if (Set.of("great", "good", "nice", "helpful", "ideal", "appreciate", "perfect", "brilliant")
          .contains(u.token(k))) {
        return true;
      }
    }
    return false;
  }

  /** "send me the report maria": a name at the very end addresses the listener. */
  private static @Nullable String trailingVocative(Utterance u, Participants participants) {
    int last = u.tokens().size() - 1;
    String token = u.token(last);
    String before = u.token(last - 1);
    boolean preposition =
        Set.of("to", "with", "from", "for", "and", "by", "of", "at").contains(before);
    return participants.isName(token) && !preposition && last > u.start() + 2 ? token : null;
  }

  /** Requests for something done right now, in the meeting: not tasks. */
  private static boolean isImmediate(Utterance u, int verb) {
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

  private static @Nullable Candidate assignment(Utterance u, Participants participants) {
    int plan = u.find(u.start(), "the", "plan", "is");
    if (plan >= 0) {
      // "the plan is for James to collect the scores", "the plan is that Ben sets up …"
      int name = plan + (u.matches(plan + 3, "for") || u.matches(plan + 3, "that") ? 4 : 3);
      if (participants.isName(u.token(name))) {
        int verb = u.matches(name + 1, "to") ? name + 2 : name + 1;
        Candidate candidate = new Candidate(Kind.ASSIGNMENT, u, verb);
        candidate.ownerName = u.token(name);
        return verbAt(u, verb) == verb || u.token(verb).endsWith("s") ? candidate : null;
      }
    }
    for (int i = u.start(); i < u.tokens().size() - 2; i++) {
      // A name ahead of a modal is its subject unless a preposition or a verb of speech makes it
      // an object: "tell maria we will …" is not maria's task.
      boolean clauseStart =
          i == u.start()
              || !NAME_AS_OBJECT.contains(u.token(i - 1))
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
      } else if (MODALS_FUTURE.contains(u.token(p)) || u.matches(p, "can") || u.matches(p, "to")) {
        p++;
      } else if (u.matches(p, "'s", "going", "to")) {
        p += 3;
      } else if ((u.matches(p, "'s", "on") || u.matches(p, "is", "on"))
          && Set.of("the", "a", "an", "that", "this", "it").contains(u.token(p + 2))) {
        // "Sarah's on the password page": hers to do. Written as "Work on the password page".
        Candidate candidate = new Candidate(Kind.ASSIGNMENT, u, p + 1);
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
        Candidate candidate = new Candidate(Kind.ASSIGNMENT, u, verb);
        candidate.ownerName = name;
        return candidate;
      }
    }
    return null;
  }

  /** The index of the action verb at or after {@code from}, past fillers; -1 if none. */
  private static int verbAt(Utterance u, int from) {
    int p = from;
    while (p < u.tokens().size() && FILLERS.contains(u.token(p))) {
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
    if (NOT_TASKS.contains(verb) || verb.endsWith("ing") && NOT_TASKS.contains(Verbs.base(verb))) {
      for (List<String> phrase : TASK_PHRASES) {
        if (u.matches(p, phrase.toArray(String[]::new))) {
          return p;
        }
      }
      return -1;
    }
    return verb.length() > 1 && Character.isLetter(verb.charAt(0)) ? p : -1;
  }

  /** "have a proper look", "have a comparison ready", "have it done by Friday". */
  private static boolean hasTaskObject(Utterance u, int p) {
    for (int k = p + 1; k < Math.min(u.tokens().size(), p + 6); k++) {
      if (Set.of("look", "ready", "done", "finished", "sorted", "draft", "chat", "word")
          .contains(u.token(k))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNegated(Utterance u, int p) {
    return u.matches(p, "not") || u.matches(p, "never");
  }

  private static boolean isPast(Utterance u) {
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
      if (PAST_MARKERS.contains(token) && !ahead) {
        return true;
      }
    }
    return u.find(0, "was", "going", "to") >= 0 || u.find(0, "were", "going", "to") >= 0;
  }

  private static boolean startsConditional(Utterance u) {
    return Set.of("if", "unless", "when", "whenever", "once").contains(u.token(u.start()));
  }

  private static boolean precededByHedge(Utterance u, int i) {
    for (int k = Math.max(0, i - 3); k < i; k++) {
      if (HEDGES.contains(u.token(k)) || u.token(k).equals("said") || u.token(k).equals("think")) {
        return true;
      }
    }
    return false;
  }

  // ---- replies -----------------------------------------------------------------------------

  /** The open request that {@code u} answers, if it is a reply by someone else soon after. */
  private static @Nullable Candidate replyTarget(
      Utterance u, List<Candidate> candidates, Participants participants) {
    for (int k = candidates.size() - 1; k >= 0; k--) {
      Candidate c = candidates.get(k);
      if (u.index() - c.said.index() > 3) {
        break;
      }
      if (!c.awaitsOwner() || c.said.speakerId().equals(u.speakerId())) {
        continue;
      }
      if (isAcceptance(u) || restates(u, c) || takesOn(u, c, participants)) {
        return c;
      }
    }
    return null;
  }

  /** The speaker's own task that {@code u} only refers back to, said just before. */
  private static @Nullable Candidate followedUp(Utterance u, List<Candidate> candidates) {
    if (candidates.isEmpty()) {
      return null;
    }
    Candidate last = candidates.get(candidates.size() - 1);
    // The one who said it, or the one who took it on ("That's mine. I'll brief them Monday.").
    boolean owner =
        last.said.speakerId().equals(u.speakerId())
            || last.replies.stream().anyMatch(r -> r.speakerId().equals(u.speakerId()));
    int lastIndex =
        last.replies.isEmpty()
            ? last.said.index()
            : last.replies.get(last.replies.size() - 1).index();
    return owner && u.index() - lastIndex <= 2 && (isAcceptance(u) || onlyADate(u)) ? last : null;
  }

  /** "Ideally by tomorrow." A sentence that only dates what came before. */
  private static boolean onlyADate(Utterance u) {
    String text = String.join(" ", u.tokens());
    return DueDates.find(text, LocalDate.of(2000, 1, 1))
        .map(
            d ->
                (text.substring(0, d.start()) + " " + text.substring(d.end()))
                    .replaceAll(
                        "\\b(ideally|preferably|if|possible|at|the|latest|please|and|or|so|maybe|"
                            + "hopefully|say|let|us|by|then|okay|before)\\b",
                        "")
                    .isBlank())
        .orElse(false);
  }

  private static boolean isAcceptance(Utterance u) {
    List<String> rest = u.tokens().subList(u.start(), u.tokens().size());
    if (ACCEPTANCES.contains(rest)) {
      return true;
    }
    // "I can take that, I know most of the managers": a full acceptance, then a reason.
    for (List<String> phrase : ACCEPTANCES) {
      if (phrase.size() >= 3
          && rest.size() > phrase.size()
          && rest.subList(0, phrase.size()).equals(phrase)) {
        return true;
      }
    }
    // "I'll do that", "I can take care of it", "I will send it over by Friday".
    int p = u.start();
    if ((u.matches(p, "i") || u.matches(p, "we"))
        && Set.of("will", "can", "shall").contains(u.token(p + 1))) {
      List<String> task = u.tokens().subList(Math.min(p + 2, rest.size() + p), u.tokens().size());
      return !isNegated(u, p + 2) && task.size() <= 7 && task.stream().anyMatch(ANAPHORS::contains);
    }
    return false;
  }

  /**
   * "Leave it with me, I'll sort out the rotation": an answer that opens by accepting and goes on
   * to commit, from the person asked (or anyone, when nobody was named), takes the request on.
   */
  private static boolean takesOn(Utterance u, Candidate c, Participants participants) {
    boolean opensAccepting =
        u.tokens().subList(0, u.start()).stream().anyMatch(ACCEPTING_OPENERS::contains);
    Candidate commitment = commitment(u);
    if (!opensAccepting || commitment == null) {
      return false;
    }
    // "Yes, I'll book my travel" after "can you visit site seven" is a task of its own.
    Set<String> asked = contentWords(c.said, c.verbAt);
    if (contentWords(u, commitment.verbAt).stream().noneMatch(asked::contains)) {
      return false;
    }
    if (c.ownerName == null) {
      return true;
    }
    Optional<String> addressee = participants.speakerNamed(c.ownerName);
    return addressee.isEmpty() || addressee.get().equals(u.speakerId());
  }

  /** Whether {@code u} is a commitment to what {@code c} asked, in other words. */
  private static boolean restates(Utterance u, Candidate c) {
    Candidate commitment = commitment(u);
    if (commitment == null) {
      return false;
    }
    Set<String> asked = contentWords(c.said, c.verbAt);
    Set<String> promised = contentWords(u, commitment.verbAt);
    long shared = promised.stream().filter(asked::contains).count();
    return !promised.isEmpty() && shared * 2 >= Math.min(asked.size(), promised.size());
  }

  private static Set<String> contentWords(Utterance u, int from) {
    Set<String> words = new HashSet<>();
    for (int i = from; i < u.tokens().size(); i++) {
      String token = u.token(i);
      if (token.length() > 3 && !DANGLING.contains(token)) {
        words.add(token);
      }
    }
    return words;
  }

  private static void acceptReply(
      Candidate request,
      Utterance reply,
      Participants participants,
      LocalDate meetingDate,
      List<SpeakerIdentification> identifications) {
    request.replies.add(reply);
    if (request.kind != Kind.OPEN_REQUEST || request.ownerSpeakerId == null) {
      request.ownerSpeakerId = request.ownerName == null ? reply.speakerId() : null;
    }
    laterWord(request, DueDates.find(reply.sentence().text(), meetingDate));
    request.confidence = Math.min(0.99, request.confidence + 0.1);
    String name = request.ownerName;
    if (name != null
        && participants.speakerNamed(name).isEmpty()
        && participants.identify(reply.speakerId(), Sentences.capitalise(name))) {
      identifications.add(
          new SpeakerIdentification(
              reply.speakerId(),
              Sentences.capitalise(name),
              reply.sentence().segmentIds().get(0),
              "Answered \""
                  + request.said.sentence().text()
                  + "\" with \""
                  + reply.sentence().text()
                  + "\"",
              0.9,
              true));
    }
  }

  /**
   * A later line about the same task dates it: people hold each other to the last, most specific
   * thing said ("can you get it this week?" — "I'll get it by Thursday" is due Thursday). A vaguer
   * later phrase ("this week", "end of the month") does not replace a specific day.
   */
  private static void laterWord(Candidate task, Optional<DueDate> said) {
    if (said.isEmpty()) {
      return;
    }
    boolean specific = DueDates.isSpecific(said.get());
    if (task.due == null || specific || !task.dueSpecific) {
      task.due = said.get().date();
      task.dueSpecific = specific;
    }
  }

  // ---- output ------------------------------------------------------------------------------

  private static @Nullable String owner(Candidate c, Participants participants) {
    if (c.ownerName != null) {
      // "Jane, can you …" answered by Dana, and nobody here is called Jane: the recogniser
      // misheard the name, and Dana, who took it on, owns it.
      // Only a request put to someone present, and only a reply that takes it on in the first
      // person: "Peter will prepare the slides" answered "okay" stays Peter's.
      Utterance reply = c.replies.isEmpty() ? null : c.replies.get(0);
      boolean takenOn =
          reply != null
              && (c.kind == Kind.REQUEST || c.kind == Kind.SOFT_REQUEST)
              && reply.tokens().contains("i");
      boolean unknownName = participants.speakerNamed(c.ownerName).isEmpty();
      if (takenOn && unknownName && participants.hasName(reply.speakerId())) {
        return participants.display(reply.speakerId());
      }
      return participants.resolve(c.ownerName);
    }
    if (c.ownerSpeakerId != null) {
      return participants.display(c.ownerSpeakerId);
    }
    if (c.kind == Kind.EXPLICIT && participants.count() == 1) {
      return participants.display(c.said.speakerId());
    }
    if ((c.kind == Kind.REQUEST || c.kind == Kind.SOFT_REQUEST) && participants.count() == 2) {
      return participants.other(c.said.speakerId()).map(participants::display).orElse(null);
    }
    return null;
  }

  /** The task as a clean imperative: "Send the final numbers to Ana." */
  private static String text(Candidate c, Participants participants, LocalDate meetingDate) {
    Utterance u = c.said;
    List<String> words = new ArrayList<>();
    for (int i = c.verbAt; i < u.tokens().size(); i++) {
      String token = i == c.verbAt ? Verbs.base(u.token(i)) : u.token(i);
      if (CLAUSE_ENDS.contains(token) && words.size() >= 2) {
        break;
      }
      words.add(token);
    }
    String requester = participants.display(u.speakerId());
    // "Send S1 the report" helps nobody: only a known name replaces "me".
    boolean asked =
        c.kind != Kind.COMMITMENT
            && c.kind != Kind.SOFT_COMMITMENT
            && participants.hasName(u.speakerId());
    List<String> shown = new ArrayList<>();
    for (String word : words) {
      shown.add(
          switch (word) {
            case "me" -> asked ? requester : "me";
            case "my" -> asked ? requester + "'s" : "my";
            case "your" -> "their";
            case "yourself" -> "themselves";
            case "us" -> "the team";
            case "our" -> "the team's";
            default -> word;
          });
    }
    String phrase = String.join(" ", shown);
    // Every date goes, not only the due one: "send it tomorrow and review it on Friday" must not
    // keep "tomorrow" beside a Friday due date. Each pass removes a phrase, so this ends.
    for (Optional<DueDate> date = DueDates.find(phrase, meetingDate);
        date.isPresent();
        date = DueDates.find(phrase, meetingDate)) {
      phrase = phrase.substring(0, date.get().start()) + " " + phrase.substring(date.get().end());
    }
    List<String> tokens = new ArrayList<>();
    for (String token : phrase.trim().split("\\s+")) {
      if (!token.isEmpty()) {
        tokens.add(token);
      }
    }
    while (!tokens.isEmpty() && DANGLING.contains(tokens.get(tokens.size() - 1))) {
      tokens.remove(tokens.size() - 1);
    }
    if (c.ownerName != null
        && !tokens.isEmpty()
        && tokens.get(tokens.size() - 1).equals(c.ownerName)) {
      tokens.remove(tokens.size() - 1); // the trailing vocative: "send it over maria"
    }
    if (tokens.isEmpty() || tokens.size() == 1 && ANAPHORS.contains(tokens.get(0))) {
      return "";
    }
    if (tokens.get(0).equals("on")) {
      tokens.add(0, "work");
    } else if (tokens.get(0).equals("in") && tokens.size() > 1 && tokens.get(1).equals("for")) {
      tokens.set(1, "part");
      tokens.add(1, "take");
      tokens.remove(0);
      tokens.add(2, "in");
    }
    return Sentences.display(tokens, participants.nameWords()) + ".";
  }

  private static boolean isDuplicate(String text, @Nullable String owner, List<ActionItem> items) {
    return items.stream()
        .anyMatch(i -> i.text().equalsIgnoreCase(text) && Objects.equals(i.owner(), owner));
  }

  private static List<String> segmentIds(Candidate c) {
    List<String> ids = new ArrayList<>(c.said.sentence().segmentIds());
    for (Utterance also : c.alsoSaid) {
      also.sentence().segmentIds().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
    }
    for (Utterance reply : c.replies) {
      reply.sentence().segmentIds().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
    }
    return ids;
  }

  /**
   * One task, one item: a person's task said in general words ("I can help Suzhou") beside a
   * concrete one of theirs in the same turn ("I will visit the site on the third to train the new
   * coordinator") is the same task. The concrete one stays, quoting both; the vague one is returned
   * to be left out.
   */
  private static Set<Candidate> mergeSameTask(List<Candidate> candidates) {
    Set<Candidate> merged = new HashSet<>();
    for (int k = 0; k < candidates.size(); k++) {
      Candidate vague = candidates.get(k);
      if (!TaskSignals.vague(vague.said, vague.verbAt)) {
        continue;
      }
      for (int j : new int[] {k + 1, k - 1}) {
        Candidate concrete = j >= 0 && j < candidates.size() ? candidates.get(j) : null;
        if (concrete != null
            && !merged.contains(concrete)
            && !TaskSignals.vague(concrete.said, concrete.verbAt)
            && sameTurn(vague, concrete)
            && Objects.equals(vague.ownerName, concrete.ownerName)
            && Objects.equals(vague.ownerSpeakerId, concrete.ownerSpeakerId)) {
          merged.add(vague);
          concrete.alsoSaid.add(vague.said);
          if (concrete.due == null) {
            concrete.due = vague.due;
          }
          break;
        }
      }
    }
    return merged;
  }

  private static boolean sameTurn(Candidate a, Candidate b) {
    return a.said.speakerId().equals(b.said.speakerId())
        && Math.abs(a.said.index() - b.said.index()) <= 2
        && a.said.sentence().segmentIds().get(0).equals(b.said.sentence().segmentIds().get(0));
  }

  private static String quote(Candidate c) {
    StringBuilder quote = new StringBuilder();
    for (Utterance also : c.alsoSaid) {
      if (also.index() < c.said.index()) {
        quote.append(also.sentence().text()).append(' ');
      }
    }
    quote.append(c.said.sentence().text());
    for (Utterance also : c.alsoSaid) {
      if (also.index() > c.said.index()) {
        quote.append(' ').append(also.sentence().text());
      }
    }
    for (Utterance reply : c.replies) {
      quote.append(' ').append(reply.sentence().text());
    }
    return quote.toString();
  }
}
