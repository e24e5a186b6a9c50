package dev.verbatim.minutes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.Chapter;
import dev.verbatim.core.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ChaptersTests {

  private final List<Sentence> meeting = ThreeTopicMeeting.sentences();

  @Test
  void boundariesFallWhereTheTopicChanges() {
    List<Integer> starts = Chapters.starts(meeting);

    assertThat(starts).hasSize(3);
    assertThat(starts.get(0)).isZero();
    assertThat(starts.get(1))
        .isBetween(
            ThreeTopicMeeting.DOCUMENTATION_STARTS - 1, ThreeTopicMeeting.DOCUMENTATION_STARTS + 1);
    assertThat(starts.get(2))
        .isBetween(ThreeTopicMeeting.MIGRATION_STARTS - 1, ThreeTopicMeeting.MIGRATION_STARTS + 1);
  }

  @Test
  void titlesNameTheTopicInAFewCapitalisedWords() {
    List<Chapter> chapters = Chapters.of(meeting);

    assertThat(chapters).hasSize(3);
    assertThat(lower(chapters.get(0).title())).contains("budget");
    assertThat(lower(chapters.get(1).title())).containsAnyOf("documentation", "installation");
    assertThat(lower(chapters.get(2).title())).containsAnyOf("migration", "database");
    for (Chapter c : chapters) {
      assertThat(c.title().split(" ")).hasSizeBetween(1, 5);
      assertThat(Character.isUpperCase(c.title().charAt(0))).as(c.title()).isTrue();
    }
    assertThat(chapters).extracting(Chapter::title).doesNotHaveDuplicates();
  }

  @Test
  void chaptersCoverEverySentenceInOrder() {
    List<Chapter> chapters = Chapters.of(meeting);

    List<String> segments = new ArrayList<>();
    chapters.forEach(c -> segments.addAll(c.segmentIds()));
    assertThat(segments).isEqualTo(meeting.stream().flatMap(s -> s.segmentIds().stream()).toList());
    assertThat(chapters.get(0).startMs()).isEqualTo(meeting.get(0).startMs());
    assertThat(chapters.get(chapters.size() - 1).endMs())
        .isEqualTo(meeting.get(meeting.size() - 1).endMs());
    for (int i = 1; i < chapters.size(); i++) {
      assertThat(chapters.get(i).startMs()).isGreaterThan(chapters.get(i - 1).endMs());
    }
  }

  @Test
  void chaptersLastAtLeastAMinuteAndFourSentences() {
    List<Integer> starts = new ArrayList<>(Chapters.starts(meeting));
    starts.add(meeting.size());

    for (int c = 0; c + 1 < starts.size(); c++) {
      int first = starts.get(c);
      int last = starts.get(c + 1) - 1;
      assertThat(last - first + 1).isGreaterThanOrEqualTo(Chapters.MIN_CHAPTER_SENTENCES);
      assertThat(meeting.get(last).endMs() - meeting.get(first).startMs())
          .isGreaterThanOrEqualTo(Chapters.MIN_CHAPTER_MS);
    }
  }

  @Test
  void findsTheTopicsOfAnotherMeetingThatOpensWithoutGreetings() {
    // Hiring, then the office lease, then an app crash; said slowly enough to last 3.5 minutes.
    String[] lines = {
      "alright let's start with hiring we still need a product designer",
      "we had twelve applications for the designer role and four look strong",
      "um the portfolio from the candidate in lisbon was the best one i've seen",
      "can we schedule interviews with the top three candidates next week",
      "i'll set up the interviews and send them the design exercise",
      "uh the design exercise should take no more than three hours",
      "the salary range for the designer is a bit below market though",
      "we might need to raise the salary band to get a senior designer",
      "okay i'll ask hr about the salary band for the designer role",
      "yeah",
      "moving on the office lease ends in june",
      "the landlord wants a twenty percent increase to renew the lease",
      "we looked at two new offices near the train station",
      "the bigger office has room for thirty desks and a proper kitchen",
      "uh moving costs would be around eight thousand including the movers",
      "we need the furniture delivered before the move in may",
      "so let's sign the lease for the bigger office if the rent is under budget",
      "i can call the agent about the office lease tomorrow",
      "right",
      "last thing the android app is crashing on the login screen",
      "the crash reports show it started after version four point two",
      "it's a null pointer in the login screen when the token expires",
      "we can ship a hotfix for the android crash by thursday",
      "um the hotfix needs a review from the mobile team first",
      "and we should add a test for the expired token case",
      "i'll post an update about the crash in the support channel",
      "okay that's it thanks everyone",
    };
    List<Sentence> sentences = new ArrayList<>();
    long t = 0;
    for (int i = 0; i < lines.length; i++) {
      long duration = lines[i].split(" ").length * 700L;
      sentences.add(ThreeTopicMeeting.sentence(i, "S" + (i % 3 + 1), t, t + duration, lines[i]));
      t += duration + 600;
    }

    assertThat(Chapters.starts(sentences)).hasSize(3);
    assertThat(Chapters.starts(sentences).get(1)).isBetween(9, 11);
    assertThat(Chapters.starts(sentences).get(2)).isBetween(18, 20);
    List<Chapter> chapters = Chapters.of(sentences);
    assertThat(lower(chapters.get(0).title())).containsAnyOf("designer", "hiring", "salary");
    assertThat(lower(chapters.get(1).title())).containsAnyOf("office", "lease");
    assertThat(lower(chapters.get(2).title())).containsAnyOf("crash", "android", "login", "hotfix");
  }

  @Test
  void aMeetingWithFewSentencesIsOneChapter() {
    List<Sentence> start = meeting.subList(0, Chapters.SHORT_MEETING_SENTENCES - 1);

    List<Chapter> chapters = Chapters.of(start);

    assertThat(chapters).hasSize(1);
    assertThat(chapters.get(0).segmentIds()).hasSize(start.size());
  }

  @Test
  void aMeetingUnderThreeMinutesIsOneChapter() {
    // All three topics, but said in two and a half minutes.
    List<Sentence> quick = new ArrayList<>();
    for (int i = 0; i < meeting.size(); i++) {
      Sentence s = meeting.get(i);
      quick.add(
          ThreeTopicMeeting.sentence(i, s.speakerId(), i * 3_400L, i * 3_400L + 3_000, words(s)));
    }

    assertThat(Chapters.of(quick)).hasSize(1);
  }

  @Test
  void emptyInputHasNoChapters() {
    assertThat(Chapters.of(List.of())).isEmpty();
  }

  @Test
  void aSingleSentenceIsOneChapter() {
    Sentence only = meeting.get(3);

    List<Chapter> chapters = Chapters.of(List.of(only));

    assertThat(chapters)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.startMs()).isEqualTo(only.startMs());
              assertThat(c.endMs()).isEqualTo(only.endMs());
              assertThat(c.segmentIds()).isEqualTo(only.segmentIds());
              assertThat(lower(c.title())).containsAnyOf("budget", "marketing", "quarterly");
            });
  }

  @Test
  void sameInputGivesSameChapters() {
    assertThat(Chapters.of(ThreeTopicMeeting.sentences())).isEqualTo(Chapters.of(meeting));
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static String words(Sentence s) {
    return lower(s.text()).replaceAll("[.?]$", "");
  }
}
