package dev.verbatim.minutes;

import dev.verbatim.core.SpeakerIdentification;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Replies to a task: an answer that takes a request on, a follow-up that dates it, and the name a
 * reply tells us.
 */
final class Replies {

  private Replies() {}

  /** The open request that {@code u} answers, if it is a reply by someone else soon after. */
  static @Nullable TaskCandidate replyTarget(
      Utterance u, List<TaskCandidate> candidates, Participants participants) {
    for (int k = candidates.size() - 1; k >= 0; k--) {
      TaskCandidate c = candidates.get(k);
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
  static @Nullable TaskCandidate followedUp(Utterance u, List<TaskCandidate> candidates) {
    if (candidates.isEmpty()) {
      return null;
    }
    TaskCandidate last = candidates.get(candidates.size() - 1);
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
  static boolean onlyADate(Utterance u) {
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

  static boolean isAcceptance(Utterance u) {
    List<String> rest = u.tokens().subList(u.start(), u.tokens().size());
    if (TaskWords.ACCEPTANCES.contains(rest)) {
      return true;
    }
    // "I can take that, I know most of the managers": a full acceptance, then a reason.
    for (List<String> phrase : TaskWords.ACCEPTANCES) {
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
      return !TaskPatterns.isNegated(u, p + 2)
          && task.size() <= 7
          && task.stream().anyMatch(TaskWords.ANAPHORS::contains);
    }
    return false;
  }

  /**
   * "Leave it with me, I'll sort out the rotation": an answer that opens by accepting and goes on
   * to commit, from the person asked (or anyone, when nobody was named), takes the request on.
   */
  static boolean takesOn(Utterance u, TaskCandidate c, Participants participants) {
    boolean opensAccepting =
        u.tokens().subList(0, u.start()).stream().anyMatch(TaskWords.ACCEPTING_OPENERS::contains);
    TaskCandidate commitment = TaskPatterns.commitment(u);
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
  static boolean restates(Utterance u, TaskCandidate c) {
    TaskCandidate commitment = TaskPatterns.commitment(u);
    if (commitment == null) {
      return false;
    }
    Set<String> asked = contentWords(c.said, c.verbAt);
    Set<String> promised = contentWords(u, commitment.verbAt);
    long shared = promised.stream().filter(asked::contains).count();
    return !promised.isEmpty() && shared * 2 >= Math.min(asked.size(), promised.size());
  }

  static Set<String> contentWords(Utterance u, int from) {
    Set<String> words = new HashSet<>();
    for (int i = from; i < u.tokens().size(); i++) {
      String token = u.token(i);
      if (token.length() > 3 && !TaskWords.DANGLING.contains(token)) {
        words.add(token);
      }
    }
    return words;
  }

  static void acceptReply(
      TaskCandidate request,
      Utterance reply,
      Participants participants,
      LocalDate meetingDate,
      List<SpeakerIdentification> identifications) {
    request.replies.add(reply);
    if (request.kind != TaskKind.OPEN_REQUEST || request.ownerSpeakerId == null) {
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
  static void laterWord(TaskCandidate task, Optional<DueDate> said) {
    if (said.isEmpty()) {
      return;
    }
    boolean specific = said.get().specific();
    if (task.due == null || specific || !task.dueSpecific) {
      task.due = said.get().date();
      task.dueSpecific = specific;
    }
  }
}
