package dev.verbatim.testsupport.evaluation;

import dev.verbatim.core.ActionItem;
import dev.verbatim.core.Decision;
import dev.verbatim.testsupport.Line;
import dev.verbatim.testsupport.SpokenLine;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import org.jspecify.annotations.Nullable;

/** Plain-text tables of scores, for a person tuning the engine to read. */
public final class Report {

  private static final String ROW = "%-28s %4s %4s %5s %6s %6s %6s %6s %6s %7s %4s%n";

  private Report() {}

  /**
   * One row per meeting and a total: expected, predicted and matched action items, precision,
   * recall, F1, owner and due-date accuracy over matched items, decision F1, and false positives in
   * meetings without action items.
   */
  public static String table(String condition, List<MeetingScore> scores) {
    StringBuilder out = new StringBuilder();
    out.append("== ").append(condition).append(" ==\n");
    out.append(
        String.format(
            Locale.ROOT,
            ROW,
            "meeting",
            "exp",
            "pred",
            "match",
            "P",
            "R",
            "F1",
            "owner",
            "due",
            "dec.F1",
            "FP0"));
    for (MeetingScore score : scores) {
      row(out, score.meeting().name(), score.summary());
    }
    Summary total = Summary.of(scores);
    row(out, "total (" + total.meetings() + " meetings)", total);
    out.append(
        String.format(
            Locale.ROOT,
            "decisions: %d expected, %d predicted, %d matched;"
                + " false positives in meetings without action items: %d%n",
            total.expectedDecisions(),
            total.predictedDecisions(),
            total.matchedDecisions(),
            total.falsePositivesWithoutActionItems()));
    return out.toString();
  }

  /**
   * Splits a recognised condition's misses and false items by where they come from, against the
   * same meetings as clean text: an item the engine finds in the clean script but not in the
   * recognised transcript was lost to recognition (a misheard or missing word, a wrong speaker);
   * one it misses in the clean script too is the engine's own miss. So the figures say which part
   * to fix.
   */
  public static String bySource(
      String condition, List<MeetingScore> recognised, List<MeetingScore> clean) {
    int recognitionMisses = 0;
    int extractionMisses = 0;
    int recognitionFalse = 0;
    int extractionFalse = 0;
    for (int i = 0; i < recognised.size() && i < clean.size(); i++) {
      MeetingScore heard = recognised.get(i);
      MeetingScore read = clean.get(i);
      for (ExpectedAction missed : heard.missed()) {
        if (read.missed().contains(missed)) {
          extractionMisses++;
        } else {
          recognitionMisses++;
        }
      }
      // A false item counts as the engine's own when clean text has a false item from the same
      // line.
      for (ActionItem wrong : heard.falsePositives()) {
        boolean alsoClean =
            read.falsePositives().stream()
                .anyMatch(
                    f ->
                        f.text().equalsIgnoreCase(wrong.text())
                            || f.quote().equalsIgnoreCase(wrong.quote()));
        if (alsoClean) {
          extractionFalse++;
        } else {
          recognitionFalse++;
        }
      }
    }
    return String.format(
        Locale.ROOT,
        "%s by source: %d misses from recognition (found in clean text), %d from extraction"
            + " (missed in clean text too); %d false items from recognition, %d from extraction%n",
        condition,
        recognitionMisses,
        extractionMisses,
        recognitionFalse,
        extractionFalse);
  }

  /** Every miss, false positive, wrong owner and wrong due date, meeting by meeting. */
  public static String details(String condition, List<MeetingScore> scores) {
    StringBuilder out = new StringBuilder();
    out.append("-- ").append(condition).append(": misses and false positives --\n");
    for (MeetingScore score : scores) {
      StringBuilder lines = new StringBuilder();
      for (ExpectedAction missed : score.missed()) {
        lines.append(
            String.format(
                Locale.ROOT,
                "  missed     %s (owner %s, due %s)%n",
                said(score, missed.line()),
                none(missed.owner()),
                none(missed.due())));
      }
      for (ActionItem fp : score.falsePositives()) {
        lines.append(
            String.format(
                Locale.ROOT,
                "  false +    %s \"%s\" (owner %s, due %s) quote \"%s\"%n",
                clock(fp.startMs()),
                fp.text(),
                none(fp.owner()),
                none(fp.due()),
                fp.quote()));
      }
      for (ActionMatch match : score.matches()) {
        if (!match.ownerCorrect()) {
          lines.append(
              String.format(
                  Locale.ROOT,
                  "  owner      \"%s\": expected %s, got %s%n",
                  match.predicted().text(),
                  none(match.expected().owner()),
                  none(match.predicted().owner())));
        }
        if (!match.dueCorrect()) {
          lines.append(
              String.format(
                  Locale.ROOT,
                  "  due        \"%s\": expected %s, got %s%n",
                  match.predicted().text(),
                  none(match.expected().due()),
                  none(match.predicted().due())));
        }
      }
      for (ExpectedDecision missed : score.missedDecisions()) {
        lines.append("  missed dec ").append(said(score, missed.line())).append('\n');
      }
      for (Decision fp : score.falseDecisions()) {
        lines.append(
            String.format(Locale.ROOT, "  false dec  %s \"%s\"%n", clock(fp.startMs()), fp.text()));
      }
      if (!lines.isEmpty()) {
        out.append(score.meeting().name()).append('\n').append(lines);
      }
    }
    return out.toString();
  }

  private static void row(StringBuilder out, String name, Summary s) {
    boolean matched = s.matched() > 0;
    DoubleFunction<String> f = v -> String.format(Locale.ROOT, "%.2f", v);
    out.append(
        String.format(
            Locale.ROOT,
            ROW,
            name,
            s.expected(),
            s.predicted(),
            s.matched(),
            f.apply(s.precision()),
            f.apply(s.recall()),
            f.apply(s.f1()),
            matched ? f.apply(s.ownerAccuracy()) : "-",
            matched ? f.apply(s.dueAccuracy()) : "-",
            f.apply(s.decisionF1()),
            s.falsePositivesWithoutActionItems()));
  }

  private static String said(MeetingScore score, int index) {
    SpokenLine spoken = score.timeline().get(index);
    Line line = spoken.line();
    return clock(spoken.startMs()) + " " + line.speaker() + ": \"" + line.text() + "\"";
  }

  private static String none(@Nullable Object value) {
    return value == null ? "none" : value.toString();
  }

  private static String clock(long millis) {
    return String.format(Locale.ROOT, "[%d:%04.1f]", millis / 60_000, millis % 60_000 / 1000.0);
  }
}
