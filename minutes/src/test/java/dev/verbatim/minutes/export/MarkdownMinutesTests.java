package dev.verbatim.minutes.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.ActionItem;
import dev.verbatim.core.Meeting;
import dev.verbatim.core.Minutes;
import dev.verbatim.minutes.export.MinutesDocuments.Format;
import dev.verbatim.minutes.template.MinutesTemplates;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownMinutesTests {

  private final MinutesDocuments documents = new MinutesDocuments(new MinutesTemplates(null));

  @Test
  void writesTheSectionsInTheOrderOfTheMeetingsTemplate() throws IOException {
    String markdown = write(TestMeetings.small());

    assertThat(markdown)
        .startsWith("# Launch stand-up\n\nMonday 2 March 2026 · 1 min 30 s · Stand-up\n\n");
    assertThat(markdown.lines().filter(line -> line.startsWith("## ")))
        .containsExactly(
            "## Participants", "## Action items", "## Decisions", "## Summary", "## Transcript");
  }

  @Test
  void writesEverySectionOfTheSmallMeeting() throws IOException {
    Meeting meeting = TestMeetings.small();
    // The general template shows every section.
    Meeting general = TestMeetings.withMinutes(meeting, withTemplate(meeting.minutes(), "general"));

    String markdown = write(general);

    assertThat(markdown)
        .contains(
            """
            ## Participants

            - **Ana Smith** — 2 s talk time
            - **S2** — 2 s talk time
            - **Bo Chen** — 2 s talk time

            Names found in what was said:

            - S2 is taken to be Priya: asked "Priya, can you send them?" and S2 answered
            """,
            """
            ## Summary

            - The team ships on Friday.
            - Priya sends the numbers.
            """,
            """
            ## Decisions

            - \\[00:07\\] Go with the blue design
            """,
            """
            ## Action items

            | What | Owner | Due | Status | At |
            | --- | --- | --- | --- | --- |
            | Send the numbers to finance | Priya | 2026-03-06 | Open | 00:04 |
            | Book the launch room | — | — | Open | 00:08 |
            """,
            """
            ## Chapters

            - 00:00–00:06 **Launch date**
            - 00:07–00:09 **Design**
            """,
            """
            ## Keywords

            friday, numbers, blue design
            """,
            """
            ## Transcript

            \\[00:01\\] **Ana Smith:** We ship on Friday.

            \\[00:04\\] **S2:** I will send the numbers by Friday.

            \\[00:07\\] **Bo Chen:** Agreed, let us go with the blue design.
            """);
  }

  @Test
  void escapesHostileNamesAndText() throws IOException {
    Meeting meeting =
        TestMeetings.small(
            "*Eve* [admin](http://x) <script>|`",
            "# Mallory_",
            "- 1. <img src=x> | `code` ~~gone~~ &amp; \\ done");

    String markdown = write(meeting);

    assertThat(markdown)
        .contains("- **\\*Eve\\* \\[admin\\](http://x) \\<script\\>\\|\\`** — 2 s talk time")
        .contains("- **\\# Mallory\\_** — 2 s talk time")
        .contains(
            "**\\*Eve\\* \\[admin\\](http://x) \\<script\\>\\|\\`:** \\- 1. \\<img src=x\\> \\|"
                + " \\`code\\` \\~\\~gone\\~\\~ \\&amp; \\\\ done")
        .doesNotContain("<script>", "<img src=x>", "[admin]");
  }

  @Test
  void escapesCellTextSoATableKeepsItsColumns() throws IOException {
    Meeting meeting = TestMeetings.small();
    Minutes minutes = meeting.minutes();
    ActionItem item = minutes.actionItems().get(0);
    ActionItem hostile =
        new ActionItem(
            item.id(),
            "Split | the | budget\nin two",
            "Pri|ya",
            item.due(),
            item.status(),
            item.startMs(),
            item.segmentIds(),
            item.confidence(),
            item.quote());
    Meeting edited =
        TestMeetings.withMinutes(
            meeting,
            new Minutes(
                minutes.template(),
                minutes.sentences(),
                minutes.summary(),
                minutes.chapters(),
                minutes.keywords(),
                minutes.decisions(),
                List.of(hostile),
                minutes.identifiedSpeakers()));

    String markdown = write(edited);

    assertThat(markdown)
        .contains("| Split \\| the \\| budget in two | Pri\\|ya | 2026-03-06 | Open | 00:04 |");
  }

  @Test
  void escapesTextThatWouldStartAListOrAHeading() {
    assertThat(MarkdownMinutes.escape("- not a list")).isEqualTo("\\- not a list");
    assertThat(MarkdownMinutes.escape("+ not a list")).isEqualTo("\\+ not a list");
    assertThat(MarkdownMinutes.escape("12. not a list")).isEqualTo("12\\. not a list");
    assertThat(MarkdownMinutes.escape("# not a heading")).isEqualTo("\\# not a heading");
    assertThat(MarkdownMinutes.escape("=====")).isEqualTo("\\=====");
    assertThat(MarkdownMinutes.escape("a - b. 3. c")).isEqualTo("a - b. 3. c");
  }

  @Test
  void saysSoWhenASectionIsEmpty() throws IOException {
    Meeting meeting = TestMeetings.withoutMinutes();

    String markdown = write(meeting);

    assertThat(markdown)
        .contains(
            "## Summary\n\nNo summary was written.\n",
            "## Decisions\n\nNo decisions were found.\n",
            "## Action items\n\nNo action items were found.\n",
            "## Chapters\n\nNo chapters were found.\n",
            "## Keywords\n\nNo keywords were found.\n",
            "\\[00:01\\] **Ana Smith:** we ship on friday\n");
    assertThat(write(TestMeetings.silent()))
        .contains(
            "## Participants\n\nNo participants were recorded.\n",
            "## Transcript\n\nNothing was transcribed.\n");
  }

  @Test
  void fallsBackToTheGeneralTemplateForAnUnknownOne() throws IOException {
    Meeting meeting = TestMeetings.small();
    Meeting unknown = TestMeetings.withMinutes(meeting, withTemplate(meeting.minutes(), "retro"));

    String markdown = write(unknown);

    assertThat(markdown).contains("· General\n");
    assertThat(markdown.lines().filter(line -> line.startsWith("## ")))
        .containsExactly(
            "## Participants",
            "## Summary",
            "## Decisions",
            "## Action items",
            "## Chapters",
            "## Keywords",
            "## Transcript");
  }

  @Test
  void actionItemsLinkToTheSecondTheyWereSaidWhenGivenTheMeetingsAddress() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    documents.write(
        TestMeetings.small(), Format.MARKDOWN, out, "https://minutes.example.com/meetings/m-1");

    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "| Send the numbers to finance | Priya | 2026-03-06 | Open |"
                + " [00:04](<https://minutes.example.com/meetings/m-1?t=4.0>) |");
  }

  static Minutes withTemplate(Minutes minutes, String template) {
    return new Minutes(
        template,
        minutes.sentences(),
        minutes.summary(),
        minutes.chapters(),
        minutes.keywords(),
        minutes.decisions(),
        minutes.actionItems(),
        minutes.identifiedSpeakers());
  }

  private String write(Meeting meeting) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    documents.write(meeting, Format.MARKDOWN, out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
