package dev.verbatim.minutes;

import dev.verbatim.core.Decision;
import dev.verbatim.core.Sentence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Finds what the meeting decided: "we decided to …", "we agreed on …", "let's go with …", "the
 * decision is …". Questions and negations ("we have not decided yet") are left out.
 */
final class Decisions {

  /** Words that announce a decision, and how surely. */
  private record Cue(List<String> words, double confidence) {}

  private static final List<Cue> CUES =
      List.of(
          new Cue(List.of("we", "have", "decided"), 0.9),
          new Cue(List.of("we", "decided"), 0.9),
          new Cue(List.of("we", "have", "agreed"), 0.85),
          new Cue(List.of("we", "agreed"), 0.85),
          new Cue(List.of("we", "all", "agreed"), 0.85),
          new Cue(List.of("we", "are", "agreed"), 0.8),
          new Cue(List.of("it", "is", "decided"), 0.85),
          new Cue(List.of("the", "decision", "is"), 0.9),
          new Cue(List.of("the", "decision", "was"), 0.85),
          new Cue(List.of("decision"), 0.8),
          new Cue(List.of("the", "consensus", "is"), 0.85),
          new Cue(List.of("final", "answer"), 0.8),
          new Cue(List.of("we", "are", "sticking", "with"), 0.8),
          new Cue(List.of("we", "will", "stick", "with"), 0.8),
          new Cue(List.of("we", "are", "staying", "with"), 0.8),
          new Cue(List.of("we", "will", "stay", "with"), 0.8),
          new Cue(List.of("we", "will", "go", "ahead", "with"), 0.8),
          new Cue(List.of("we", "are", "going", "ahead", "with"), 0.8),
          new Cue(List.of("let", "us", "go", "ahead", "with"), 0.8),
          new Cue(List.of("let", "us", "go", "with"), 0.8),
          new Cue(List.of("let", "us", "stick", "with"), 0.75),
          new Cue(List.of("we", "will", "go", "with"), 0.8),
          new Cue(List.of("we", "are", "going", "with"), 0.8),
          new Cue(List.of("we", "are", "going", "to", "go", "with"), 0.8),
          new Cue(List.of("we", "will", "go", "for"), 0.8),
          new Cue(List.of("we", "are", "going", "for"), 0.8),
          new Cue(List.of("we", "are", "going", "to", "go", "for"), 0.8),
          new Cue(List.of("let", "us", "go", "for"), 0.75),
          new Cue(List.of("that", "is", "settled"), 0.8),
          new Cue(List.of("that", "is", "agreed"), 0.8),
          new Cue(List.of("we", "decide", "on"), 0.8),
          new Cue(List.of("we", "will", "stick", "to"), 0.8),
          new Cue(List.of("we", "are", "sticking", "to"), 0.8),
          new Cue(List.of("the", "consensus", "seems", "to", "be"), 0.8),
          new Cue(List.of("decided"), 0.7));

  /** Cue words that are part of the decision itself ("go with the cloud directory"). */
  private static final Set<String> KEEP_FROM = Set.of("go", "stick");

  private static final Set<String> ANAPHORIC = Set.of("that", "it", "this", "then", "one");

  private static final Set<String> CLAUSE_BREAKS = Set.of("so", "but", "and", "then", "okay");

  private static final Set<String> LEAD_INS = Set.of("to", "that", "on", "is", "we", "will");

  private Decisions() {}

