package dev.verbatim.transcribe.edit;

import dev.verbatim.core.Segment;
import dev.verbatim.core.Word;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A person's correction of a segment's text, realigned to the recognised words so that every word
 * keeps a time: the words are aligned by edit distance on their letters, words left as they were or
 * substituted one for one keep their times, and new words share the time of what they replace or
 * the gap they were put in.
 */
public final class SegmentCorrection {

  /** The longest text a segment may be corrected to. */
  public static final int MAX_TEXT_LENGTH = 10_000;

  /** Bounds the alignment table of recognised words by typed words. */
  private static final long MAX_ALIGNMENT_CELLS = 20_000_000;

  /** A gap shorter than this per inserted word is too short to say them in. */
  private static final long MIN_INSERTED_WORD_MS = 100;

  private static final Pattern SPACE = Pattern.compile("(?U)\\s+");

  private SegmentCorrection() {}

  /**
   * Returns {@code segment} with {@code newText}, split at whitespace into words written as typed.
   * Words whose text is unchanged keep their confidence; edited and new words have confidence 1, as
   * a person vouches for them. The segment's own start and end do not change.
   *
   * @throws IllegalArgumentException when the text is blank (delete the segment instead), longer
   *     than {@value #MAX_TEXT_LENGTH} characters or holds control characters
   */
  public static Segment correct(Segment segment, String newText) {
    List<String> tokens = tokens(newText);
    List<Word> old = segment.words();
    if ((long) (old.size() + 1) * (tokens.size() + 1) > MAX_ALIGNMENT_CELLS) {
      throw new IllegalArgumentException(
          "Segment " + segment.id() + " is too long to realign: " + old.size() + " words");
    }
    return Glossary.withWords(segment, realign(segment, old, tokens));
  }

  /**
   * Replaces every case-insensitive occurrence of {@code find} in the segments' text by {@code
   * replace}, realigning each changed segment as {@link #correct} does. Whitespace in {@code find}
   * matches any whitespace. A segment that would be left without text is not changed, as deleting a
   * segment is a separate act.
   *
   * @param wholeWords when true, only occurrences with no letter or digit right before or after
   * @throws IllegalArgumentException when {@code find} is blank or either text is too long
   */
  public static FindReplaceResult replaceAll(
      List<Segment> segments, String find, String replace, boolean wholeWords) {
    Objects.requireNonNull(replace, "replace");
    List<String> findWords = tokens(find);
    if (replace.length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException(
          "The replacement is longer than " + MAX_TEXT_LENGTH + " characters");
    }
    String edge = wholeWords ? "(?<![\\p{L}\\p{N}])" : "";
    String end = wholeWords ? "(?![\\p{L}\\p{N}])" : "";
    Pattern pattern =
        Pattern.compile(
            edge + String.join("\\s+", findWords.stream().map(Pattern::quote).toList()) + end,
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    String literal = Matcher.quoteReplacement(replace);
    List<Segment> result = new ArrayList<>(segments.size());
    int replacements = 0;
    for (Segment segment : segments) {
      Matcher matcher = pattern.matcher(segment.text());
      int count = (int) matcher.results().count();
      String text = count == 0 ? segment.text() : matcher.replaceAll(literal);
      if (count == 0 || text.equals(segment.text()) || text.isBlank()) {
        result.add(segment);
      } else {
        result.add(correct(segment, text));
        replacements += count;
      }
    }
    return new FindReplaceResult(result, replacements);
  }

  private static List<String> tokens(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("The text is blank; to remove a segment, delete it");
    }
    if (text.length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException(
          "The text has " + text.length() + " characters, more than " + MAX_TEXT_LENGTH);
    }
    if (text.chars().anyMatch(c -> Character.isISOControl(c) && !Character.isWhitespace(c))) {
      throw new IllegalArgumentException("The text holds control characters");
    }
    return List.of(SPACE.split(text.strip()));
  }

  /** One step of the alignment: a recognised word, a typed word, or both. */
  private record Step(@Nullable Word old, @Nullable String typed, boolean same) {}

