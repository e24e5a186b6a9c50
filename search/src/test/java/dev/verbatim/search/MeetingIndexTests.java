package dev.verbatim.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.core.ActionItem;
import dev.verbatim.core.ActionItemStatus;
import dev.verbatim.core.Decision;
import dev.verbatim.core.Meeting;
import dev.verbatim.core.Minutes;
import dev.verbatim.core.Segment;
import dev.verbatim.core.Source;
import dev.verbatim.core.Speaker;
import dev.verbatim.core.SummaryPoint;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MeetingIndexTests {

  private static final LocalDate DATE = LocalDate.of(2025, 3, 14);

  private final MeetingIndex index = MeetingIndex.inMemory();

  @AfterEach
  void close() {
    index.close();
  }

  @Test
  void findsASegmentByAStemmedWord() {
    index.index("m1", planning(), Audience.ADMINS);

    SearchResults results = index.search(SearchQuery.of("budgets"));

    assertThat(results.total()).isEqualTo(1);
    SearchHit hit = results.hits().get(0);
    assertThat(hit.kind()).isEqualTo(SearchHit.SEGMENT);
    assertThat(hit.meetingId()).isEqualTo("m1");
    assertThat(hit.meetingTitle()).isEqualTo("Quarterly planning");
    assertThat(hit.date()).isEqualTo(DATE);
    assertThat(hit.segmentId()).isEqualTo("g2");
    assertThat(hit.startMs()).isEqualTo(4_000);
    assertThat(hit.speaker()).isEqualTo("Alice");
    assertThat(hit.snippet())
        .isEqualTo("we need to cut the marketing <mark>budget</mark> by ten percent");
    assertThat(hit.score()).isPositive();
  }

  @Test
  void unnamedSpeakersAreShownByTheirId() {
    index.index("m1", planning(), Audience.ADMINS);

    SearchHit hit = index.search(SearchQuery.of("wait")).hits().get(0);

    assertThat(hit.segmentId()).isEqualTo("g3");
    assertThat(hit.speaker()).isEqualTo("S2");
  }

  @Test
  void quotedPhrasesMatchOnlyTheWordsInOrder() {
    index.index("m1", planning(), Audience.ADMINS);

    assertThat(index.search(SearchQuery.of("\"marketing budget\"")).hits())
        .extracting(SearchHit::segmentId)
        .containsExactly("g2");
    assertThat(index.search(SearchQuery.of("\"budget marketing\"")).total()).isZero();
  }

  @Test
  void everyWordMustMatch() {
    index.index("m1", planning(), Audience.ADMINS);

    assertThat(index.search(SearchQuery.of("percent summer")).total()).isZero();
    assertThat(index.search(SearchQuery.of("percent OR summer")).hits())
        .filteredOn(hit -> hit.kind().equals(SearchHit.SEGMENT))
        .extracting(SearchHit::segmentId)
        .containsExactlyInAnyOrder("g2", "g3");
  }

  @Test
  void findsTheMeetingByItsSummaryAndTitle() {
    index.index("m1", planning(), Audience.ADMINS);

    List<SearchHit> hits = index.search(SearchQuery.of("quarterly")).hits();

    assertThat(hits).extracting(SearchHit::kind).containsExactly(SearchHit.MEETING);
    SearchHit meeting = hits.get(0);
    assertThat(meeting.segmentId()).isNull();
    assertThat(meeting.speaker()).isNull();
    assertThat(meeting.startMs()).isZero();
    assertThat(meeting.snippet()).contains("<mark>Quarterly</mark> planning");
    assertThat(index.search(SearchQuery.of("freeze")).hits())
        .extracting(SearchHit::kind)
        .containsExactly(SearchHit.MEETING);
  }

  @Test
  void findsActionItemsWithTheirOwner() {
    index.index("m1", planning(), Audience.ADMINS);

    List<SearchHit> hits = index.search(SearchQuery.of("spreadsheet")).hits();

    assertThat(hits)
        .extracting(SearchHit::kind)
        .containsExactlyInAnyOrder(SearchHit.SEGMENT, SearchHit.ACTION);
    SearchHit action =
        hits.stream().filter(hit -> hit.kind().equals(SearchHit.ACTION)).findFirst().orElseThrow();
    assertThat(action.kind()).isEqualTo(SearchHit.ACTION);
    assertThat(action.speaker()).isEqualTo("Alice");
    assertThat(action.segmentId()).isEqualTo("g4");
    assertThat(action.startMs()).isEqualTo(9_000);
    assertThat(action.snippet()).isEqualTo("Send the revised <mark>spreadsheet</mark> to finance");
  }

  @Test
  void fieldsCanBeNamed() {
    index.index("m1", planning(), Audience.ADMINS);

    assertThat(index.search(SearchQuery.of("speaker:alice budget")).hits())
        .extracting(SearchHit::segmentId)
        .containsExactly("g2");
    assertThat(index.search(SearchQuery.of("speaker:bob budget")).total()).isZero();
  }

  @Test
  void reindexingReplacesTheMeeting() {
    index.index("m1", planning(), Audience.ADMINS);
    long before = index.documentCount();

    Meeting edited = edited(planning(), "g2", "we need to trim the advertising spend");
    index.index("m1", edited, Audience.ADMINS);

    assertThat(index.search(SearchQuery.of("budget")).total()).isZero();
    assertThat(index.search(SearchQuery.of("advertising")).hits())
        .extracting(SearchHit::segmentId)
        .containsExactly("g2");
    assertThat(index.documentCount()).isEqualTo(before);
  }

  @Test
  void deletingAMeetingRemovesAllItsEntries() {
    index.index("m1", planning(), Audience.ADMINS);
    index.index("m2", standup(), Audience.ADMINS);

    index.delete("m1");

    assertThat(index.search(SearchQuery.of("marketing")).total()).isZero();
    assertThat(index.search(SearchQuery.of("spreadsheet")).total()).isZero();
    assertThat(index.search(SearchQuery.of("quarterly")).total()).isZero();
    assertThat(index.documentCount()).isEqualTo(standupDocuments());
  }

  @Test
  void deletedMeetingNeverComesBack(@TempDir Path directory) {
    try (MeetingIndex onDisk = new MeetingIndex(directory)) {
      onDisk.index("m1", planning(), Audience.ADMINS);
      onDisk.index("m2", standup(), Audience.ADMINS);
      onDisk.delete("m1");
    }

    try (MeetingIndex reopened = new MeetingIndex(directory)) {
      assertThat(reopened.search(SearchQuery.of("marketing")).total()).isZero();
      assertThat(reopened.search(SearchQuery.of("deploy")).total()).isEqualTo(1);
      assertThat(reopened.documentCount()).isEqualTo(standupDocuments());
    }
  }

  @Test
  void writesAreDurableWithoutAClose(@TempDir Path directory) throws Exception {
    MeetingIndex writing = new MeetingIndex(directory);
    writing.index("m1", planning(), Audience.ADMINS);

    // A second reader of the same files sees the commit while the writer is still open.
    try (var reader = org.apache.lucene.index.DirectoryReader.open(FSDirectory.open(directory))) {
      assertThat(reader.numDocs()).isEqualTo(planningDocuments());
    } finally {
      writing.close();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"unclosed budget",
        "AND",
        "budget AND",
        "(budget",
        "budget)",
        "*udget",
        "budget~9",
        "title:",
        ":",
        "[budget TO",
        "/[unclosed/",
        "budget^^",
        "!",
        "\\",
        "&& || !!"
      })
  void badQuerySyntaxIsSearchedAsWords(String text) {
    index.index("m1", planning(), Audience.ADMINS);

    assertThatCode(() -> index.search(SearchQuery.of(text))).doesNotThrowAnyException();
  }

  @Test
  void unclosedQuotesStillFindTheWords() {
    index.index("m1", planning(), Audience.ADMINS);

    assertThat(index.search(SearchQuery.of("\"marketing budget")).hits())
        .extracting(SearchHit::segmentId)
        .containsExactly("g2");
  }

  @Test
  void timesAreNotTakenForFields() {
    index.index("m1", planning(), Audience.ADMINS);

    assertThat(index.search(SearchQuery.of("10:30")).hits())
        .extracting(SearchHit::segmentId)
        .containsExactly("g1");
  }

  @Test
  void stopWordsAloneFindNothing() {
    index.index("m1", planning(), Audience.ADMINS);

    assertThat(index.search(SearchQuery.of("the")).total()).isZero();
    assertThat(index.search(SearchQuery.of("   ")).total()).isZero();
  }

  @Test
  void hostileTextIsEscapedInSnippets() {
    Meeting hostile =
        meeting(
            "<b>Evil</b> & co",
            List.of(new Speaker("S1", "<img src=x onerror=alert(1)>", 0)),
            List.of(
                segment(
                    "g1", "S1", 0, "<script>alert(\"budget\")</script> it's the budget & more")),
            Minutes.empty());
    index.index("m1", hostile, Audience.ADMINS);

    List<SearchHit> hits = index.search(SearchQuery.of("budget")).hits();

    assertThat(hits).hasSize(1);
    assertThat(hits.get(0).snippet())
        .isEqualTo(
            "&lt;script&gt;alert(&quot;<mark>budget</mark>&quot;)&lt;/script&gt;"
                + " it&#39;s the <mark>budget</mark> &amp; more");
    SearchHit meeting = index.search(SearchQuery.of("evil")).hits().get(0);
    assertThat(meeting.snippet())
        .startsWith("&lt;b&gt;<mark>Evil</mark>&lt;/b&gt; &amp; co · &lt;img src=x")
        .doesNotContain("<b>", "<img", "<script");
    // Plain fields stay plain text: the UI escapes them as it does any text.
    assertThat(meeting.meetingTitle()).isEqualTo("<b>Evil</b> & co");
  }

  @Test
  void longTextIsCutAroundTheMatch() {
    String filler = "lorem ipsum dolor sit amet ".repeat(30);
    index.index(
        "m1",
        meeting(
            "Long",
            List.of(),
            List.of(segment("g1", "S1", 0, filler + "the budget is <late> " + filler)),
            Minutes.empty()),
        Audience.ADMINS);

    String snippet = index.search(SearchQuery.of("budget")).hits().get(0).snippet();

    assertThat(snippet)
        .startsWith("…")
        .endsWith("…")
        .contains("<mark>budget</mark> is &lt;late&gt;")
        .hasSizeLessThan(300);
  }

  @Test
  void snippetOfAHitOutsideTheTextIsItsEscapedOpening() {
    index.index("m1", planning(), Audience.ADMINS);

    List<SearchHit> hits = index.search(SearchQuery.of("speaker:alice")).hits();

    assertThat(hits)
        .filteredOn(hit -> "g2".equals(hit.segmentId()) && hit.kind().equals(SearchHit.SEGMENT))
        .extracting(SearchHit::snippet)
        .containsExactly("we need to cut the marketing budget by ten percent");
  }

  @Test
  void aMeetingFilterRestrictsHitsToThatMeeting() {
    index.index("m1", planning(), Audience.ADMINS);
    index.index("m2", standup(), Audience.ADMINS);

    assertThat(index.search(SearchQuery.of("budget")).hits())
        .extracting(SearchHit::meetingId)
        .containsExactlyInAnyOrder("m1", "m2");
    assertThat(index.search(SearchQuery.builder("budget").meeting("m2").page(0, 20).build()).hits())
        .extracting(SearchHit::meetingId)
        .containsExactly("m2");
    assertThat(
            index.search(SearchQuery.builder("budget").meeting("m3").page(0, 20).build()).total())
        .isZero();
  }

  @Test
  void pagesThroughAllHitsOnce() {
    List<Segment> segments =
        IntStream.range(0, 25)
            .mapToObj(i -> segment("g" + i, "S1", i * 1_000L, "budget item number " + i))
            .toList();
    index.index("m1", meeting("Many", List.of(), segments, Minutes.empty()), Audience.ADMINS);

    List<String> seen = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      SearchResults results = index.search(SearchQuery.builder("budget").page(page, 10).build());
      assertThat(results.total()).isEqualTo(25);
      results.hits().forEach(hit -> seen.add(hit.segmentId()));
    }
    SearchResults beyond = index.search(SearchQuery.builder("budget").page(3, 10).build());

    assertThat(seen).hasSize(25).doesNotHaveDuplicates();
    assertThat(beyond.total()).isEqualTo(25);
    assertThat(beyond.hits()).isEmpty();
  }

  @Test
  void concurrentWritersAndReadersSeeEveryFinishedMeeting() throws Exception {
    List<Callable<Long>> work = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String id = "m" + i;
      work.add(
          () -> {
            index.index(id, planning(), Audience.ADMINS);
            index.index(id, planning(), Audience.ADMINS);
            // Searchable as soon as index returns, from any thread.
            return index
                .search(SearchQuery.builder("budget").meeting(id).page(0, 10).build())
                .total();
          });
      work.add(() -> index.search(SearchQuery.of("budget")).total() > 40 ? -1L : 1L);
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (Future<Long> result : pool.invokeAll(work)) {
        assertThat(result.get()).isEqualTo(1);
      }
    } finally {
      pool.shutdown();
    }

    assertThat(index.search(SearchQuery.of("budget")).total()).isEqualTo(40);
    assertThat(index.documentCount()).isEqualTo(40 * planningDocuments());
  }

  @Test
  void countsEverySegmentMeetingAndActionItem() {
    assertThat(index.documentCount()).isZero();

    index.index("m1", planning(), Audience.ADMINS);

    // Four segments, the meeting itself, one action item.
    assertThat(index.documentCount()).isEqualTo(6);
  }

  @Test
  void deleteAllEmptiesTheIndex() {
    index.index("m1", planning(), Audience.ADMINS);
    index.index("m2", standup(), Audience.ADMINS);

    index.deleteAll();

    assertThat(index.documentCount()).isZero();
    assertThat(index.search(SearchQuery.of("budget")).total()).isZero();
    assertThat(index.isCurrentSchema()).isTrue();
  }

  @Test
  void theFeedPositionIsCommittedWithTheIndexAndSurvivesARebuild(@TempDir Path directory) {
    try (MeetingIndex created = new MeetingIndex(directory)) {
      assertThat(created.feedPosition()).isEmpty();
      created.index("m1", planning(), Audience.ADMINS);
      created.feedPosition(41);
      created.rebuild(List.of(new IndexedMeeting("m2", standup(), Audience.ADMINS)));
      assertThat(created.feedPosition()).hasValue(41);
      assertThat(created.isCurrentSchema()).isTrue();
    }
    try (MeetingIndex reopened = new MeetingIndex(directory)) {
      assertThat(reopened.feedPosition()).hasValue(41);
      assertThat(reopened.isCurrentSchema()).isTrue();
      assertThat(reopened.documentCount()).isEqualTo(standupDocuments());
    }
  }

  @Test
  void aSecondProcessOnTheSameDirectoryIsToldItIsInUse(@TempDir Path directory) {
    try (MeetingIndex first = new MeetingIndex(directory)) {
      assertThatThrownBy(() -> new MeetingIndex(directory))
          .isInstanceOf(IndexInUseException.class)
          .hasMessageContaining(directory.toString())
          .hasCauseInstanceOf(org.apache.lucene.store.LockObtainFailedException.class);
      assertThat(first.documentCount()).isZero();
    }
  }

  @Test
  void aNewIndexHasTheCurrentSchema(@TempDir Path directory) {
    try (MeetingIndex created = new MeetingIndex(directory.resolve("index"))) {
      assertThat(created.isCurrentSchema()).isTrue();
      created.index("m1", planning(), Audience.ADMINS);
    }
    try (MeetingIndex reopened = new MeetingIndex(directory.resolve("index"))) {
      assertThat(reopened.isCurrentSchema()).isTrue();
      assertThat(reopened.documentCount()).isEqualTo(planningDocuments());
    }
  }

  @Test
  void anIndexOfAnotherSchemaAsksForARebuild(@TempDir Path directory) throws Exception {
    try (MeetingIndex created = new MeetingIndex(directory)) {
      created.index("m1", planning(), Audience.ADMINS);
    }
    stampSchema(directory, "0");

    try (MeetingIndex reopened = new MeetingIndex(directory)) {
      assertThat(reopened.isCurrentSchema()).isFalse();
      // Indexing more does not make the old documents current.
      reopened.index("m2", standup(), Audience.ADMINS);
      assertThat(reopened.isCurrentSchema()).isFalse();
    }
    try (MeetingIndex rebuilt = new MeetingIndex(directory)) {
      assertThat(rebuilt.isCurrentSchema()).isFalse();
      rebuilt.deleteAll();
      rebuilt.index("m1", planning(), Audience.ADMINS);
      assertThat(rebuilt.isCurrentSchema()).isTrue();
    }
    try (MeetingIndex reopened = new MeetingIndex(directory)) {
      assertThat(reopened.isCurrentSchema()).isTrue();
      assertThat(reopened.documentCount()).isEqualTo(planningDocuments());
    }
  }

  /** Rewrites the schema version as an older release would have left it. */
  private static void stampSchema(Path directory, String version) throws Exception {
    try (FSDirectory files = FSDirectory.open(directory);
        IndexWriter writer = new IndexWriter(files, new IndexWriterConfig())) {
      writer.setLiveCommitData(Map.of(MeetingIndex.SCHEMA_KEY, version).entrySet());
      writer.commit();
    }
  }

  private static long planningDocuments() {
    return 6;
  }

  private static long standupDocuments() {
    return 3;
  }

  /** Four segments, one action item: six documents. */
  private static Meeting planning() {
    return meeting(
        "Quarterly planning",
        List.of(new Speaker("S1", "Alice", 0), new Speaker("S2", null, 0)),
        List.of(
            segment("g1", "S1", 0, "let us start at 10:30 with the numbers"),
            segment("g2", "S1", 4_000, "we need to cut the marketing budget by ten percent"),
            segment("g3", "S2", 6_000, "then hiring has to wait until summer"),
            segment("g4", "S1", 9_000, "i will send the revised spreadsheet to finance")),
        new Minutes(
            Minutes.GENERAL,
            List.of(),
            List.of(new SummaryPoint("Marketing spend is cut", 4_000, List.of("g2"))),
            List.of(),
            List.of("marketing", "hiring"),
            List.of(
                new Decision("d1", "Hiring freeze until summer", 6_000, List.of("g3"), 0.9, "")),
            List.of(
                new ActionItem(
                    "a1",
                    "Send the revised spreadsheet to finance",
                    "Alice",
                    null,
                    ActionItemStatus.OPEN,
                    9_000,
                    List.of("g4"),
                    0.8,
                    "i will send the revised spreadsheet to finance")),
            List.of()));
  }

  /** Two segments and the meeting: three documents. */
  private static Meeting standup() {
    return meeting(
        "Standup",
        List.of(new Speaker("S1", "Bob", 0)),
        List.of(
            segment("g1", "S1", 0, "the budget review moved to friday"),
            segment("g2", "S1", 3_000, "we deploy on monday")),
        Minutes.empty());
  }

  private static Meeting edited(Meeting meeting, String segmentId, String text) {
    List<Segment> segments =
        meeting.segments().stream()
            .map(
                s ->
                    s.id().equals(segmentId)
                        ? segment(s.id(), s.speakerId(), s.startMs(), text)
                        : s)
            .toList();
    return new Meeting(
        meeting.schema(),
        meeting.id(),
        meeting.title(),
        meeting.date(),
        meeting.durationMs(),
        meeting.language(),
        meeting.source(),
        meeting.speakers(),
        segments,
        meeting.minutes());
  }

  private static Meeting meeting(
      String title, List<Speaker> speakers, List<Segment> segments, Minutes minutes) {
    return new Meeting(
        Meeting.SCHEMA,
        "ignored",
        title,
        DATE,
        60_000,
        "en",
        new Source(List.of()),
        speakers,
        segments,
        minutes);
  }

  private static Segment segment(String id, String speakerId, long startMs, String text) {
    return new Segment(id, speakerId, startMs, startMs + 1_000, text, List.of());
  }
}