  static List<Decision> find(
      List<Sentence> sentences,
      Participants participants,
      ToDoubleFunction<Sentence> recognitionConfidence) {
    List<Decision> decisions = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      Sentence sentence = sentences.get(i);
      Utterance u = Utterance.of(sentence, i);
      // "Energy, we've decided on kinetic, right?" checks a decision; other questions ask.
      boolean tagged =
          !u.tokens().isEmpty()
              && Set.of("right", "correct", "yeah", "okay")
                  .contains(u.tokens().get(u.tokens().size() - 1));
      if (sentence.question() && !tagged) {
        agreedProposal(sentences, i, participants, recognitionConfidence)
            .ifPresent(d -> decisions.add(numbered(d, decisions.size() + 1)));
        continue;
      }
      for (Cue cue : CUES) {
        int at = u.find(u.start(), cue.words().toArray(String[]::new));
        if (at < 0 || negated(u, at) || background(u, at) || recap(u, i, sentences.size())) {
          continue;
        }
        // A bare "decided" or "agreed" must open the sentence ("Agreed, we ship on Monday").
        if (cue.words().size() == 1 && at != u.start()) {
          continue;
        }
        int from = at + cue.words().size();
        for (int k = 0; k < cue.words().size(); k++) {
          if (KEEP_FROM.contains(cue.words().get(k))) {
            from = at + k;
            break;
          }
        }
        while (from < u.tokens().size() && LEAD_INS.contains(u.token(from))) {
          from++;
        }
        List<String> content = u.tokens().subList(from, u.tokens().size());
        if (content.size() <= 2
            && content.stream().allMatch(ANAPHORIC::contains)
            && at > u.start() + 2) {
          // "No grant goes over ten thousand, and we're sticking with that": what came before.
          int end = at;
          while (end > u.start() && Set.of("and", "so", "but").contains(u.token(end - 1))) {
            end--;
          }
          content = u.tokens().subList(u.start(), end);
        }
        // "Agreed. Let's meet again next week" agrees to nothing: the rest is logistics.
        if (content.size() < 2 || content.get(0).equals("let") || process(content)) {
          break;
        }
        double confidence =
            cue.confidence() * (0.7 + 0.3 * recognitionConfidence.applyAsDouble(sentence));
        decisions.add(
            new Decision(
                "d" + (decisions.size() + 1),
                Sentences.display(content, participants.nameWords()) + ".",
                sentence.startMs(),
                sentence.segmentIds(),
                Math.round(confidence * 100) / 100.0,
                sentence.text()));
        break;
      }
      if (decisions.isEmpty()
          || !decisions.get(decisions.size() - 1).quote().equals(sentence.text())) {
        agreedProposal(sentences, i, participants, recognitionConfidence)
            .ifPresent(d -> decisions.add(numbered(d, decisions.size() + 1)));
      }
    }
    return decisions;
  }

  /**
   * "Since we're sticking to infrared …", "the lighting that we've decided to put in": a decision
   * mentioned as the background of something else, not made here.
   */
  private static boolean background(Utterance u, int at) {
    return at > u.start()
        && Set.of("since", "because", "that", "as", "which", "given").contains(u.token(at - 1));
  }

  /**
   * "We decided in the last meeting …", or "we agreed …" in the opening minutes while the chair
   * goes over the last meeting: decisions reported, made before.
   */
  private static boolean recap(Utterance u, int index, int sentences) {
    boolean earlier = u.find(0, "last", "meeting") >= 0 || u.find(0, "previous", "meeting") >= 0;
    boolean reported =
        (u.contains("decided") || u.contains("agreed"))
            && sentences >= 60
            && index < sentences / 20;
    return earlier || reported;
  }

  /** "Should we get started?" — "Yeah.": agreeing on how the meeting goes is no decision. */
  private static boolean process(List<String> content) {
    return !content.isEmpty()
        && (Set.of("start", "begin", "decide", "discuss", "talk", "say", "wait", "continue")
                .contains(content.get(0))
            || content.get(0).equals("move") && content.size() > 1 && content.get(1).equals("on")
            || content.get(0).equals("get")
                && content.size() > 1
                && content.get(1).equals("started")
            || content.get(0).equals("make") && content.contains("list")
            || content.contains("lunch")
            || content.contains("presentation"));
  }

  private static Decision numbered(Decision d, int n) {
    return new Decision("d" + n, d.text(), d.startMs(), d.segmentIds(), d.confidence(), d.quote());
  }

  /**
   * "Should we drop the teletext?" — "Yes, let's drop it.", "I think we should use the kinetic
   * battery." — "Agreed.": a proposal another person accepts in so many words within the next two
   * sentences. A bare "yeah" is not enough: in conversation it mostly means "I'm listening".
   */
  private static Optional<Decision> agreedProposal(
      List<Sentence> sentences,
      int i,
      Participants participants,
      ToDoubleFunction<Sentence> recognitionConfidence) {
    Sentence sentence = sentences.get(i);
    Utterance u = Utterance.of(sentence, i);
    int from = -1;
    for (List<String> proposal : PROPOSALS) {
      int at = u.find(u.start(), proposal.toArray(String[]::new));
      if (at >= 0 && at <= u.start() + 2) {
        from = at + proposal.size();
        break;
      }
    }
    if (from < 0
        || from + 2 > u.tokens().size()
        || negated(u, from)
        || process(u.tokens().subList(from, u.tokens().size()))) {
      return Optional.empty();
    }
    // One reply that agrees in so many words, or two people saying yes: a lone "yeah" is mostly
    // someone listening.
    Set<String> yeses = new HashSet<>();
    for (int k = i + 1; k < Math.min(sentences.size(), i + 4); k++) {
      Sentence reply = sentences.get(k);
      if (reply.speakerId().equals(sentence.speakerId()) || reply.question()) {
        continue;
      }
      List<String> tokens = Disfluencies.clean(Utterance.tokens(reply.text()));
      if (k <= i + 2 && agrees(tokens)
          || saysYes(tokens) && yeses.add(reply.speakerId()) && yeses.size() >= 2) {
        List<String> content = u.tokens().subList(from, u.tokens().size());
        List<String> ids = new ArrayList<>(sentence.segmentIds());
        for (int r = i + 1; r <= k; r++) {
          sentences.get(r).segmentIds().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        }
        double confidence = 0.75 * (0.7 + 0.3 * recognitionConfidence.applyAsDouble(sentence));
        return Optional.of(
            new Decision(
                "",
                Sentences.display(content, participants.nameWords()) + ".",
                sentence.startMs(),
                ids,
                Math.round(confidence * 100) / 100.0,
                sentence.text() + " " + reply.text()));
      }
    }
    return Optional.empty();
  }

  /** "Yes.", "Yeah, okay.", "Sure." and nothing more. */
  private static boolean saysYes(List<String> tokens) {
    return !tokens.isEmpty()
        && tokens.size() <= 3
        && tokens.stream()
            .allMatch(
                t ->
                    Set.of("yes", "yeah", "yep", "okay", "sure", "right", "fine", "good")
                        .contains(t));
  }

  private static boolean agrees(List<String> tokens) {
    if (tokens.isEmpty() || tokens.size() > 8) {
      return false;
    }
    String first = tokens.get(0);
    return first.equals("agreed")
        || tokens.equals(List.of("yes"))
        || tokens.size() >= 2
            && Set.of("yes", "yeah", "okay").contains(first)
            && (tokens.get(1).equals("let")
                || tokens.get(1).equals("agreed")
                || tokens.get(1).equals("definitely"))
        || Collections.indexOfSubList(tokens, List.of("sounds", "good")) >= 0
        || Collections.indexOfSubList(tokens, List.of("good", "idea")) >= 0
        || Collections.indexOfSubList(tokens, List.of("i", "agree")) >= 0
            && !tokens.contains("not");
  }

  /** How a proposal opens; what follows is the decision's content. */
  private static final List<List<String>> PROPOSALS =
      List.of(
          List.of("are", "we", "all", "happy", "with"),
          List.of("are", "we", "all", "happy", "about"),
          List.of("is", "everybody", "okay", "with"),
          List.of("is", "everyone", "okay", "with"),
          List.of("everybody", "is", "okay", "with"),
          List.of("everyone", "is", "okay", "with"),
          List.of("let", "us", "go", "with"),
          List.of("let", "us", "go", "for"),
          List.of("i", "think", "it", "is", "better", "to"),
          List.of("i", "think", "we", "could", "just"),
          List.of("i", "suggest"),
          List.of("we", "will", "say"),
          List.of("should", "we"),
          List.of("shall", "we"),
          List.of("i", "think", "we", "should"),
          List.of("i", "propose", "we"),
          List.of("i", "propose", "that", "we"),
          List.of("i", "suggest", "we"),
          List.of("i", "suggest", "that", "we"),
          List.of("we", "should"));

  /**
   * Whether the cue is negated or doubted in its own clause: "we have not decided yet", but not
   * "Let's not. So we're going with …", where the "not" belongs to the clause before.
   */
  private static boolean negated(Utterance u, int at) {
    int from = at;
    while (from > 0 && at - from < 3 && !CLAUSE_BREAKS.contains(u.token(from - 1))) {
      from--;
    }
    for (int k = from; k < Math.min(u.tokens().size(), at + 4); k++) {
      if (Set.of("not", "never", "yet", "if", "whether").contains(u.token(k))) {
        return true;
      }
    }
    return false;
  }
}
