package dev.verbatim.minutes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Work handed to people known by their role, as a chair does at the end of a kick-off: "as the
 * industrial designer, you're gonna be working on the working design", "User Interface Designer
 * gonna be thinking about our user interface, and marketing, you're gonna be thinking about trend
 * watching". One sentence may hand out several pieces of work; each goes to the role named before
 * it.
 */
final class HandOffs {

  /**
   * A piece of work for the speaker {@code speakerId}: its words run from its verb at {@code
   * verbAt} to {@code end} (exclusive), where the next role is named.
   */
  record HandOff(String speakerId, int verbAt, int end, boolean named) {}

  /** Words that may follow a role's first word when people say it loosely: "marketing expert". */
  private static final Set<String> ROLE_SUFFIXES =
      Set.of(
          "designer",
          "design",
          "expert",
          "executive",
          "person",
          "manager",
          "lead",
          "team",
          "people",
          "guy",
          "officer",
          "specialist");

  /** The auxiliaries between a role and the work: "you're gonna be", "will be", "is going to". */
  private static final Set<String> AUXILIARIES =
      Set.of(
          "you", "are", "will", "is", "'s", "going", "to", "be", "also", "just", "then", "now",
          "should", "needs", "has", "have", "can", "uh");

  /** Words before a role that make it a topic ("thinking about our user interface"). */
  private static final Set<String> TOPIC_MARKERS =
      Set.of("about", "on", "of", "with", "in", "into", "at", "for", "like", "the", "our", "your");

  private HandOffs() {}

  static List<HandOff> find(Utterance u, Participants participants) {
    Map<String, List<String>> roles = participants.roles();
    List<HandOff> found = new ArrayList<>();
    if (roles.isEmpty()) {
      return found;
    }
    for (int i = u.start(); i < u.tokens().size(); i++) {
      for (Map.Entry<String, List<String>> role : roles.entrySet()) {
        int end = mention(u, i, role.getValue());
        if (end < 0 || role.getKey().equals(u.speakerId()) || isTopic(u, i)) {
          continue;
        }
        // "the industrial design, Alima will be doing …", "for the UI designer, which is Hamed, you
        // are going to work on …": a name or a short aside may come between.
        int verb = -1;
        for (int from = end; verb < 0 && from <= end + 4 && from < u.tokens().size(); from++) {
          verb = work(u, from);
        }
        // "Steph gets the user interface design", "and for marketing, the user requirements
        // specification": the work is named, not said with a verb.
        // "I will ask the industrial designer to find out more about this".
        boolean asked = u.matches(i - 1, "ask") || u.matches(i - 2, "ask");
        if (verb < 0 && asked && u.matches(end, "to") && end + 1 < u.tokens().size()) {
          verb = end + 1;
        }
        boolean named = false;
        if (verb < 0) {
          verb = namedWork(u, i, end);
          named = verb >= 0;
        }
        if (verb >= 0) {
          if (!found.isEmpty()) {
            HandOff last = found.remove(found.size() - 1);
            int until = u.matches(i - 1, "and") ? i - 1 : i;
            if (u.matches(until - 1, "for")) {
              until--;
            }
            found.add(new HandOff(last.speakerId(), last.verbAt(), until, last.named()));
          }
          found.add(new HandOff(role.getKey(), verb, u.tokens().size(), named));
          i = verb;
        }
      }
    }
    return found;
  }

  /**
   * The role a sentence addresses without handing anything out yet: "For the User Interface
   * Designer, which is Hamed," — the work follows in the chair's next sentence.
   */
  static Optional<String> addressed(Utterance u, Participants participants) {
    for (Map.Entry<String, List<String>> role : participants.roles().entrySet()) {
      for (int i = u.start(); i < u.tokens().size(); i++) {
        int end = mention(u, i, role.getValue());
        if (end >= 0 && u.matches(i - 1, "for") || end >= 0 && u.matches(i - 2, "for", "the")) {
          boolean nothingAfter = u.tokens().size() - end <= 4;
          if (nothingAfter && !role.getKey().equals(u.speakerId())) {
            return Optional.of(role.getKey());
          }
        }
      }
    }
    return Optional.empty();
  }

