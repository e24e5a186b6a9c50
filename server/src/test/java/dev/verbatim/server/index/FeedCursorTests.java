package dev.verbatim.server.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.server.meeting.MeetingChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedCursorTests {

  static final Duration GAP_TIMEOUT = Duration.ofSeconds(10);
  static final Instant T0 = Instant.parse("2025-03-14T10:00:00Z");

  @Test
  void eventsInOrderAreAppliedOnceAndMoveThePosition() {
    FeedCursor cursor = new FeedCursor(0, GAP_TIMEOUT);

    assertThat(ids(cursor.accept(events(1, 2, 3), T0))).containsExactly(1L, 2L, 3L);
    // Read again (as when a gap keeps the position back): nothing twice.
    assertThat(cursor.accept(events(1, 2, 3), T0)).isEmpty();

    assertThat(cursor.position()).isEqualTo(3);
    assertThat(cursor.highest()).isEqualTo(3);
    assertThat(cursor.hasGaps()).isFalse();
  }

  @Test
  void anEventCommittedAfterAHigherOneIsAppliedWhenItShowsUp() {
    FeedCursor cursor = new FeedCursor(4, GAP_TIMEOUT);

    // 5 was given out first but its transaction has not committed; 6 and 7 have.
    assertThat(ids(cursor.accept(events(6, 7), T0))).containsExactly(6L, 7L);
    assertThat(cursor.position()).as("held before the gap").isEqualTo(4);
    assertThat(cursor.hasGaps()).isTrue();

    assertThat(ids(cursor.accept(events(5, 6, 7, 8), T0.plusSeconds(2)))).containsExactly(5L, 8L);
    assertThat(cursor.position()).isEqualTo(8);
    assertThat(cursor.hasGaps()).isFalse();
  }

  @Test
  void aGapThatNeverFillsIsGivenUpAfterTheTimeout() {
    FeedCursor cursor = new FeedCursor(0, GAP_TIMEOUT);
    cursor.accept(events(1, 3), T0);

    cursor.accept(List.of(), T0.plus(GAP_TIMEOUT).minusMillis(1));
    assertThat(cursor.position()).isEqualTo(1);

    cursor.accept(List.of(), T0.plus(GAP_TIMEOUT));
    assertThat(cursor.position()).isEqualTo(3);
    // Should the rolled-back id show up after all, it is behind the position: not applied again.
    assertThat(cursor.accept(events(2), T0.plus(GAP_TIMEOUT).plusSeconds(1))).isEmpty();
  }

  @Test
  void eachGapKeepsItsOwnDeadline() {
    FeedCursor cursor = new FeedCursor(0, GAP_TIMEOUT);
    cursor.accept(events(2), T0);
    cursor.accept(events(4), T0.plusSeconds(5));

    cursor.accept(List.of(), T0.plus(GAP_TIMEOUT));
    assertThat(cursor.position()).as("1 given up, 3 still awaited").isEqualTo(2);

    assertThat(ids(cursor.accept(events(3), T0.plusSeconds(12)))).containsExactly(3L);
    assertThat(cursor.position()).isEqualTo(4);
  }

  @Test
  void aSequenceThatJumpsFarAheadIsNotAwaitedIdById() {
    FeedCursor cursor = new FeedCursor(10, GAP_TIMEOUT);

    cursor.accept(events(11 + FeedCursor.LARGEST_TRACKED_GAP + 1), T0);

    assertThat(cursor.hasGaps()).isFalse();
    assertThat(cursor.position()).isEqualTo(11 + FeedCursor.LARGEST_TRACKED_GAP + 1);
  }

  @Test
  void anIndexIsRebuiltWhenTheFeedWasPrunedPastItOrIsBehindIt() {
    FeedCursor.Span span = new FeedCursor.Span(100, 180);

    assertThat(FeedCursor.mustRebuild(99, span)).as("next event is the oldest").isFalse();
    assertThat(FeedCursor.mustRebuild(150, span)).isFalse();
    assertThat(FeedCursor.mustRebuild(180, span)).isFalse();
    assertThat(FeedCursor.mustRebuild(98, span)).as("event 99 was pruned unseen").isTrue();
    assertThat(FeedCursor.mustRebuild(0, span)).isTrue();
    assertThat(FeedCursor.mustRebuild(181, span)).as("an index of another database").isTrue();
  }

  private static List<IndexEvent> events(long... ids) {
    return Arrays.stream(ids)
        .mapToObj(id -> new IndexEvent(id, "m" + id, MeetingChanged.Change.EDITED))
        .toList();
  }

  private static List<Long> ids(List<IndexEvent> events) {
    return events.stream().map(IndexEvent::id).toList();
  }
}
