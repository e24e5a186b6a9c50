package dev.verbatim.minutes.export;

import dev.verbatim.core.Word;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The transcript as subtitle cues, for WebVTT and SRT. A cue is at most about {@value #MAX_CUE_MS}
 * ms and {@value #MAX_CUE_CHARS} characters, so that it fits on screen and stays in step with the
 * voice; longer lines split between words, at the recognised word times when the line's words match
 * them.
 */
final class Subtitles {

  static final long MAX_CUE_MS = 7_000;
  static final int MAX_CUE_CHARS = 80;

  private Subtitles() {}

  record Cue(long startMs, long endMs, String speakerId, String text) {}

  static List<Cue> cues(MinutesView view) {
    List<Cue> cues = new ArrayList<>();
    for (MinutesView.Line line : view.transcript()) {
      cues.addAll(split(line));
    }
    return cues;
  }

  static void writeWebVtt(MinutesView view, Writer out) throws IOException {
    out.write("WEBVTT\n");
    for (Cue cue : cues(view)) {
      out.write('\n');
      out.write(vttTime(cue.startMs()) + " --> " + vttTime(cue.endMs()) + "\n");
      out.write(
          "<v "
              + vttEscape(view.speaker(cue.speakerId()))
              + ">"
              + vttEscape(cue.text())
              + "</v>\n");
    }
    out.flush();
  }

  static void writeSrt(MinutesView view, Writer out) throws IOException {
    int number = 0;
    for (Cue cue : cues(view)) {
      if (number > 0) {
        out.write('\n');
      }
      number++;
      out.write(number + "\n");
      out.write(srtTime(cue.startMs()) + " --> " + srtTime(cue.endMs()) + "\n");
      out.write(srtText(view.speaker(cue.speakerId())) + ": " + srtText(cue.text()) + "\n");
    }
    out.flush();
  }

  /** Splits one transcript line into cues no longer than the limits, between words. */
  static List<Cue> split(MinutesView.Line line) {
    String[] tokens = line.text().split(" ");
    long[] starts = new long[tokens.length];
    long[] ends = new long[tokens.length];
    time(line, tokens, starts, ends);
    List<Cue> cues = new ArrayList<>();
    long previousEnd = line.startMs();
    int from = 0;
    while (from < tokens.length) {
      int to = from + 1;
      int chars = tokens[from].length();
      while (to < tokens.length
          && chars + 1 + tokens[to].length() <= MAX_CUE_CHARS
          && ends[to] - starts[from] <= MAX_CUE_MS) {
        chars += 1 + tokens[to].length();
        to++;
      }
      long start = from == 0 ? line.startMs() : Math.max(starts[from], previousEnd);
      long end = to == tokens.length ? line.endMs() : ends[to - 1];
      // A cue must end after it starts; only inconsistent timings get here.
      end = Math.max(end, start + 1);
      cues.add(
          new Cue(
              start, end, line.speakerId(), String.join(" ", List.of(tokens).subList(from, to))));
      previousEnd = end;
      from = to;
    }
    return cues;
  }

  /**
   * Times each token: from the recognised words when there is one per token (segment text, and
   * sentences whose punctuation did not merge or split words), else in proportion to where the
   * token sits in the text.
   */
  private static void time(MinutesView.Line line, String[] tokens, long[] starts, long[] ends) {
    List<Word> words = line.words();
    if (words.size() == tokens.length) {
      for (int i = 0; i < tokens.length; i++) {
        starts[i] = words.get(i).startMs();
        ends[i] = words.get(i).endMs();
      }
      return;
    }
    long duration = line.endMs() - line.startMs();
    int total = line.text().length();
    int offset = 0;
    for (int i = 0; i < tokens.length; i++) {
      starts[i] = line.startMs() + duration * offset / total;
      ends[i] = line.startMs() + duration * (offset + tokens[i].length()) / total;
      offset += tokens[i].length() + 1;
    }
  }

  static String vttTime(long ms) {
    return time(ms, '.');
  }

  static String srtTime(long ms) {
    return time(ms, ',');
  }

  private static String time(long ms, char separator) {
    long t = Math.max(0, ms);
    return String.format(
        Locale.ROOT,
        "%02d:%02d:%02d%c%03d",
        t / 3_600_000,
        t / 60_000 % 60,
        t / 1000 % 60,
        separator,
        t % 1000);
  }

  /** WebVTT cue text and voice names take HTML-like escapes; "-->" cannot survive them. */
  static String vttEscape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * SRT has no escapes: an arrow that would read as a timing line is shortened, and "<" becomes "‹"
   * so players that honour {@code <font>} and {@code <i>} do not take transcript text as markup.
   */
  static String srtText(String text) {
    String out = text.replace('<', '‹');
    while (out.contains("-->")) {
      out = out.replace("-->", "->");
    }
    return out;
  }
}
