package dev.verbatim.ingest.transcript;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads subtitles, WebVTT or SRT, as a transcript. Speakers come from WebVTT voice tags ({@code <v
 * Ana Lima>}, as Microsoft Teams writes them) or, when every line lacks them, from a name before a
 * colon that most cues start with ({@code Ana Lima: …}, as Zoom writes them).
 */
public final class Captions {

  private static final Pattern TIMING =
      Pattern.compile(
          "^\\s*((?:\\d{1,5}:)?\\d{1,2}:\\d{2}[.,]\\d{1,3})\\s*-->\\s*((?:\\d{1,5}:)?\\d{1,2}:\\d{2}[.,]\\d{1,3})(?:\\s.*)?$");
  private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^\\s>]*)?\\s+([^>]*)>");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern NAME_PREFIX =
      Pattern.compile("^([\\p{L}][\\p{L}\\p{M}.'\\- ]{0,40}?):\\s+(\\S.*)$");

  /** The longest line read: subtitles are short; a longer one is not a subtitle file. */
  private static final int MAX_LINE = 10_000;

  private Captions() {}

  /** One cue as written: when, and its text with any voice tag. */
  private record Cue(long startMs, long endMs, @Nullable String voice, String text) {}

  /**
   * @param name the file's name, for messages
   * @throws TranscriptRejectedException if it holds no cues, or a timing that cannot be read
   */
  public static ImportedTranscript read(Reader source, String name) {
    List<Cue> cues = cues(source, name);
    if (cues.isEmpty()) {
      throw new TranscriptRejectedException(
          name
              + " holds no subtitles: expected WebVTT or SRT cues with timings like"
              + " \"00:00:01.000 --> 00:00:04.000\".");
    }
    boolean voices = cues.stream().anyMatch(c -> c.voice() != null);
    long prefixed = cues.stream().filter(c -> NAME_PREFIX.matcher(c.text()).matches()).count();
    // A name before a colon on most cues is a speaker; on a few, it is just a sentence with a
    // colon.
    boolean namePrefixes = !voices && prefixed * 2 >= cues.size() && prefixed >= 2;
    TranscriptAssembler transcript = new TranscriptAssembler();
    for (Cue cue : cues) {
      String speaker = cue.voice();
      String text = cue.text();
      if (namePrefixes) {
        Matcher prefix = NAME_PREFIX.matcher(text);
        if (prefix.matches()) {
          speaker = prefix.group(1);
          text = prefix.group(2);
        }
      }
      transcript.add(speaker, cue.startMs(), cue.endMs(), text);
    }
    return transcript.build();
  }

  private static List<Cue> cues(Reader source, String name) {
    List<Cue> cues = new ArrayList<>();
    BufferedReader lines = new BufferedReader(source);
    int number = 0;
    Cue current = null;
    StringBuilder text = new StringBuilder();
    boolean skipping = false;
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (line.length() > MAX_LINE) {
          throw new TranscriptRejectedException(
              name + ", line " + number + ": longer than " + MAX_LINE + " characters.");
        }
        if (number == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
          line = line.substring(1);
        }
        if (line.isBlank()) {
          if (current != null) {
            cues.add(withText(current, text));
          }
          current = null;
          text.setLength(0);
          skipping = false;
          continue;
        }
        if (skipping) {
          continue;
        }
        Matcher timing = TIMING.matcher(line);
        if (timing.matches()) {
          if (current != null) {
            // A cue without the blank line before the next one's timing: end it here.
            cues.add(withText(current, text));
            text.setLength(0);
          }
          long start = millis(timing.group(1));
          long end = millis(timing.group(2));
          if (end < start) {
            throw new TranscriptRejectedException(
                name + ", line " + number + ": the cue ends before it starts: " + line.strip());
          }
          current = new Cue(start, end, null, "");
        } else if (current != null) {
          text.append(text.length() == 0 ? "" : " ").append(line.strip());
        } else if (line.contains("-->")) {
          throw new TranscriptRejectedException(
              name
                  + ", line "
                  + number
                  + ": a timing that cannot be read: \""
                  + clip(line.strip())
                  + "\" (expected like 00:00:01.000 --> 00:00:04.000).");
        } else if (startsBlock(line)) {
          // WebVTT's NOTE, STYLE and REGION blocks are not spoken.
          skipping = true;
        }
        // Anything else before a timing is a cue identifier, an SRT number or the WEBVTT header.
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + name, e);
    }
    if (current != null) {
      cues.add(withText(current, text));
    }
    return cues;
  }

  private static boolean startsBlock(String line) {
    String word = line.strip().split("\\s", 2)[0].toUpperCase(Locale.ROOT);
    return word.equals("NOTE") || word.equals("STYLE") || word.equals("REGION");
  }

  private static Cue withText(Cue cue, CharSequence raw) {
    String text = raw.toString();
    String voice = null;
    Matcher v = VOICE.matcher(text);
    if (v.find()) {
      voice = unescape(v.group(1).strip());
    }
    return new Cue(cue.startMs(), cue.endMs(), voice, unescape(TAG.matcher(text).replaceAll("")));
  }

  /** The character references WebVTT defines, plus the numeric ones subtitle tools write. */
  static String unescape(String text) {
    if (text.indexOf('&') < 0) {
      return text;
    }
    Matcher reference = Pattern.compile("&(#\\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]+);").matcher(text);
    StringBuilder out = new StringBuilder();
    while (reference.find()) {
      String name = reference.group(1);
      String replacement =
          switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            case "lrm", "rlm" -> "";
            default -> numeric(name).orElse(reference.group());
          };
      reference.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    reference.appendTail(out);
    return out.toString();
  }

  private static java.util.Optional<String> numeric(String name) {
    if (!name.startsWith("#")) {
      return java.util.Optional.empty();
    }
    try {
      int code =
          name.startsWith("#x") || name.startsWith("#X")
              ? Integer.parseInt(name.substring(2), 16)
              : Integer.parseInt(name.substring(1));
      return Character.isValidCodePoint(code)
          ? java.util.Optional.of(new String(Character.toChars(code)))
          : java.util.Optional.empty();
    } catch (NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }

  /** {@code 01:02:03.456}, {@code 02:03.456} or SRT's {@code 01:02:03,456}, in milliseconds. */
  static long millis(String timestamp) {
    String[] parts = timestamp.replace(',', '.').split(":");
    long hours = parts.length == 3 ? Long.parseLong(parts[0]) : 0;
    long minutes = Long.parseLong(parts[parts.length - 2]);
    String[] seconds = parts[parts.length - 1].split("\\.");
    String fraction = (seconds[1] + "00").substring(0, 3);
    return ((hours * 60 + minutes) * 60 + Long.parseLong(seconds[0])) * 1000
        + Long.parseLong(fraction);
  }

  private static String clip(String line) {
    return line.length() > 80 ? line.substring(0, 80) + "…" : line;
  }
}
