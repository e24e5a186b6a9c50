package dev.verbatim.minutes;

import dev.verbatim.core.ActionItem;
import dev.verbatim.core.ActionItemStatus;
import dev.verbatim.core.Sentence;
import dev.verbatim.core.SpeakerIdentification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;

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

  private ActionItems() {}

  /** What was found: the items, and the speakers named along the way. */
  record Found(List<ActionItem> items, List<SpeakerIdentification> identifications) {}

  static Found find(
      List<Sentence> sentences,
      LocalDate meetingDate,
      Participants participants,
      ToDoubleFunction<Sentence> recognitionConfidence) {
    List<TaskCandidate> candidates = new ArrayList<>();
    List<SpeakerIdentification> identifications = new ArrayList<>();
    // A role addressed in one sentence whose work the same speaker gives in the next ones.
    String addressed = null;
    int addressedAt = -1;
    for (int i = 0; i < sentences.size(); i++) {
      Utterance said = Utterance.of(sentences.get(i), i);
      TaskCandidate reply = Replies.replyTarget(said, candidates, participants);
      if (reply != null) {
        Replies.acceptReply(reply, said, participants, meetingDate, identifications);
        continue;
      }
      TaskCandidate own = Replies.followedUp(said, candidates);
      if (own != null) {
        // "Let me ask the sponsor. I'll do it next Tuesday." The second sentence only dates the
        // first.
        Replies.laterWord(own, DueDates.find(said.sentence().text(), meetingDate));
        continue;
      }
      if (addressed != null
          && said.speakerId().equals(sentences.get(addressedAt).speakerId())
          && i - addressedAt <= 3) {
        int verb = HandOffs.toYou(said);
        if (verb >= 0) {
          TaskCandidate given = new TaskCandidate(TaskKind.HAND_OFF, said, verb);
          given.ownerSpeakerId = addressed;
          if (AfterTheMeeting.forAfterTheMeeting(given, said, participants, sentences.size())) {
            candidates.add(given);
          }
          addressed = null;
          continue;
        }
      }
      List<HandOffs.HandOff> handOffs = HandOffs.find(said, participants);
      for (HandOffs.HandOff handOff : handOffs) {
        TaskCandidate given =
            new TaskCandidate(TaskKind.HAND_OFF, said.clause(0, handOff.end()), handOff.verbAt());
        given.ownerSpeakerId = handOff.speakerId();
        given.lead = handOff.named() ? "work on" : null;
        given.due =
            DueDates.find(said.sentence().text(), meetingDate).map(DueDate::date).orElse(null);
        if (AfterTheMeeting.forAfterTheMeeting(given, said, participants, sentences.size())) {
          candidates.add(given);
        }
      }
      if (!handOffs.isEmpty()) {
        continue;
      }
      Optional<String> addressing = HandOffs.addressed(said, participants);
      if (addressing.isPresent()) {
        addressed = addressing.get();
        addressedAt = i;
      }
      TaskCandidate inSentence = null;
      for (Utterance clause : TaskPatterns.clauses(said, participants)) {
        if (inSentence != null
            && inSentence.kind == TaskKind.OPEN_REQUEST
            && Replies.isAcceptance(clause)) {
          // "We need someone to run the training. I'll do it myself."
          inSentence.ownerSpeakerId = said.speakerId();
          continue;
        }
        TaskCandidate found = TaskPatterns.detect(clause, participants);
        if (found == null
            || !AfterTheMeeting.forAfterTheMeeting(found, said, participants, sentences.size())) {
          continue;
        }
        found.confidence *= 0.7 + 0.3 * recognitionConfidence.applyAsDouble(said.sentence());
        // The clause's own date; else the sentence's, as speech puts a date anywhere in it ("Mark,
        // you're on the policy text, a draft early next week").
        Optional<DueDate> due =
            DueDates.find(String.join(" ", clause.tokens()), meetingDate)
                .or(() -> DueDates.find(said.sentence().text(), meetingDate));
        found.due = due.map(DueDate::date).orElse(null);
        found.dueSpecific = due.map(DueDate::specific).orElse(false);
        candidates.add(found);
        inSentence = found;
      }
    }
    List<ActionItem> items = new ArrayList<>();
    Set<TaskCandidate> merged = ItemAssembly.mergeSameTask(candidates);
    for (TaskCandidate candidate : candidates) {
      if (candidate.confidence < THRESHOLD || merged.contains(candidate)) {
        continue;
      }
      if (candidate.kind == TaskKind.SOFT_REQUEST
          && candidate.ownerName == null
          && (candidate.ownerSpeakerId == null
              || !candidate.said.matches(candidate.verbAt - 1, "be"))
          && participants.count() > 2) {
        continue; // "you need to browse the channels": how it works, and nobody took it on
      }
      if (candidate.kind == TaskKind.OPEN_REQUEST && candidate.ownerSpeakerId == null) {
        continue; // "somebody needs to answer the letter", and nobody took it on: a wish, not a
        // task
      }
      String owner = ItemAssembly.owner(candidate, participants);
      String text = ItemAssembly.text(candidate, participants, meetingDate);
      if (text.isBlank() || ItemAssembly.isDuplicate(text, owner, items)) {
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
              ItemAssembly.segmentIds(candidate),
              Math.round(candidate.confidence * 100) / 100.0,
              ItemAssembly.quote(candidate)));
    }
    return new Found(items, identifications);
  }
}
