package dev.verbatim.transcribe;

import java.util.Comparator;

/** Orders speaker ids the way people read them: {@code S2} before {@code S10}. */
final class SpeakerIds {

  static final Comparator<String> ORDER = SpeakerIds::compare;

  private SpeakerIds() {}

  private static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      if (Character.isDigit(a.charAt(i)) && Character.isDigit(b.charAt(j))) {
        int endA = digitsEnd(a, i);
        int endB = digitsEnd(b, j);
        String numA = stripZeros(a.substring(i, endA));
        String numB = stripZeros(b.substring(j, endB));
        int byNumber =
            numA.length() != numB.length()
                ? Integer.compare(numA.length(), numB.length())
                : numA.compareTo(numB);
        if (byNumber != 0) {
          return byNumber;
        }
        i = endA;
        j = endB;
      } else {
        int byChar = Character.compare(a.charAt(i), b.charAt(j));
        if (byChar != 0) {
          return byChar;
        }
        i++;
        j++;
      }
    }
    int byRest = Integer.compare(a.length() - i, b.length() - j);
    return byRest != 0 ? byRest : a.compareTo(b);
  }

  private static int digitsEnd(String s, int from) {
    int end = from;
    while (end < s.length() && Character.isDigit(s.charAt(end))) {
      end++;
    }
    return end;
  }

  private static String stripZeros(String digits) {
    int k = 0;
    while (k < digits.length() - 1 && digits.charAt(k) == '0') {
      k++;
    }
    return digits.substring(k);
  }
}
