package dev.verbatim.minutes.realmeetings;

import dev.verbatim.core.ActionItem;
import dev.verbatim.core.Decision;
import dev.verbatim.core.Meeting;
import dev.verbatim.core.Minutes;
import dev.verbatim.minutes.MinutesProperties;
import dev.verbatim.minutes.MinutesWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Scores the minutes of real meetings against their labels. A point of the minutes stands for a
 * label when it was said in the label's turns (or the turn either side): provenance, not wording,
 * decides, since real speech words a task a dozen ways. Pairs are one to one, nearest turn first.
 */
final class RealMeetingsEvaluation {

  /** The figures of one set of meetings in one form. */
  record Score(
      int actionsExpected,
      int actionsFound,
      int actionsMatched,
      int ownersRight,
      int decisionsExpected,
      int decisionsFound,
      int decisionsMatched,
      List<String> details,
      List<String> items) {

    double precision() {
      return actionsFound == 0 ? 1 : (double) actionsMatched / actionsFound;
    }

    double recall() {
      return actionsExpected == 0 ? 1 : (double) actionsMatched / actionsExpected;
    }

    /** Real assignments found with the right owner, as a share of all of them. */
    double recallWithOwner() {
      return actionsExpected == 0 ? 1 : (double) ownersRight / actionsExpected;
    }

    double decisionPrecision() {
      return decisionsFound == 0 ? 1 : (double) decisionsMatched / decisionsFound;
    }

    double decisionRecall() {
      return decisionsExpected == 0 ? 1 : (double) decisionsMatched / decisionsExpected;
    }

    String row(String name, int meetings) {
      return String.format(
          Locale.ROOT,
          "| %s | %d | %d | %d | %d | %.2f | %.2f | %.2f | %.1f | %d | %d | %.2f | %.2f |",
          name,
          meetings,
          actionsExpected,
          actionsFound,
          actionsMatched,
          precision(),
          recall(),
          recallWithOwner(),
          (double) (actionsFound - actionsMatched) / meetings,
          decisionsExpected,
          decisionsFound,
          decisionPrecision(),
          decisionRecall());
    }
  }

  static final String HEADER =
      "| set, form | meetings | items expected | found | matched | P | R | R with owner |"
          + " false per meeting | decisions expected | found | P | R |\n"
          + "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |";

  private final MinutesWriter writer = new MinutesWriter(MinutesProperties.defaults());

  /** The checkout's {@code eval/real-meetings}, from wherever the tests run. */
  static Path directory() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("eval/real-meetings");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("No eval/real-meetings above " + Path.of("").toAbsolutePath());
  }

  /** The meetings of one line of {@code sets.txt}: {@code tuning} or {@code held-out}. */
  static List<String> set(String name) throws IOException {
    for (String line : Files.readAllLines(directory().resolve("sets.txt"))) {
      if (line.startsWith(name + ":")) {
        return List.of(line.substring(name.length() + 1).strip().split("\\s+"));
      }
    }
    throw new IllegalArgumentException("No set " + name + " in sets.txt");
  }

  Score score(List<String> meetings, RealMeeting.Form form) throws IOException {
    int expected = 0, found = 0, matched = 0, owners = 0;
    int dExpected = 0, dFound = 0, dMatched = 0;
    List<String> details = new ArrayList<>();
    List<String> rows = new ArrayList<>();
    for (String id : meetings) {
      RealMeeting real = RealMeeting.read(directory().resolve("transcripts/" + id + ".json"));
      List<Label> labels = Label.read(directory().resolve("labels/" + id + ".labels"));
      Meeting meeting = real.meeting(form);
      Minutes minutes = writer.write(meeting);
      List<Label> actions = labels.stream().filter(l -> l.kind() == Label.Kind.ACTION).toList();
      List<Label> decisions = labels.stream().filter(l -> l.kind() == Label.Kind.DECISION).toList();
      expected += actions.size();
      found += minutes.actionItems().size();
      dExpected += decisions.size();
      dFound += minutes.decisions().size();
      Set<Label> taken = new HashSet<>();
      for (ActionItem item : minutes.actionItems()) {
        Label label = match(item.segmentIds(), actions, taken);
        String said = "\"" + item.quote() + "\" -> " + item.text() + " [" + item.owner() + "]";
        rows.add(
            String.join(
                "\t",
                id,
                String.valueOf(RealMeeting.turnOf(item.segmentIds().get(0))),
                label == null ? "false" : "true",
                String.valueOf(item.owner()),
                item.text(),
                item.quote()));
        if (label == null) {
          details.add(id + " FALSE item at " + turns(item.segmentIds()) + ": " + said);
          continue;
        }
        matched++;
        if (label.ownedBy(item.owner())) {
          owners++;
        } else {
          details.add(id + " WRONG OWNER " + label.owner() + " for " + said);
        }
      }
      for (Label label : actions) {
        if (!taken.contains(label)) {
          details.add(
              id
                  + " MISSED item at "
                  + span(label)
                  + " ["
                  + label.owner()
                  + "]: "
                  + label.text()
                  + " | "
                  + said(real, label));
        }
      }
      Set<Label> decided = new HashSet<>();
      for (Decision decision : minutes.decisions()) {
        Label label = match(decision.segmentIds(), decisions, decided);
        if (label == null) {
          details.add(
              id
                  + " FALSE decision at "
                  + turns(decision.segmentIds())
                  + ": \""
                  + decision.quote()
                  + "\" -> "
                  + decision.text());
        } else {
          dMatched++;
        }
      }
      for (Label label : decisions) {
        if (!decided.contains(label)) {
          details.add(
              id
                  + " MISSED decision at "
                  + span(label)
                  + ": "
                  + label.text()
                  + " | "
                  + said(real, label));
        }
      }
    }
    return new Score(expected, found, matched, owners, dExpected, dFound, dMatched, details, rows);
  }

  private static @Nullable Label match(
      List<String> segmentIds, List<Label> labels, Set<Label> taken) {
    List<Integer> turns = segmentIds.stream().map(RealMeeting::turnOf).toList();
    Label best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Label label : labels) {
      if (taken.contains(label)) {
        continue;
      }
      for (int turn : turns) {
        if (label.covers(turn)) {
          int distance =
              turn < label.fromTurn()
                  ? label.fromTurn() - turn
                  : turn > label.toTurn() ? turn - label.toTurn() : 0;
          if (distance < bestDistance) {
            best = label;
            bestDistance = distance;
          }
        }
      }
    }
    if (best != null) {
      taken.add(best);
    }
    return best;
  }

  private static String turns(List<String> segmentIds) {
    return String.join(",", segmentIds.stream().map(s -> s.substring(1)).toList());
  }

  private static String span(Label label) {
    return label.fromTurn() == label.toTurn()
        ? String.valueOf(label.fromTurn())
        : label.fromTurn() + "-" + label.toTurn();
  }

  private static String said(RealMeeting real, Label label) {
    StringBuilder out = new StringBuilder();
    for (int t = label.fromTurn(); t <= label.toTurn() && t < real.turns().size(); t++) {
      out.append(real.speakers().get(t)).append(": ").append(real.turns().get(t)).append(' ');
    }
    return out.toString().strip();
  }
}
