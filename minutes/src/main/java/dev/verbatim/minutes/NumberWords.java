package dev.verbatim.minutes;

import java.util.Set;

/** Recognises the words speech recognisers use for days of the month. */
final class NumberWords {

  private static final Set<String> DAY_WORDS =
      Set.of(
          "first",
          "second",
          "third",
          "fourth",
          "fifth",
          "sixth",
          "seventh",
          "eighth",
          "ninth",
          "tenth",
          "eleventh",
          "twelfth",
          "thirteenth",
          "fourteenth",
          "fifteenth",
          "sixteenth",
          "seventeenth",
          "eighteenth",
          "nineteenth",
          "twentieth",
          "twenty",
          "thirtieth",
          "thirty",
          "one",
          "two",
          "three",
          "four",
          "five",
          "six",
          "seven",
          "eight",
          "nine",
          "ten",
          "eleven",
          "twelve",
          "thirteen",
          "fourteen",
          "fifteen",
          "sixteen",
          "seventeen",
          "eighteen",
          "nineteen");

  private NumberWords() {}

  /** Whether {@code token} can start a day of the month: "second", "twenty", "2nd", "15". */
  static boolean isDayOfMonth(String token) {
    if (DAY_WORDS.contains(token)) {
      return true;
    }
    String digits = token.replaceFirst("(st|nd|rd|th)$", "");
    if (!digits.matches("\\d{1,2}")) {
      return false;
    }
    int day = Integer.parseInt(digits);
    return day >= 1 && day <= 31;
  }
}
