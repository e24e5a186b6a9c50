package dev.verbatim.minutes;

import dev.verbatim.core.ActionItem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Turns a finished candidate into an action item: its owner, its text, its quote and sources. */
final class ItemAssembly {

  private ItemAssembly() {}

  static @Nullable String owner(TaskCandidate c, Participants participants) {
    if (c.ownerName != null) {
      // "Jane, can you …" answered by Dana, and nobody here is called Jane: the recogniser
      // misheard the name, and Dana, who took it on, owns it.
      // Only a request put to someone present, and only a reply that takes it on in the first
      // person: "Peter will prepare the slides" answered "okay" stays Peter's.
      Utterance reply = c.replies.isEmpty() ? null : c.replies.get(0);
      boolean takenOn =
          reply != null
              && (c.kind == TaskKind.REQUEST || c.kind == TaskKind.SOFT_REQUEST)
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
    if (c.kind == TaskKind.EXPLICIT && participants.count() == 1) {
      return participants.display(c.said.speakerId());
    }
    if ((c.kind == TaskKind.REQUEST || c.kind == TaskKind.SOFT_REQUEST)
        && participants.count() == 2) {
      return participants.other(c.said.speakerId()).map(participants::display).orElse(null);
    }
    return null;
  }

  /** The task as a clean imperative: "Send the final numbers to Ana." */
  static String text(TaskCandidate c, Participants participants, LocalDate meetingDate) {
    Utterance u = c.said;
    List<String> words = new ArrayList<>();
    if (c.lead != null) {
      words.addAll(List.of(c.lead.split(" ")));
    }
    for (int i = c.verbAt; i < u.tokens().size(); i++) {
      String token = i == c.verbAt && c.lead == null ? Verbs.base(u.token(i)) : u.token(i);
      if (TaskWords.CLAUSE_ENDS.contains(token) && words.size() >= 2) {
        break;
      }
      words.add(token);
    }
    String requester = participants.display(u.speakerId());
    // "Send S1 the report" helps nobody: only a known name replaces "me".
    boolean asked =
        c.kind != TaskKind.COMMITMENT
            && c.kind != TaskKind.SOFT_COMMITMENT
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
    while (!tokens.isEmpty() && TaskWords.DANGLING.contains(tokens.get(tokens.size() - 1))) {
      tokens.remove(tokens.size() - 1);
    }
    if (c.ownerName != null
        && !tokens.isEmpty()
        && tokens.get(tokens.size() - 1).equals(c.ownerName)) {
      tokens.remove(tokens.size() - 1); // the trailing vocative: "send it over maria"
    }
    if (tokens.isEmpty() || tokens.size() == 1 && TaskWords.ANAPHORS.contains(tokens.get(0))) {
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

  static boolean isDuplicate(String text, @Nullable String owner, List<ActionItem> items) {
    return items.stream()
        .anyMatch(i -> i.text().equalsIgnoreCase(text) && Objects.equals(i.owner(), owner));
  }

  static List<String> segmentIds(TaskCandidate c) {
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
  static Set<TaskCandidate> mergeSameTask(List<TaskCandidate> candidates) {
    Set<TaskCandidate> merged = new HashSet<>();
    for (int k = 0; k < candidates.size(); k++) {
      TaskCandidate vague = candidates.get(k);
      if (!TaskSignals.vague(vague.said, vague.verbAt)) {
        continue;
      }
      for (int j : new int[] {k + 1, k - 1}) {
        TaskCandidate concrete = j >= 0 && j < candidates.size() ? candidates.get(j) : null;
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

  static boolean sameTurn(TaskCandidate a, TaskCandidate b) {
    return a.said.speakerId().equals(b.said.speakerId())
        && Math.abs(a.said.index() - b.said.index()) <= 2
        && a.said.sentence().segmentIds().get(0).equals(b.said.sentence().segmentIds().get(0));
  }

  static String quote(TaskCandidate c) {
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
