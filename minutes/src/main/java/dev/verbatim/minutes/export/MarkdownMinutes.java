package dev.verbatim.minutes.export;

import dev.verbatim.core.ActionItem;
import dev.verbatim.core.Chapter;
import dev.verbatim.core.Decision;
import dev.verbatim.core.Minutes;
import dev.verbatim.core.Speaker;
import dev.verbatim.core.SpeakerIdentification;
import dev.verbatim.core.SummaryPoint;
import dev.verbatim.minutes.template.MinutesTemplate.Section;
import java.io.IOException;
import java.io.Writer;

/** Minutes as CommonMark (with a GitHub-style table for action items). */
final class MarkdownMinutes {

  private final MinutesView view;
  private final Writer out;

  private MarkdownMinutes(MinutesView view, Writer out) {
    this.view = view;
    this.out = out;
  }

  static void write(MinutesView view, Writer out) throws IOException {
    new MarkdownMinutes(view, out).write();
    out.flush();
  }

  private void write() throws IOException {
    line("# " + escape(view.title()));
    line("");
    line(escape(view.subtitle()));
    for (Section section : view.template().sections()) {
      line("");
      line("## " + MinutesView.heading(section));
      line("");
      if (view.isEmpty(section)) {
        line(MinutesView.emptyText(section));
        continue;
      }
      switch (section) {
        case PARTICIPANTS -> participants();
        case SUMMARY -> summary();
        case ACTION_ITEMS -> actionItems();
        case DECISIONS -> decisions();
        case CHAPTERS -> chapters();
        case KEYWORDS -> line(escape(view.keywords()));
        case TRANSCRIPT -> transcript();
      }
    }
  }

  private void participants() throws IOException {
    for (Speaker speaker : view.meeting().speakers()) {
      line(
          "- **"
              + escape(view.speaker(speaker.id()))
              + "** — "
              + MinutesView.duration(speaker.talkTimeMs())
              + " talk time");
    }
    Minutes minutes = view.minutes();
    if (!minutes.identifiedSpeakers().isEmpty()) {
      line("");
      line("Names found in what was said:");
      line("");
      for (SpeakerIdentification identification : minutes.identifiedSpeakers()) {
        line("- " + escape(view.identification(identification)));
      }
    }
  }

  private void summary() throws IOException {
    for (SummaryPoint point : view.minutes().summary()) {
      line("- " + escape(MinutesView.oneLine(point.text())));
    }
  }

  private void actionItems() throws IOException {
    line("| What | Owner | Due | Status | At |");
    line("| --- | --- | --- | --- | --- |");
    for (ActionItem item : view.minutes().actionItems()) {
      String at = cell(view.time(item.startMs()));
      String link = view.link(item.startMs());
      line(
          "| "
              + cell(MinutesView.oneLine(item.text()))
              + " | "
              + cell(view.owner(item))
              + " | "
              + cell(view.due(item))
              + " | "
              + MinutesView.status(item)
              + " | "
              // Our own address: angle brackets keep any parenthesis in it from ending the link.
              + (link == null ? at : "[" + at + "](<" + link + ">)")
              + " |");
    }
  }

  private void decisions() throws IOException {
    for (Decision decision : view.minutes().decisions()) {
      line(
          "- "
              + escape("[" + view.time(decision.startMs()) + "] ")
              + escape(MinutesView.oneLine(decision.text())));
    }
  }

  private void chapters() throws IOException {
    for (Chapter chapter : view.minutes().chapters()) {
      line(
          "- "
              + escape(view.range(chapter.startMs(), chapter.endMs()))
              + " **"
              + escape(MinutesView.oneLine(chapter.title()))
              + "**");
    }
  }

  private void transcript() throws IOException {
    boolean first = true;
    for (MinutesView.Line transcriptLine : view.transcript()) {
      if (!first) {
        line("");
      }
      first = false;
      line(
          escape("[" + view.time(transcriptLine.startMs()) + "]")
              + " **"
              + escape(view.speaker(transcriptLine.speakerId()))
              + ":** "
              + escape(transcriptLine.text()));
    }
  }

  private void line(String text) throws IOException {
    out.write(text);
    out.write('\n');
  }

  private static String cell(String text) {
    String escaped = escape(text);
    return escaped.isEmpty() ? MinutesView.NONE : escaped;
  }

  /**
   * Escapes text so that it shows as written and never as Markdown or HTML: every character with
   * inline meaning gets a backslash, and so does anything at the start that would open a block (a
   * list item, a heading, a quote). {@link MinutesView#oneLine} has already removed line breaks.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    int start = blockMarkerEnd(text);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isInlineSpecial(c) || (i < start && isAsciiPunctuation(c))) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static boolean isAsciiPunctuation(char c) {
    return c < 128 && !Character.isLetterOrDigit(c) && c > ' ';
  }

  /** Characters that mean something anywhere in a line, not just at its start. */
  private static boolean isInlineSpecial(char c) {
    return "\\`*_[]<>|~&#".indexOf(c) >= 0;
  }

  /**
   * How far the start of the text could read as a block marker: "- ", "+ ", "= " or "1. " would
   * make a list or a heading underline, so those leading characters are escaped too.
   */
  private static int blockMarkerEnd(String text) {
    if (text.isEmpty()) {
      return 0;
    }
    char first = text.charAt(0);
    if (first == '-' || first == '+' || first == '=') {
      return 1;
    }
    int digits = 0;
    while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
      digits++;
    }
    if (digits > 0 && digits < text.length() && ".)".indexOf(text.charAt(digits)) >= 0) {
      return digits + 1;
    }
    return 0;
  }
}