  /** "You are going to work on the technical functions": the verb of work said to "you", or -1. */
  static int toYou(Utterance u) {
    int p = u.start();
    if (!u.matches(p, "you")) {
      return -1;
    }
    return work(u, p);
  }

  /** The index just after a mention of the role at {@code i}, or -1. */
  private static int mention(Utterance u, int i, List<String> name) {
    // "the market expert" for Marketing: the role's word shortened, with a role word after it.
    boolean shortened =
        name.size() == 1
            && u.token(i).length() >= 5
            && !u.token(i).equals(name.get(0))
            && name.get(0).startsWith(u.token(i))
            && ROLE_SUFFIXES.contains(u.token(i + 1));
    if (shortened) {
      return i + 2;
    }
    if (!u.matches(i, name.get(0))) {
      return -1;
    }
    int p = i + 1;
    if (name.size() > 1) {
      if (u.matches(p, name.get(1))) {
        p++;
      } else if (ROLE_SUFFIXES.contains(u.token(p))) {
        return p + 1;
      } else {
        return -1; // "user" alone is not the User Interface person
      }
    }
    return ROLE_SUFFIXES.contains(u.token(p)) ? p + 1 : p;
  }

  private static boolean isTopic(Utterance u, int i) {
    String before = u.token(i - 1);
    if (before.equals("ask") || u.matches(i - 2, "ask", "the")) {
      return false;
    }
    if (Set.of("the", "our", "your", "a", "an").contains(before)) {
      // "for our industrial designer, you …" hands out work; "about our user interface" does not.
      return !u.matches(i - 2, "for")
          && !u.matches(i - 2, "as")
          && TOPIC_MARKERS.contains(u.token(i - 2));
    }
    return TOPIC_MARKERS.contains(before) && !before.equals("for");
  }

  /** Words that cannot open the name of a piece of work. */
  private static final Set<String> NOT_WORK =
      Set.of(
          "is", "are", "was", "it", "that", "this", "we", "you", "i", "they", "which", "who", "and",
          "to", "has", "have", "had", "will", "would", "can", "could", "should", "'s", "said",
          "says", "thinks", "knows", "does", "did", "do", "not", "so");

  /**
   * Where the named piece of work starts: after "gets" ("Steph gets the user interface design"), or
   * right after the role when a clause opens with "for" it ("for marketing, the user
   * requirements"); -1 if neither.
   */
  private static int namedWork(Utterance u, int mentionAt, int end) {
    int from = -1;
    if (u.matches(end, "gets") || u.matches(end, "will", "get")) {
      from = end + (u.matches(end, "gets") ? 1 : 2);
    } else if (u.matches(mentionAt - 1, "for")
        && (mentionAt - 1 <= u.start()
            || Set.of("and", "then", "so", "now", "next").contains(u.token(mentionAt - 2)))) {
      from = end;
    }
    if (from < 0 || from + 1 >= u.tokens().size() || NOT_WORK.contains(u.token(from))) {
      return -1;
    }
    return from;
  }

  /** The verb of work for later after {@code from}: "you're gonna be working on …". */
  private static int work(Utterance u, int from) {
    int p = from;
    boolean future = false;
    while (p < u.tokens().size() && p - from < 7 && AUXILIARIES.contains(u.token(p))) {
      future |=
          u.matches(p, "will")
              || u.matches(p, "going")
              || u.matches(p, "should")
              || u.matches(p, "needs", "to")
              || u.matches(p, "has", "to");
      p++;
    }
    String verb = u.token(p);
    if (!future || verb.length() < 3 || !Character.isLetter(verb.charAt(0))) {
      return -1;
    }
    boolean progressive = u.matches(p - 1, "be") && verb.endsWith("ing");
    boolean plain = !u.matches(p - 1, "be") && !verb.endsWith("ing") && !verb.endsWith("ed");
    return progressive || plain ? p : -1;
  }
}
