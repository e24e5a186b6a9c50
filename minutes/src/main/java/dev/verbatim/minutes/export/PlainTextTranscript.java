package dev.verbatim.minutes.export;

import dev.verbatim.minutes.template.MinutesTemplate.Section;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** The transcript as plain text: a title header, then one {@code [mm:ss] Name: text} per line. */
final class PlainTextTranscript {

  private PlainTextTranscript() {}

  static void write(MinutesView view, Writer out) throws IOException {
    String title = view.title();
    out.write(title + "\n");
    out.write("=".repeat(title.codePointCount(0, title.length())) + "\n");
    out.write(view.subtitle() + "\n\n");
    List<MinutesView.Line> lines = view.transcript();
    if (lines.isEmpty()) {
      out.write(MinutesView.emptyText(Section.TRANSCRIPT));
      out.write('\n');
    }
    for (MinutesView.Line line : lines) {
      out.write(
          "["
              + view.time(line.startMs())
              + "] "
              + view.speaker(line.speakerId())
              + ": "
              + line.text()
              + "\n");
    }
    out.flush();
  }
}
