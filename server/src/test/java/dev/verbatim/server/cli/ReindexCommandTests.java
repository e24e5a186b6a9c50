package dev.verbatim.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.Meeting;
import dev.verbatim.core.Minutes;
import dev.verbatim.core.Segment;
import dev.verbatim.core.Source;
import dev.verbatim.core.Speaker;
import dev.verbatim.search.MeetingIndex;
import dev.verbatim.search.SearchQuery;
import dev.verbatim.server.TestData;
import dev.verbatim.server.account.Accounts;
import dev.verbatim.server.account.Role;
import dev.verbatim.server.index.MeetingIndexer;
import dev.verbatim.server.meeting.MeetingStatus;
import dev.verbatim.server.meeting.MeetingStore;
import dev.verbatim.server.pipeline.TrackLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

class ReindexCommandTests {

  @Test
  void rebuildsALostIndexFromTheDatabase() throws Exception {
    Path data = TestData.directory("verbatim-reindex");
    try (ConfigurableApplicationContext context =
        ApplicationContexts.startOnData(Map.of("verbatim.data", data))) {
      storeProcessedMeeting(context);
    }
    FileSystemUtils.deleteRecursively(data.resolve("index"));

    CommandRun run = CommandRun.of("reindex", "--data", data.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("Indexed 1 meeting in ");
    assertThat(Files.isDirectory(data.resolve("index"))).isTrue();
    try (MeetingIndex index = new MeetingIndex(data.resolve("index"))) {
      assertThat(index.isCurrentSchema()).isTrue();
      assertThat(hits(index)).containsExactly("m-reindex/g1");
    }
  }

  @Test
  void aRestartedServerRebuildsAMissingIndexWithTheSameResults() throws Exception {
    Path data = TestData.directory("verbatim-restart");
    List<String> before;
    long documents;
    try (ConfigurableApplicationContext context =
        ApplicationContexts.startOnData(Map.of("verbatim.data", data))) {
      storeProcessedMeeting(context);
      context.getBean(MeetingIndexer.class).rebuild();
      MeetingIndex index = context.getBean(MeetingIndex.class);
      before = hits(index);
      documents = index.documentCount();
    }
    assertThat(before).containsExactly("m-reindex/g1");
    FileSystemUtils.deleteRecursively(data.resolve("index"));

    try (ConfigurableApplicationContext context =
        ApplicationContexts.startOnData(Map.of("verbatim.data", data))) {
      MeetingIndex index = context.getBean(MeetingIndex.class);
      // The rebuild runs in the background after start; it shows all at once when complete.
      long waited = 0;
      while (index.documentCount() < documents && waited < 60_000) {
        Thread.sleep(100);
        waited += 100;
      }
      assertThat(index.documentCount()).isEqualTo(documents);
      assertThat(hits(index)).isEqualTo(before);
    }
  }

  private static List<String> hits(MeetingIndex index) {
    return index.search(SearchQuery.of("dirigible noon")).hits().stream()
        .map(hit -> hit.meetingId() + "/" + hit.segmentId())
        .toList();
  }

  /** A meeting stored as a finished job stores it, owned by a new member. */
  private static void storeProcessedMeeting(ConfigurableApplicationContext context) {
    MeetingStore meetings = context.getBean(MeetingStore.class);
    String owner =
        context
            .getBean(Accounts.class)
            .create("owner@example.com", "Owner", null, Role.MEMBER)
            .id();
    meetings.insert(
        new MeetingStore.NewMeeting(
            "m-reindex",
            owner,
            "Airship",
            LocalDate.of(2025, 3, 14),
            "en",
            TrackLayout.MIXED,
            null,
            "key-reindex"),
        List.of());
    meetings.saveProcessed(
        "m-reindex",
        new Meeting(
            Meeting.SCHEMA,
            "m-reindex",
            "Airship",
            LocalDate.of(2025, 3, 14),
            5_000,
            "en",
            new Source(List.of()),
            List.of(new Speaker("S1", "Ana", 5_000)),
            List.of(new Segment("g1", "S1", 0, 5_000, "the dirigible lands at noon", List.of())),
            Minutes.empty()));
    meetings.progress("m-reindex", MeetingStatus.DONE, null, 1.0);
  }
}
