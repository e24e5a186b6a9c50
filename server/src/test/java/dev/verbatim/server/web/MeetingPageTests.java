package dev.verbatim.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.Meeting;
import dev.verbatim.core.Minutes;
import dev.verbatim.core.Segment;
import dev.verbatim.core.Source;
import dev.verbatim.core.Speaker;
import dev.verbatim.core.SpeakerIdentification;
import dev.verbatim.server.VerbatimProperties;
import dev.verbatim.server.meeting.MeetingHeader;
import dev.verbatim.server.meeting.MeetingStatus;
import dev.verbatim.server.pipeline.TrackLayout;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the meeting page shows of speakers: names the minutes only suggested, offered to accept. */
class MeetingPageTests {

  @Test
  void anUnnamedSpeakerIsOfferedTheNameTheMinutesSuggested() {
    MeetingPage page = page(new Speaker("S1", null, 4_000), new Speaker("S2", "Ana", 3_000));

    assertThat(page.speakers())
        .extracting(MeetingPage.SpeakerRow::id, MeetingPage.SpeakerRow::suggestion)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("S1", "Dana"),
            org.assertj.core.groups.Tuple.tuple("S2", null));
    assertThat(page.speakers().get(0).evidence()).contains("Thanks, Dana");
  }

  @Test
  void aSpeakerSomeoneHasNamedSinceIsOfferedNothing() {
    MeetingPage page = page(new Speaker("S1", "Dee", 4_000), new Speaker("S2", "Ana", 3_000));

    assertThat(page.speakers()).allSatisfy(row -> assertThat(row.suggestion()).isNull());
  }

  private static MeetingPage page(Speaker... speakers) {
    Minutes minutes =
        new Minutes(
            Minutes.empty().template(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(
                new SpeakerIdentification(
                    "S1",
                    "Dana",
                    "g1",
                    "Thanked by name after speaking: \"Thanks, Dana\"",
                    0.7,
                    false),
                new SpeakerIdentification("S2", "Ana", "g2", "Introduced themselves", 0.95, true)));
    Meeting meeting =
        new Meeting(
            Meeting.SCHEMA,
            "m-1",
            "Weekly",
            LocalDate.of(2026, 12, 8),
            10_000,
            "en",
            new Source(List.of()),
            List.of(speakers),
            List.of(new Segment("g1", "S1", 0, 1_000, "hello", List.of())),
            minutes);
    MeetingHeader header =
        new MeetingHeader(
            "m-1",
            "Weekly",
            LocalDate.of(2026, 12, 8),
            10_000,
            "en",
            TrackLayout.MIXED,
            null,
            MeetingStatus.DONE,
            null,
            1.0,
            null,
            List.of(),
            Instant.EPOCH,
            Instant.EPOCH,
            null);
    return MeetingPage.of(
        header,
        meeting,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        new MeetingPages.TemplateOption("general", "General"),
        new VerbatimProperties.Retention(0, 0, "@daily"),
        "/media");
  }
}
