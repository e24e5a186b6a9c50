package dev.verbatim.minutes;

import dev.verbatim.core.Sentence;
import dev.verbatim.core.SpeakerIdentification;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names for unnamed speakers from the conversation itself: a self-introduction ("Hi, I'm Dana from
 * facilities", "This is Henry from IT"), thanks by name right after someone spoke ("Thanks, Dana"),
 * or a question put to a name and answered by the next speaker. Each naming keeps its evidence and
 * a confidence; evidence for the same name adds up. Those at or above {@link #AUTO_APPLY} are given
 * to the speaker, so their action items have an owner; the rest are suggestions a person accepts.
 */
final class SpeakerNames {

  /**
   * The confidence from which a name is given without asking. Self-introductions and answered
   * requests reach it; thanks and answered questions alone do not (docs/minutes.md has the
   * figures).
   */
  static final double AUTO_APPLY = 0.8;

  private static final Set<String> AMBIGUOUS = Set.copyOf(WordLists.read("ambiguous-names.txt"));

  /** Words that may follow a name in a self-introduction: "I'm Dana from …", "I'm Dana and …". */
  private static final Set<String> AFTER_NAME =
      Set.of("", "from", "and", "here", "speaking", "with", "in", "of", "i", "the", "your", "at");

  private record Evidence(
      String speakerId, String name, String segmentId, String quote, double confidence) {}

  private SpeakerNames() {}

  /**
   * Works out names, gives those above the threshold to {@code participants}, and returns every
   * naming, applied or suggested.
   */
  static List<SpeakerIdentification> find(List<Sentence> sentences, Participants participants) {
    List<Evidence> evidence = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      Sentence sentence = sentences.get(i);
      Utterance u = Utterance.of(sentence, i);
      if (!participants.hasName(sentence.speakerId())) {
        introduction(u, participants).ifPresent(evidence::add);
      } else if (participants.roles().containsKey(sentence.speakerId())) {
        // "I'm Kate, and I'm the industrial designer": the role keeps showing, and "Kate" now
        // names them when work is handed out.
        introduction(u, participants)
            .filter(e -> e.confidence() >= AUTO_APPLY)
            .ifPresent(e -> participants.alias(e.speakerId(), e.name()));
      }
      if (i > 0) {
        addressed(sentences, i, u, participants).ifPresent(evidence::add);
      }
    }
    return decide(evidence, participants);
  }

  private static Optional<Evidence> introduction(Utterance u, Participants participants) {
    for (int p = u.start(); p < u.tokens().size(); p++) {
      double confidence = 0;
      int name = -1;
      if (u.matches(p, "my", "name", "is")) {
        name = p + 3;
        confidence = 0.95;
      } else if (u.matches(p, "this", "is") && p <= u.start() + 1) {
        name = p + 2;
        // "This is Henry from IT" on a call; "this is David" may introduce someone else.
        confidence = Set.of("from", "speaking", "here").contains(u.token(name + 1)) ? 0.9 : 0.6;
      } else if (u.matches(p, "i", "am") && p <= u.start() + 2) {
        name = p + 2;
        confidence = 0.85;
      } else if (u.matches(p, "it", "is") && p == u.start() && u.tokens().size() <= 6) {
        name = p + 2; // "hi, it's Dana" on a call
        confidence = 0.7;
      }
      if (name < 0 || !participants.isName(u.token(name))) {
        continue;
      }
      if (!AFTER_NAME.contains(u.token(name + 1))) {
        continue; // "I'm Mark-ing this down", "this is Grace's draft"
      }
      if (AMBIGUOUS.contains(u.token(name))) {
        confidence = Math.min(confidence, 0.5);
      }
      return Optional.of(
          new Evidence(
              u.speakerId(),
              Sentences.capitalise(u.token(name)),
              u.sentence().segmentIds().get(0),
              "Introduced themselves: \"" + u.sentence().text() + "\"",
              confidence));
    }
    return Optional.empty();
  }

  /**
   * "Thanks, Dana" right after someone spoke names them; so does a question put to a name ("Dana,
   * what do you think?") that the next speaker answers.
   */
  private static Optional<Evidence> addressed(
      List<Sentence> sentences, int i, Utterance u, Participants participants) {
    Sentence sentence = sentences.get(i);
    int p = u.start();
    boolean thanks = u.matches(0, "thanks") || u.matches(0, "thank", "you");
    int name = u.matches(0, "thank", "you") ? 2 : u.matches(0, "thanks") ? 1 : -1;
    if (thanks && participants.isName(u.token(name)) && !AMBIGUOUS.contains(u.token(name))) {
      Sentence before = sentences.get(i - 1);
      if (!before.speakerId().equals(sentence.speakerId())
          && !participants.hasName(before.speakerId())) {
        return Optional.of(
            new Evidence(
                before.speakerId(),
                Sentences.capitalise(u.token(name)),
                before.segmentIds().get(0),
                "Thanked by name after speaking: \""
                    + before.text()
                    + "\" — \""
                    + sentence.text()
                    + "\"",
                0.7));
      }
    }
    if (sentence.question()
        && participants.isName(u.token(p))
        && !AMBIGUOUS.contains(u.token(p))
        && i + 1 < sentences.size()) {
      Sentence answer = sentences.get(i + 1);
      if (!answer.speakerId().equals(sentence.speakerId())
          && !participants.hasName(answer.speakerId())) {
        return Optional.of(
            new Evidence(
                answer.speakerId(),
                Sentences.capitalise(u.token(p)),
                answer.segmentIds().get(0),
                "Answered \"" + sentence.text() + "\" with \"" + answer.text() + "\"",
                0.6));
      }
    }
    return Optional.empty();
  }

  /**
   * Adds up the evidence for each speaker and name (each piece the chance it is right, combined as
   * independent), then names each speaker once and gives each name once, surest first.
   */
  private static List<SpeakerIdentification> decide(
      List<Evidence> evidence, Participants participants) {
    Map<List<String>, Double> doubt = new LinkedHashMap<>();
    Map<List<String>, Evidence> strongest = new LinkedHashMap<>();
    for (Evidence e : evidence) {
      if (participants.speakerNamed(e.name().toLowerCase(Locale.ROOT)).isPresent()) {
        continue; // a name someone already has
      }
      List<String> key = List.of(e.speakerId(), e.name());
      doubt.merge(key, 1 - e.confidence(), (a, b) -> a * b);
      strongest.merge(key, e, (a, b) -> a.confidence() >= b.confidence() ? a : b);
    }
    List<List<String>> keys = new ArrayList<>(doubt.keySet());
    keys.sort(Comparator.comparingDouble(doubt::get));
    Set<String> speakers = new HashSet<>();
    Set<String> names = new HashSet<>();
    List<SpeakerIdentification> found = new ArrayList<>();
    for (List<String> key : keys) {
      if (!speakers.add(key.get(0)) || !names.add(key.get(1))) {
        continue;
      }
      double confidence = Math.round((1 - doubt.get(key)) * 100) / 100.0;
      Evidence e = strongest.get(key);
      boolean applied = confidence >= AUTO_APPLY && participants.identify(key.get(0), key.get(1));
      found.add(
          new SpeakerIdentification(
              e.speakerId(),
              applied ? participants.display(e.speakerId()) : e.name(),
              e.segmentId(),
              e.quote(),
              confidence,
              applied));
    }
    return found;
  }
}
