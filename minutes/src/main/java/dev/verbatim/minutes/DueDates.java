package dev.verbatim.minutes;

import static java.time.temporal.TemporalAdjusters.next;
import static java.time.temporal.TemporalAdjusters.nextOrSame;
import static java.time.temporal.TemporalAdjusters.previousOrSame;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.Period;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the due date an action-item sentence states ("by next Wednesday", "within two weeks", "by
 * the twentieth of june") and resolves it against the meeting date.
 *
 * <p>Clean sentences and raw ASR text go the same way: the text becomes lowercase words, number
 * words ("twenty first", "2nd") become numbers, and a few rules read dates from those words. No
 * maintained date-phrase parser is available to this project, and ASR text (no punctuation, numbers
 * as words) needs its own rules anyway. docs/due-dates.md lists every rule.
 */
final class DueDates {

  private static final Pattern TOKEN =
      Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}|\\d+(?:[/.:]\\d+)+|[\\p{L}\\d]+(?:['’]\\p{L}+)*");
  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
  private static final Pattern DIGITS = Pattern.compile("(\\d{1,4})(st|nd|rd|th)?");

  private static final List<String> CARDINALS =
      List.of(
          ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
                  + " fifteen sixteen seventeen eighteen nineteen")
              .split(" "));
  private static final List<String> ORDINALS =
      List.of(
          ("zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh"
                  + " twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth"
                  + " nineteenth")
              .split(" "));
  private static final List<String> TENS =
      List.of("- - twenty thirty forty fifty sixty seventy eighty ninety".split(" "));
  private static final List<String> TENTHS =
      List.of(
          "- - twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth"
              .split(" "));

  /**
   * Words that make a date a deadline; the phrase handed back includes them. A bare month ("by
   * May") or day ("on the 15th") is a date only after one: "I may send it" is not May, "the second
   * quarter" no date.
   */
  private static final Set<String> MARKERS =
      Set.of(
          "by", "before", "until", "till", "til", "due", "on", "for", "in", "within", "during",
          "through");

  /**
   * Markers that set a deadline rather than place an event: "by Friday" beats "for June" in "close
   * the books for June by Friday".
   */
  private static final Set<String> STRONG_MARKERS =
      Set.of("by", "before", "until", "till", "til", "due", "within", "no", "not");

  private static final Set<String> WORDS_AFTER_BARE_DAY =
      Set.of(
          "and", "or", "at", "so", "then", "please", "if", "because", "latest", "but", "when", "as",
          "to", "i", "we", "you", "they", "he", "she");

  /** Dates after these are past or recurring ("last Friday", "every Monday"), not due dates. */
  private static final Set<String> NOT_AHEAD =
      Set.of("last", "every", "each", "since", "previous", "past", "other");

  /** "we march on", "you may first": month names that are also verbs, after a subject. */
  private static final Set<String> VERB_MONTHS = Set.of("may", "march", "mar");

  private static final Set<String> SUBJECTS =
      Set.of("i", "we", "you", "they", "he", "she", "it", "who", "which", "that", "there");

  /** A time of day means the meeting day only when no other day is said with it. */
  private static final Map<String, Integer> TIMES_OF_DAY =
      table(
          words(0, "tonight, eod, cob, end of day, end of today, end of business"),
          words(0, "end of the day, the end of the day, close of business"),
          words(0, "this morning, this afternoon, this evening"));

  private static final Map<String, Integer> DAYS_AHEAD =
      table(
          words(0, "today"),
          words(1, "tomorrow"),
          words(2, "day after tomorrow, the day after tomorrow"));

  private enum Part {
    START,
    EARLY,
    MID,
    END
  }

  private static final Map<String, Part> PARTS =
      table(
          words(Part.START, "beginning of, the beginning of, start of, the start of"),
          words(Part.EARLY, "early"),
          words(Part.MID, "mid, middle of, the middle of"),
          words(Part.END, "end of, the end of, late, later"));

  private static final Map<String, Integer> COUNTS =
      table(
          words(1, "a, an"), words(2, "a couple of, a couple, couple of"), words(3, "a few, few"));

  private enum Unit {
    HOURS,
    DAYS,
    WORKING_DAYS,
    WEEKS,
    FORTNIGHTS,
    MONTHS,
    YEARS;

    LocalDate after(LocalDate date, int count) {
      return switch (this) {
        case HOURS -> date.plusDays(count / 24); // "within 48 hours"; the day is what counts
        case DAYS -> date.plusDays(count);
        case WEEKS -> date.plusWeeks(count);
        case FORTNIGHTS -> date.plusWeeks(2L * count);
        case MONTHS -> date.plusMonths(count);
        case YEARS -> date.plusYears(count);
        case WORKING_DAYS -> {
          LocalDate day = date;
          for (int left = count; left > 0; ) {
            day = day.plusDays(1);
            if (day.getDayOfWeek().compareTo(DayOfWeek.FRIDAY) <= 0) {
              left--;
            }
          }
          yield day;
        }
      };
    }
  }

  private static final Map<String, Unit> UNITS =
      table(
          words(Unit.HOURS, "hour, hours"),
          words(Unit.DAYS, "day, days"),
          words(Unit.WORKING_DAYS, "working day, working days, business day, business days"),
          words(Unit.WEEKS, "week, weeks"),
          words(Unit.FORTNIGHTS, "fortnight, fortnights"),
          words(Unit.MONTHS, "month, months"),
          words(Unit.YEARS, "year, years"));

  /** A lowercase word and where it is in the text; {@code num} is its value, or -1. */
  private record Tok(String w, int start, int end, int num, boolean ordinal, boolean digits) {}

  /** Tokens [.., to) that a rule read, and their date, or null for a date that does not exist. */
  private record Match(int to, @Nullable LocalDate date, boolean timeOfDay) {
    Match(int to, @Nullable LocalDate date) {
      this(to, date, false);
    }
  }

  /** A table entry whose words start at some token, and the index after them. */
  private record Hit<V>(int to, V value) {}

  private interface Rule {
    @Nullable Match at(int i);
  }

  private final List<Tok> toks;
  private final LocalDate meeting;
  private final List<Rule> rules =
      List.of(
          this::relativeDay,
          this::weekday,
          i -> explicitDate(i, i > 0 && at(i - 1, MARKERS)),
          this::period,
          this::duration);

  private DueDates(List<Tok> toks, LocalDate meeting) {
    this.toks = toks;
    this.meeting = meeting;
  }

  /** Finds the due date a sentence states, resolved against the meeting date; empty when none. */
  static Optional<DueDate> find(String text, LocalDate meetingDate) {
    return new DueDates(tokenize(text), meetingDate).find(text);
  }

  /**
   * The first date introduced by a strong deadline word ("by", "before"), else by any ("on",
   * "for"), else the first date at all; past ones skipped.
   */
  private Optional<DueDate> find(String text) {
    DueDate first = null;
    DueDate firstMarked = null;
    for (int i = 0; i < toks.size(); ) {
      Match match = longest(i);
      if (match == null) {
        i++;
        continue;
      }
      LocalDate date = match.date();
      boolean ahead = !(i > 0 && at(i - 1, NOT_AHEAD)) && !at(match.to(), "ago");
      if (date != null && ahead && !date.isBefore(meeting)) {
        int from = markerStart(i);
        int start = toks.get(from).start();
        int end = toks.get(match.to() - 1).end();
        DueDate found = new DueDate(date, start, end, text.substring(start, end));
        // "tomorrow, by end of day" is due tomorrow: a time of day alone is no deadline word
        boolean marked = (from < i || at(i, "in", "within")) && !match.timeOfDay();
        if (marked && (at(from, STRONG_MARKERS) || at(i, "within"))) {
          return Optional.of(found);
        }
        if (marked && firstMarked == null) {
          firstMarked = found;
        }
        if (first == null) {
          first = found;
        }
      }
      // A date that does not exist still uses up its words: "February thirtieth" is not February.
      i = match.to();
    }
    return Optional.ofNullable(firstMarked != null ? firstMarked : first);
  }

  private @Nullable Match longest(int i) {
    Match best = null;
    for (Rule rule : rules) {
      Match match = rule.at(i);
      if (match != null && (best == null || match.to() > best.to())) {
        best = match;
      }
    }
    return best;
  }

  private int markerStart(int i) {
    for (String marker : List.of("no later than", "not later than")) {
      if (i >= 3 && phrase(i - 3, marker) == i) {
        return i - 3;
      }
    }
    int j = i > 0 && at(i - 1, MARKERS) ? i - 1 : i;
    return j < i && j > 0 && at(j - 1, "due") ? j - 1 : j; // "due by Friday"
  }

  /** "today", "tomorrow", "end of day", "eod Friday" (the day said with a time of day wins). */
  private @Nullable Match relativeDay(int i) {
    Hit<Integer> day = table(i, DAYS_AHEAD);
    if (day != null) {
      return new Match(day.to(), meeting.plusDays(day.value()));
    }
    Hit<Integer> time = table(i, TIMES_OF_DAY);
    if (time == null) {
      return null;
    }
    Match then = longest(time.to());
    return then != null ? then : new Match(time.to(), meeting, true);
  }

  /** "Friday", "this Friday", "next Friday", "Friday next week", "Friday the 6th". */
  private @Nullable Match weekday(int i) {
    int j = at(i, "this", "next") ? i + 1 : i;
    DayOfWeek day = weekdayAt(j);
    if (day == null) {
      return null;
    }
    String week = j > i ? toks.get(i).w() : "";
    j++;
    if (week.isEmpty() && at(j, "this", "next") && at(j + 1, "week")) {
      week = toks.get(j).w();
      j += 2;
    }
    Match said = explicitDate(j, true); // the date said with the weekday wins over the weekday
    if (said != null) {
      return said;
    }
    LocalDate monday = meeting.with(previousOrSame(DayOfWeek.MONDAY));
    LocalDate date =
        switch (week) {
          case "this" -> {
            LocalDate thisWeek = monday.with(nextOrSame(day));
            yield thisWeek.isBefore(meeting) ? meeting.with(next(day)) : thisWeek;
          }
          case "next" -> monday.plusWeeks(1).with(nextOrSame(day));
          // Strictly after: "by Wednesday" said on a Wednesday means next week's.
          default -> meeting.with(next(day));
        };
    return new Match(j, date);
  }

  /** "March 2nd", "march the second", "the 2nd of March", "2 March 2027", "2027-03-02". */
  private @Nullable Match explicitDate(int i, boolean bareDay) {
    if (i >= toks.size()) {
      return null;
    }
    Matcher iso = ISO.matcher(toks.get(i).w());
    if (iso.matches()) {
      int year = Integer.parseInt(iso.group(1));
      return new Match(
          i + 1, date(year, Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3))));
    }
    int j = at(i, "the") ? i + 1 : i;
    Month month = monthAt(j, true);
    if (month != null) {
      int k = at(j + 1, "the") ? j + 2 : j + 1;
      return isDay(k, true) ? withYear(k + 1, month, toks.get(k).num()) : null;
    }
    if (!isDay(j, false)) {
      return null;
    }
    int k = at(j + 1, "of") ? j + 2 : j + 1;
    month = monthAt(k, true);
    if (month != null) {
      return withYear(k + 1, month, toks.get(j).num());
    }
    boolean endsThere = j + 1 == toks.size() || at(j + 1, WORDS_AFTER_BARE_DAY);
    if (bareDay && j > i && toks.get(j).ordinal() && endsThere) {
      YearMonth month2 = YearMonth.from(meeting);
      int day = toks.get(j).num();
      month2 = day < meeting.getDayOfMonth() ? month2.plusMonths(1) : month2;
      while (!month2.isValidDay(day)) {
        month2 = month2.plusMonths(1);
      }
      return new Match(j + 1, month2.atDay(day));
    }
    return null;
  }

  /** A stated year, or the next occurrence on or after the meeting date. */
  private Match withYear(int k, Month month, int day) {
    Hit<Integer> year = yearAt(k);
    if (year != null) {
      return new Match(year.to(), date(year.value(), month.getValue(), day));
    }
    if (day > month.maxLength()) {
      return new Match(k, null);
    }
    MonthDay monthDay = MonthDay.of(month, day);
    int y = meeting.getYear() + (monthDay.isBefore(MonthDay.from(meeting)) ? 1 : 0);
    return new Match(k, monthDay.isValidYear(y) ? monthDay.atYear(y) : null);
  }

  /** "2027", or "twenty twenty seven" as ASR writes it. */
  private @Nullable Hit<Integer> yearAt(int k) {
    if (k < toks.size() && toks.get(k).digits() && !toks.get(k).ordinal()) {
      int year = toks.get(k).num();
      return year >= 1900 && year < 2200 ? new Hit<>(k + 1, year) : null;
    }
    if (k + 1 < toks.size() && toks.get(k).num() == 20 && !toks.get(k).digits()) {
      Tok rest = toks.get(k + 1);
      if (!rest.digits() && !rest.ordinal() && rest.num() >= 10) {
        return new Hit<>(k + 2, 2000 + rest.num());
      }
    }
    return null;
  }

  /** "this week", "end of next month", "the end of the quarter", "in June", "mid June". */
  private @Nullable Match period(int i) {
    Hit<Part> hit = table(i, PARTS);
    int j = hit == null ? i : hit.to();
    Part part = hit == null ? Part.END : hit.value();
    Month month = monthAt(j, false);
    if (month != null) {
      if (hit == null && !(i > 0 && at(i - 1, MARKERS))) {
        return null;
      }
      Hit<Integer> year = yearAt(j + 1);
      LocalDate first = LocalDate.of(year == null ? meeting.getYear() : year.value(), month, 1);
      LocalDate date = pick(first, first.plusMonths(1), part, false);
      if (year == null && date.isBefore(meeting)) {
        date = pick(first.plusYears(1), first.plusYears(1).plusMonths(1), part, false);
      }
      return new Match(year == null ? j + 1 : year.to(), date);
    }
    String which =
        at(j, "this", "next") ? toks.get(j).w() : hit != null && at(j, "the") ? "this" : "";
    if (which.isEmpty() || !at(j + 1, "week", "month", "quarter", "year")) {
      return null;
    }
    String unit = toks.get(j + 1).w();
    LocalDate start =
        switch (unit) {
          case "week" -> meeting.with(previousOrSame(DayOfWeek.MONDAY));
          case "month" -> meeting.withDayOfMonth(1);
          case "quarter" ->
              meeting.withDayOfMonth(1).minusMonths((meeting.getMonthValue() - 1) % 3);
          default -> meeting.withDayOfYear(1);
        };
    Period length =
        switch (unit) {
          case "week" -> Period.ofWeeks(1);
          case "month" -> Period.ofMonths(1);
          case "quarter" -> Period.ofMonths(3);
          default -> Period.ofYears(1);
        };
    start = which.equals("next") ? start.plus(length) : start;
    LocalDate date = pick(start, start.plus(length), part, unit.equals("week"));
    // The end of this week, said on a Saturday, is now.
    return new Match(j + 2, date.isBefore(meeting) ? meeting : date);
  }

  /** The day a part of [start, next) stands for; a week ends on Friday, with the working week. */
  private static LocalDate pick(LocalDate start, LocalDate next, Part part, boolean week) {
    int days = (int) ChronoUnit.DAYS.between(start, next);
    return switch (part) {
      case START -> start;
      case EARLY -> start.plusDays(days / 3 - 1);
      case MID -> start.plusDays(days / 2 - 1);
      case END -> week ? start.plusDays(4) : next.minusDays(1);
    };
  }

  /** "in two weeks", "within the next 3 days", "in a couple of days", "ten days from now". */
  private @Nullable Match duration(int i) {
    boolean within = at(i, "in", "within");
    int j = within ? i + 1 : i;
    if (within && phrase(j, "the next") > 0) {
      j += 2;
    }
    int count;
    Hit<Integer> words = table(j, COUNTS);
    if (words != null) {
      count = words.value();
      j = words.to();
    } else if (j < toks.size() && toks.get(j).num() > 0 && !toks.get(j).ordinal()) {
      count = toks.get(j++).num();
    } else {
      return null;
    }
    Hit<Unit> unit = table(j, UNITS);
    if (unit == null) {
      return null;
    }
    j = at(unit.to(), "time") ? unit.to() + 1 : unit.to();
    int fromNow = Math.max(phrase(j, "from now"), phrase(j, "from today"));
    if (fromNow < 0 && !within) {
      return null;
    }
    return new Match(Math.max(j, fromNow), unit.value().after(meeting, count));
  }

  private @Nullable Month monthAt(int i, boolean abbreviated) {
    if (i >= toks.size() || (VERB_MONTHS.contains(toks.get(i).w()) && at(i - 1, SUBJECTS))) {
      return null;
    }
    String w = toks.get(i).w();
    for (Month month : Month.values()) {
      String name = month.name().toLowerCase(Locale.ROOT);
      boolean shortName = w.length() == 3 || w.equals("sept");
      if (w.equals(name) || (abbreviated && shortName && name.startsWith(w))) {
        return month;
      }
    }
    return null;
  }

  private @Nullable DayOfWeek weekdayAt(int i) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (at(i, day.name().toLowerCase(Locale.ROOT))) {
        return day;
      }
    }
    return null;
  }

  /**
   * A day of the month; cardinal words only after the month ("march twenty one", not "two march").
   */
  private boolean isDay(int i, boolean cardinalWords) {
    if (i >= toks.size()) {
      return false;
    }
    Tok t = toks.get(i);
    return t.num() >= 1 && t.num() <= 31 && (t.ordinal() || t.digits() || cardinalWords);
  }

  private static @Nullable LocalDate date(int year, int month, int day) {
    boolean valid = month >= 1 && month <= 12 && YearMonth.of(year, month).isValidDay(day);
    return valid ? LocalDate.of(year, month, day) : null;
  }

  private boolean at(int i, String... words) {
    return at(i, Set.of(words));
  }

  private boolean at(int i, Set<String> words) {
    return i >= 0 && i < toks.size() && words.contains(toks.get(i).w());
  }

  /** The index after {@code words} when the tokens from i spell them, else -1. */
  private int phrase(int i, String words) {
    String[] parts = words.split(" ");
    for (int k = 0; k < parts.length; k++) {
      if (!at(i + k, parts[k])) {
        return -1;
      }
    }
    return i + parts.length;
  }

  /** The longest entry of the table whose words start at i. */
  private <V> @Nullable Hit<V> table(int i, Map<String, V> table) {
    Hit<V> best = null;
    for (Map.Entry<String, V> e : table.entrySet()) {
      int to = phrase(i, e.getKey());
      if (to > 0 && (best == null || to > best.to())) {
        best = new Hit<>(to, e.getValue());
      }
    }
    return best;
  }

  /** The phrases (comma-separated) as keys of one value. */
  private static <V> Map<String, V> words(V value, String phrases) {
    Map<String, V> words = new HashMap<>();
    for (String phrase : phrases.split(", ")) {
      words.put(phrase, value);
    }
    return words;
  }

  @SafeVarargs
  private static <V> Map<String, V> table(Map<String, V>... parts) {
    Map<String, V> table = new HashMap<>();
    for (Map<String, V> part : parts) {
      table.putAll(part);
    }
    return Map.copyOf(table);
  }

  private static List<Tok> tokenize(String text) {
    List<Tok> words = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT).replace('’', '\'');
      w = w.endsWith("'s") ? w.substring(0, w.length() - 2) : w; // ASR writes "friday's"
      words.add(number(w, m.start(), m.end()));
    }
    List<Tok> toks = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      Tok t = words.get(i);
      Tok unit = i + 1 < words.size() ? words.get(i + 1) : null;
      // Vosk's small model writes "today" and "tomorrow" as two words; "day to day" stays.
      boolean splitDay =
          t.w().equals("to")
              && unit != null
              && (unit.w().equals("day") || unit.w().equals("morrow") || unit.w().equals("night"))
              && !(i > 0 && words.get(i - 1).w().equals("day"));
      if (splitDay) {
        toks.add(new Tok("to" + unit.w(), t.start(), unit.end(), -1, false, false));
        i++;
        continue;
      }
      // "twenty first", "thirty one" are one number
      boolean tens = !t.digits() && !t.ordinal() && t.num() >= 20 && t.num() % 10 == 0;
      if (tens && unit != null && !unit.digits() && unit.num() >= 1 && unit.num() <= 9) {
        t =
            new Tok(
                t.w() + " " + unit.w(),
                t.start(),
                unit.end(),
                t.num() + unit.num(),
                unit.ordinal(),
                false);
        i++;
      }
      toks.add(t);
    }
    return toks;
  }

  /** Whether {@code word} can be, or start, a day of the month: "second", "twenty", "2nd", "15". */
  static boolean isDayOfMonth(String word) {
    int n = number(word.toLowerCase(Locale.ROOT), 0, word.length()).num();
    return n >= 1 && n <= 31;
  }

  private static Tok number(String w, int start, int end) {
    Matcher digits = DIGITS.matcher(w);
    if (digits.matches()) {
      return new Tok(
          w, start, end, Integer.parseInt(digits.group(1)), digits.group(2) != null, true);
    }
    int cardinal = Math.max(CARDINALS.indexOf(w), 10 * TENS.indexOf(w));
    int ordinal = Math.max(ORDINALS.indexOf(w), 10 * TENTHS.indexOf(w));
    int num = Math.max(cardinal, ordinal);
    return new Tok(w, start, end, num < 0 ? -1 : num, num >= 0 && num == ordinal, false);
  }
}
