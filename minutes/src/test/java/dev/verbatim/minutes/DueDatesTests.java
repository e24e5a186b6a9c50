package dev.verbatim.minutes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DueDatesTests {

  /** A Wednesday. */
  private static final LocalDate MEETING = LocalDate.of(2026, 3, 4);

  private static DueDate found(String text, LocalDate meeting) {
    DueDate due = DueDates.find(text, meeting).orElseThrow();
    assertThat(text.substring(due.start(), due.end())).isEqualTo(due.phrase());
    return due;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          I'll send it today.                        | 2026-03-04 | today
          i will call the dentist to day             | 2026-03-04 | to day
          send it to morrow                          | 2026-03-05 | to morrow
          close the books for june by friday         | 2026-03-06 | by friday
          present it on monday no later than friday  | 2026-03-06 | no later than friday
          i will fix it tonight                      | 2026-03-04 | tonight
          Send the deck tomorrow morning.            | 2026-03-05 | tomorrow
          send the deck the day after tomorrow       | 2026-03-06 | the day after tomorrow
          Fix the build by end of day.               | 2026-03-04 | by end of day
          fix the build by eod                       | 2026-03-04 | by eod
          Call the customer this afternoon.          | 2026-03-04 | this afternoon
          Review the draft by Monday.                | 2026-03-09 | by Monday
          I will send the numbers on Friday.         | 2026-03-06 | on Friday
          Anna sends the invoice Friday.             | 2026-03-06 | Friday
          finish it by wednesday                     | 2026-03-11 | by wednesday
          Ship it this Friday.                       | 2026-03-06 | this Friday
          Ship it this Monday.                       | 2026-03-09 | this Monday
          Send the contract to procurement by next Wednesday. | 2026-03-11 | by next Wednesday
          send the contract by next friday           | 2026-03-13 | by next friday
          lets meet friday next week                 | 2026-03-13 | friday next week
          we said by friday's meeting                | 2026-03-06 | by friday's
          Send it on Friday the 13th.                | 2026-03-13 | on Friday the 13th
          Finish the report next week.               | 2026-03-13 | next week
          finish the report this week                | 2026-03-06 | this week
          Get it done by the end of the week.        | 2026-03-06 | by the end of the week
          get it done by the end of this week        | 2026-03-06 | by the end of this week
          deliver by end of next week                | 2026-03-13 | by end of next week
          Migrate the wiki next month.               | 2026-04-30 | next month
          close the books by the end of the month    | 2026-03-31 | by the end of the month
          File it before the end of the quarter.     | 2026-03-31 | before the end of the quarter
          publish by the end of the year             | 2026-12-31 | by the end of the year
          Hire two people before the end of June.    | 2026-06-30 | before the end of June
          hire by end of june                        | 2026-06-30 | by end of june
          Launch in June.                            | 2026-06-30 | in June
          launch by may                              | 2026-05-31 | by may
          Plan the offsite for early June.           | 2026-06-10 | for early June
          plan the offsite by mid june               | 2026-06-15 | by mid june
          renew the licence by february              | 2027-02-28 | by february
          Start at the beginning of next month.      | 2026-04-01 | the beginning of next month
          Answer within two weeks.                   | 2026-03-18 | within two weeks
          answer in two weeks time                   | 2026-03-18 | in two weeks time
          Test it in 3 days.                         | 2026-03-07 | in 3 days
          test it within a week                      | 2026-03-11 | within a week
          Renew in a month.                          | 2026-04-04 | in a month
          renew within ten days                      | 2026-03-14 | within ten days
          ping them in a couple of days              | 2026-03-06 | in a couple of days
          ping them in a few days                    | 2026-03-07 | in a few days
          review in the next five working days       | 2026-03-11 | in the next five working days
          Call them in an hour.                      | 2026-03-04 | in an hour
          reply within 48 hours                      | 2026-03-06 | within 48 hours
          two weeks from now we review it            | 2026-03-18 | two weeks from now
          Pay by March 20th.                         | 2026-03-20 | by March 20th
          pay by march the twentieth                 | 2026-03-20 | by march the twentieth
          pay by the twentieth of march              | 2026-03-20 | by the twentieth of march
          Pay by 20 March.                           | 2026-03-20 | by 20 March
          Pay on March 20.                           | 2026-03-20 | on March 20
          send the contract by march second          | 2027-03-02 | by march second
          send it by march fourth                    | 2026-03-04 | by march fourth
          submit by the twentieth of june            | 2026-06-20 | by the twentieth of june
          submit june twentieth                      | 2026-06-20 | june twentieth
          submit by march twenty one                 | 2026-03-21 | by march twenty one
          Submit by March twenty-first.              | 2026-03-21 | by March twenty-first
          submit by the thirty first of march        | 2026-03-31 | by the thirty first of march
          send it by may fifth                       | 2026-05-05 | by may fifth
          Pay on the 15th.                           | 2026-03-15 | on the 15th
          pay on the second                          | 2026-04-02 | on the second
          Sign by March 2, 2027.                     | 2027-03-02 | by March 2, 2027
          sign by may first twenty twenty seven      | 2027-05-01 | by may first twenty twenty seven
          Sign it no later than 2027-03-02.          | 2027-03-02 | no later than 2027-03-02
          the report is due by Friday                | 2026-03-06 | due by Friday
          As discussed today, send the deck by Friday. | 2026-03-06 | by Friday
          we talked about it last monday and it is due friday | 2026-03-06 | due friday
          """)
  void resolvesPhrasesAgainstAWednesdayMeeting(String text, LocalDate date, String phrase) {
    DueDate due = found(text, MEETING);

    assertThat(due.date()).isEqualTo(date);
    assertThat(due.phrase()).isEqualTo(phrase);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          I worked on it last Friday.
          yesterday we shipped the fix
          we finished that two weeks ago
          We meet every Monday.
          the second quarter results look good
          we will grow by the second quarter
          I may send it later.
          we may need five more days
          we march on
          There are two options.
          Pay by February thirtieth.
          pay by april thirty first
          Pay on 3/14.
          it was due on 2025-12-01
          sign by 2027-02-29
          it has been slow for two weeks
          nothing changed since Monday
          in the past two weeks we shipped a lot
          """)
  void findsNoDueDateWhereNoneIsStated(String text) {
    assertThat(DueDates.find(text, MEETING)).isEmpty();
  }

  @Test
  void rollsADateWithoutYearIntoNextYear() {
    assertThat(found("by January fifth", LocalDate.of(2026, 12, 28)).date())
        .isEqualTo(LocalDate.of(2027, 1, 5));
  }

  @Test
  void readsFebruaryTwentyNinthOnlyInALeapYear() {
    assertThat(found("by february twenty ninth", LocalDate.of(2028, 2, 1)).date())
        .isEqualTo(LocalDate.of(2028, 2, 29));
    assertThat(found("due 2028-02-29", MEETING).date()).isEqualTo(LocalDate.of(2028, 2, 29));
    assertThat(DueDates.find("by february twenty ninth", LocalDate.of(2026, 2, 1))).isEmpty();
  }

  @ParameterizedTest(name = "meeting {0}")
  @CsvSource({"2026-03-02", "2026-03-04", "2026-03-06", "2026-03-08"})
  void readsNextFridayAsTheFridayOfNextCalendarWeek(LocalDate meeting) {
    assertThat(found("by next Friday", meeting).date()).isEqualTo(LocalDate.of(2026, 3, 13));
  }

  @Test
  void readsABareWeekdayOnThatWeekdayAsOneWeekLater() {
    assertThat(found("by Wednesday", MEETING).date()).isEqualTo(LocalDate.of(2026, 3, 11));
  }

  @Test
  void readsTheEndOfTheWeekOnAWeekendAsTheMeetingDay() {
    LocalDate saturday = LocalDate.of(2026, 3, 7);

    assertThat(found("by the end of the week", saturday).date()).isEqualTo(saturday);
    assertThat(found("this friday", saturday).date()).isEqualTo(LocalDate.of(2026, 3, 13));
  }

  @Test
  void prefersTheDateIntroducedByADeadlineWord() {
    DueDate due = found("Tomorrow we start, and the report is due by Monday.", MEETING);

    assertThat(due.date()).isEqualTo(LocalDate.of(2026, 3, 9));
    assertThat(due.phrase()).isEqualTo("due by Monday");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "send it by end of day tomorrow, 2026-03-05",
    "send it tomorrow by end of day, 2026-03-05",
    "send it eod friday, 2026-03-06",
    "look at friday's numbers and send them by monday, 2026-03-09"
  })
  void takesTheDaySaidWithATimeOfDayOrADeadlineWord(String text, LocalDate date) {
    assertThat(found(text, MEETING).date()).isEqualTo(date);
  }

  @Test
  void pointsAtThePhraseSoCallersCanCutItOut() {
    String text = "Send the contract to procurement by next Wednesday.";

    DueDate due = found(text, MEETING);

    assertThat(due.start()).isEqualTo(33);
    assertThat(due.end()).isEqualTo(text.length() - 1);
    assertThat(text.substring(0, due.start()).strip() + text.substring(due.end()))
        .isEqualTo("Send the contract to procurement.");
  }

  @Test
  void doesNotFallBackToTheMonthOfAnInvalidDate() {
    assertThat(DueDates.find("pay by february thirtieth", MEETING)).isEmpty();
    assertThat(found("pay by february thirtieth or by friday", MEETING).date())
        .isEqualTo(LocalDate.of(2026, 3, 6));
  }

  @Test
  void findsNothingInEmptyOrOddText() {
    assertThat(DueDates.find("", MEETING)).isEmpty();
    assertThat(DueDates.find("by the 99999999999th of march ' - / ,", MEETING)).isEmpty();
  }
}
