package dev.verbatim.bench;

import dev.verbatim.core.ActionItem;
import dev.verbatim.core.ActionItemStatus;
import dev.verbatim.core.Meeting;
import dev.verbatim.core.Minutes;
import dev.verbatim.core.Segment;
import dev.verbatim.core.Source;
import dev.verbatim.core.Speaker;
import dev.verbatim.search.Audience;
import dev.verbatim.search.IndexedMeeting;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Synthetic meetings, made one at a time and the same every time for the same seed, so that a
 * corpus far larger than memory can be indexed twice (in Lucene and in PostgreSQL) identically.
 *
 * <p>Words follow Zipf's law over real English; known phrases are planted at known rates so that
 * queries have a known selectivity; and some words only ever appear as a speech recogniser might
 * mishear them ("regular tory" for "regulatory"), for sound-alike queries.
 */
public final class CorpusGenerator implements Iterable<IndexedMeeting> {

  /** The first day meetings are held; they spread over {@link #DAYS} days from it. */
  public static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);

  public static final int DAYS = 3 * 365;
  public static final int VOCABULARY = 20_000;
  public static final int SPEAKERS = 300;

  /** Members who own and are shared meetings; ids {@code u1} to {@code u50}. */
  public static final int USERS = 50;

  /** The share of meetings the whole organisation may see. */
  static final double ORGANISATION_SHARE = 0.2;

  /** Phrases planted in segments, each at its class's rate per segment. */
  public enum Selectivity {
    RARE(1.0 / 5_000, "quarterly escrow reconciliation", "wombat deployment freeze"),
    MEDIUM(1.0 / 200, "customer onboarding checklist", "release train schedule"),
    COMMON(1.0 / 20, "action items", "next steps");

    final double ratePerSegment;
    final List<String> phrases;

    Selectivity(double ratePerSegment, String... phrases) {
      this.ratePerSegment = ratePerSegment;
      this.phrases = List.of(phrases);
    }

    public List<String> phrases() {
      return phrases;
    }
  }

  /**
   * Words as typed in a query, and how the transcript has them: the recogniser's mishearing,
   * planted at {@link #MISHEARD_RATE} per segment; the word as typed is never in the transcript.
   */
  public static final Map<String, String> MISHEARD =
      Map.of(
          "regulatory", "regular tory",
          "keytruda", "key true the",
          "dropbox", "drop bucks",
          "kubernetes", "cooper netties");

  static final double MISHEARD_RATE = 1.0 / 1_000;

  /** Misspelled query words; the word meant is in the vocabulary. */
  public static final List<String> MISSPELLED =
      List.of(
          "goverment",
          "buisness",
          "definately",
          "tommorow",
          "enviroment",
          "recieve",
          "seperate",
          "begining");

  private static final List<String> FIRST_NAMES =
      List.of(
          "Alice", "Bruno", "Chen", "Dana", "Emeka", "Fatima", "Goran", "Hana", "Ivan", "Jonas",
          "Kavya", "Lin", "Marta", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq",
          "Ulla", "Victor", "Wen", "Ximena", "Yusuf", "Zoe", "Aiko", "Bea", "Carlos", "Dmitri");
  private static final List<String> LAST_NAMES =
      List.of(
          "Abbott",
          "Baptiste",
          "Castillo",
          "Dubois",
          "Eriksen",
          "Fischer",
          "Garcia",
          "Haddad",
          "Ito",
          "Jensen",
          "Kowalski",
          "Laurent",
          "Moreno",
          "Nakamura",
          "Okafor",
          "Petrov",
          "Quispe",
          "Rossi",
          "Schmidt",
          "Tanaka",
          "Uddin",
          "Varga",
          "Weber",
          "Xu",
          "Yilmaz",
          "Zhang",
          "Novak",
          "Silva",
          "Murphy",
          "Costa");

  private static final String[] ACTION_VERBS = {
    "Send", "Review", "Draft", "Check", "Prepare", "Update", "Schedule", "Share"
  };

  private final int meetings;
  private final int wordsPerMeeting;
  private final long seed;
  private final Vocabulary vocabulary;
  private final List<String> speakerNames;

  /**
   * @param meetings how many meetings the corpus has
   * @param wordsPerMeeting about how many words each meeting's transcript has
   * @param seed what makes this corpus; the same seed gives the same meetings
   */
  public CorpusGenerator(int meetings, int wordsPerMeeting, long seed) {
    if (meetings < 1 || wordsPerMeeting < 50) {
      throw new IllegalArgumentException("need at least 1 meeting and 50 words a meeting");
    }
    this.meetings = meetings;
    this.wordsPerMeeting = wordsPerMeeting;
    this.seed = seed;
    this.vocabulary = Vocabulary.english(VOCABULARY, MISHEARD.keySet());
    this.speakerNames = speakerNames(new SplittableRandom(seed));
  }

  public int meetings() {
    return meetings;
  }

  Vocabulary vocabulary() {
    return vocabulary;
  }

  /** The pool of people who speak in meetings, {@value #SPEAKERS} names. */
  public List<String> speakerNames() {
    return speakerNames;
  }

  /** The id of meeting {@code index}, as indexed. */
  public static String meetingId(int index) {
    return String.format(Locale.ROOT, "m%06d", index);
  }

  /** The id of member {@code number}, from 1 to {@value #USERS}. */
  public static String userId(int number) {
    return "u" + number;
  }

  /** Every meeting in order, each made as it is reached and not kept. */
  @Override
  public Iterator<IndexedMeeting> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < meetings;
      }

      @Override
      public IndexedMeeting next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return meeting(next++);
      }
    };
  }

  /** Meeting {@code index}, the same each time. */
  public IndexedMeeting meeting(int index) {
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
    LocalDate date = FIRST_DAY.plusDays(random.nextInt(DAYS));
    List<Speaker> speakers = new ArrayList<>();
    List<String> names = new ArrayList<>(speakerNames);
    int speakerCount = random.nextInt(3, 9);
    for (int i = 0; i < speakerCount; i++) {
      String name = names.remove(random.nextInt(names.size()));
      speakers.add(new Speaker("S" + (i + 1), name, 0));
    }
    List<Segment> segments = new ArrayList<>();
    long start = 0;
    int words = 0;
    while (words < wordsPerMeeting) {
      int length = random.nextInt(8, 41);
      String text = segmentText(random, length);
      // About 400 ms a word, then a pause.
      long end = start + length * 400L;
      String speakerId = speakers.get(random.nextInt(speakers.size())).id();
      segments.add(
          new Segment("g" + (segments.size() + 1), speakerId, start, end, text, List.of()));
      start = end + random.nextInt(200, 1_500);
      words += length;
    }
    List<ActionItem> actions = new ArrayList<>();
    int actionCount = random.nextInt(2, 7);
    for (int i = 0; i < actionCount; i++) {
      Segment from = segments.get(random.nextInt(segments.size()));
      String text =
          ACTION_VERBS[random.nextInt(ACTION_VERBS.length)]
              + " the "
              + vocabulary.queryWord(random, 200, 5_000)
              + " "
              + vocabulary.queryWord(random, 200, 5_000)
              + " to "
              + speakers.get(random.nextInt(speakers.size())).name();
      String owner = speakers.get(random.nextInt(speakers.size())).name();
      LocalDate due = random.nextInt(5) == 0 ? null : date.plusDays(random.nextInt(1, 31));
      ActionItemStatus status =
          ActionItemStatus.values()[random.nextInt(ActionItemStatus.values().length)];
      actions.add(
          new ActionItem(
              "a" + (i + 1),
              text,
              owner,
              due,
              status,
              from.startMs(),
              List.of(from.id()),
              0.8,
              text));
    }
    Set<String> keywords = new LinkedHashSet<>();
    while (keywords.size() < 5) {
      keywords.add(vocabulary.queryWord(random, 200, 5_000));
    }
    String title =
        capitalised(vocabulary.queryWord(random, 100, 3_000))
            + " "
            + vocabulary.queryWord(random, 100, 3_000)
            + " review";
    String id = meetingId(index);
    Meeting meeting =
        new Meeting(
            Meeting.SCHEMA,
            id,
            title,
            date,
            start,
            "en",
            new Source(List.of()),
            speakers,
            segments,
            new Minutes(
                Minutes.GENERAL,
                List.of(),
                List.of(),
                List.of(),
                List.copyOf(keywords),
                List.of(),
                actions,
                List.of()));
    return new IndexedMeeting(id, meeting, audience(random));
  }

  private String segmentText(SplittableRandom random, int length) {
    List<String> words = new ArrayList<>(length + 4);
    for (int i = 0; i < length; i++) {
      words.add(vocabulary.draw(random));
    }
    for (Selectivity selectivity : Selectivity.values()) {
      for (String phrase : selectivity.phrases) {
        if (random.nextDouble() < selectivity.ratePerSegment) {
          plant(random, words, phrase);
        }
      }
    }
    for (String heard : MISHEARD.values()) {
      if (random.nextDouble() < MISHEARD_RATE) {
        plant(random, words, heard);
      }
    }
    return String.join(" ", words);
  }

  /** Replaces words at a random place with {@code phrase}, so the length stays the same. */
  private static void plant(SplittableRandom random, List<String> words, String phrase) {
    String[] planted = phrase.split(" ");
    int at = random.nextInt(Math.max(1, words.size() - planted.length + 1));
    for (int i = 0; i < planted.length; i++) {
      if (at + i < words.size()) {
        words.set(at + i, planted[i]);
      } else {
        words.add(planted[i]);
      }
    }
  }

  private static Audience audience(SplittableRandom random) {
    String owner = userId(random.nextInt(1, USERS + 1));
    Set<String> members = new HashSet<>();
    int shared = random.nextInt(4);
    while (members.size() < shared) {
      members.add(userId(random.nextInt(1, USERS + 1)));
    }
    members.remove(owner);
    return new Audience(owner, random.nextDouble() < ORGANISATION_SHARE, members);
  }

  private static List<String> speakerNames(SplittableRandom random) {
    List<String> all = new ArrayList<>();
    for (String first : FIRST_NAMES) {
      for (String last : LAST_NAMES) {
        all.add(first + " " + last);
      }
    }
    Collections.shuffle(all, new Random(random.nextLong()));
    return List.copyOf(all.subList(0, SPEAKERS));
  }

  private static String capitalised(String word) {
    return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }
}