  private static List<Word> realign(Segment segment, List<Word> old, List<String> typed) {
    List<Step> steps = align(old, typed);
    List<Word> out = new ArrayList<>(typed.size());
    int i = 0;
    while (i < steps.size()) {
      Step step = steps.get(i);
      if (step.same()) {
        Word word = Objects.requireNonNull(step.old());
        String text = Objects.requireNonNull(step.typed());
        double confidence = text.equals(word.text()) ? word.confidence() : 1.0;
        out.add(new Word(text, word.startMs(), word.endMs(), confidence));
        i++;
        continue;
      }
      // A run of edits between two words that stayed: what was said there, and what was typed.
      List<Word> replaced = new ArrayList<>();
      List<String> written = new ArrayList<>();
      int j = i;
      for (; j < steps.size() && !steps.get(j).same(); j++) {
        if (steps.get(j).old() != null) {
          replaced.add(steps.get(j).old());
        }
        if (steps.get(j).typed() != null) {
          written.add(steps.get(j).typed());
        }
      }
      Word next = j < steps.size() ? steps.get(j).old() : null;
      i = j;
      if (written.isEmpty()) {
        continue;
      }
      if (replaced.size() == written.size()) {
        for (int k = 0; k < written.size(); k++) {
          Word was = replaced.get(k);
          out.add(new Word(written.get(k), was.startMs(), was.endMs(), 1.0));
        }
      } else if (!replaced.isEmpty()) {
        out.addAll(
            Timing.spread(
                written,
                ones(written.size()),
                replaced.get(0).startMs(),
                replaced.get(replaced.size() - 1).endMs()));
      } else {
        i = inserted(segment, out, written, next, steps, i);
      }
    }
    return out;
  }

  /**
   * Times words typed where nothing was recognised: they fill the gap between their neighbours, or
   * when that gap is too short to say them in, share the time of the word before (or after) them.
   *
   * @return the index of the next step to realign
   */
  private static int inserted(
      Segment segment,
      List<Word> out,
      List<String> written,
      @Nullable Word next,
      List<Step> steps,
      int nextStep) {
    long from = out.isEmpty() ? segment.startMs() : out.get(out.size() - 1).endMs();
    long to = next == null ? segment.endMs() : next.startMs();
    if (to - from >= MIN_INSERTED_WORD_MS * written.size() || (out.isEmpty() && next == null)) {
      out.addAll(Timing.spread(written, ones(written.size()), from, Math.max(from, to)));
      return nextStep;
    }
    List<String> texts = new ArrayList<>(written);
    List<Double> confidences = new ArrayList<>(ones(written.size()));
    if (!out.isEmpty()) {
      Word before = out.remove(out.size() - 1);
      texts.add(0, before.text());
      confidences.add(0, before.confidence());
      out.addAll(
          Timing.spread(texts, confidences, before.startMs(), Math.max(before.startMs(), to)));
      return nextStep;
    }
    Word after = Objects.requireNonNull(next);
    String afterText = Objects.requireNonNull(steps.get(nextStep).typed());
    texts.add(afterText);
    confidences.add(afterText.equals(after.text()) ? after.confidence() : 1.0);
    out.addAll(Timing.spread(texts, confidences, Math.min(from, after.startMs()), after.endMs()));
    return nextStep + 1;
  }

  private static List<Double> ones(int n) {
    return Collections.nCopies(n, 1.0);
  }

  /** Levenshtein alignment of recognised and typed words compared by their letters. */
  private static List<Step> align(List<Word> old, List<String> typed) {
    int n = old.size();
    int m = typed.size();
    String[] a = old.stream().map(w -> Spelling.letters(w.text())).toArray(String[]::new);
    String[] b = typed.stream().map(Spelling::letters).toArray(String[]::new);
    int[][] cost = new int[n + 1][m + 1];
    for (int i = 0; i <= n; i++) {
      cost[i][0] = i;
    }
    for (int j = 0; j <= m; j++) {
      cost[0][j] = j;
    }
    for (int i = 1; i <= n; i++) {
      for (int j = 1; j <= m; j++) {
        int diagonal = cost[i - 1][j - 1] + (same(a[i - 1], b[j - 1]) ? 0 : 1);
        cost[i][j] = Math.min(diagonal, Math.min(cost[i - 1][j], cost[i][j - 1]) + 1);
      }
    }
    List<Step> steps = new ArrayList<>(n + m);
    int i = n;
    int j = m;
    while (i > 0 || j > 0) {
      if (i > 0 && j > 0) {
        boolean same = same(a[i - 1], b[j - 1]);
        if (cost[i][j] == cost[i - 1][j - 1] + (same ? 0 : 1)) {
          steps.add(new Step(old.get(i - 1), typed.get(j - 1), same));
          i--;
          j--;
          continue;
        }
      }
      if (i > 0 && cost[i][j] == cost[i - 1][j] + 1) {
        steps.add(new Step(old.get(i - 1), null, false));
        i--;
      } else {
        steps.add(new Step(null, typed.get(j - 1), false));
        j--;
      }
    }
    Collections.reverse(steps);
    return steps;
  }

  /** Words match when their letters do; a token of punctuation alone matches nothing. */
  private static boolean same(String a, String b) {
    return !a.isEmpty() && a.equals(b);
  }
}
