package dev.verbatim.server.index;

import static dev.verbatim.server.StoredMeetings.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.search.MeetingIndex;
import dev.verbatim.server.ApiClient;
import dev.verbatim.server.StoredMeetings;
import dev.verbatim.server.TestData;
import dev.verbatim.server.VerbatimApplication;
import dev.verbatim.server.meeting.MeetingChanged;
import dev.verbatim.server.meeting.MeetingStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The index follows changes that other processes record in the feed, including one whose
 * transaction commits after a later one's. The feed is read when the test says so: the poll
 * interval is an hour.
 */
@SpringBootTest(
    classes = VerbatimApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"verbatim.jobs.enabled=false", "verbatim.search.feed.poll-interval=1h"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexFeedTests {

  static final Path DATA = TestData.directory("verbatim-feed");

  @DynamicPropertySource
  static void data(DynamicPropertyRegistry registry) {
    registry.add("verbatim.data", DATA::toString);
  }

  @LocalServerPort int port;
  @Autowired MeetingStore meetings;
  @Autowired ApplicationEventPublisher publisher;
  @Autowired IndexEventStore events;
  @Autowired MeetingIndexer indexer;
  @Autowired MeetingIndex index;
  @Autowired TransactionTemplate transactions;

  ApiClient admin;
  String first;
  String second;

  @BeforeAll
  void twoMeetings() {
    StoredMeetings stored = new StoredMeetings(meetings, publisher, DATA);
    admin = new ApiClient(port);
    first = stored.processed(admin, "Harbour", List.of(line("Ana", 0, "the pier")), List.of());
    second = stored.processed(admin, "Quarry", List.of(line("Bo", 0, "the gravel")), List.of());
  }

  @Test
  void ownChangesAreSearchableAtOnceAndRecordedForTheOthers() {
    long before = events.span().map(FeedCursor.Span::newest).orElse(0L);

    assertThat(admin.patch("/api/meetings/" + first, "{\"title\": \"Lighthouse\"}").status())
        .isEqualTo(200);

    assertThat(titlesFound("lighthouse")).containsExactly("Lighthouse");
    assertThat(events.after(before, 10))
        .extracting(IndexEvent::meetingId, IndexEvent::change)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(first, MeetingChanged.Change.EDITED));
  }

  @Test
  void aChangeThatAnotherProcessRecordedIsFoundAfterTheNextPoll() {
    // Another process renames it: the rows and the event, and nothing published here.
    meetings.updateHeader(second, "Sandpit", StoredMeetings.DATE);
    events.append(second, MeetingChanged.Change.EDITED, Instant.now());
    assertThat(titlesFound("sandpit")).isEmpty();

    indexer.catchUp();

    assertThat(titlesFound("sandpit")).containsExactly("Sandpit");
    assertThat(index.feedPosition()).hasValue(events.span().orElseThrow().newest());
  }

  @Test
  void anEventThatCommitsAfterALaterOneIsStillApplied() throws Exception {
    CountDownLatch inserted = new CountDownLatch(1);
    CountDownLatch commit = new CountDownLatch(1);
    // A slow transaction of another process takes the next id, and commits last.
    CompletableFuture<Void> slow =
        CompletableFuture.runAsync(
            () ->
                transactions.executeWithoutResult(
                    status -> {
                      meetings.updateHeader(first, "Windmill", StoredMeetings.DATE);
                      events.append(first, MeetingChanged.Change.EDITED, Instant.now());
                      inserted.countDown();
                      await(commit);
                    }));
    assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
    meetings.updateHeader(second, "Orchard", StoredMeetings.DATE);
    long later = events.append(second, MeetingChanged.Change.EDITED, Instant.now());

    indexer.catchUp();
    assertThat(titlesFound("orchard")).containsExactly("Orchard");
    assertThat(titlesFound("windmill")).isEmpty();
    assertThat(index.feedPosition()).as("held before the uncommitted event").hasValue(later - 2);

    commit.countDown();
    slow.get(30, TimeUnit.SECONDS);
    indexer.catchUp();

    assertThat(titlesFound("windmill")).containsExactly("Windmill");
    assertThat(index.feedPosition()).hasValue(later);
  }

  private List<String> titlesFound(String query) {
    JsonNode hits = admin.get("/api/search?type=meeting&q=" + query).json().get("hits");
    return hits.valueStream().map(hit -> hit.get("meetingTitle").asString()).toList();
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
