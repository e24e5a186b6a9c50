package dev.verbatim.minutes.template;

import static dev.verbatim.minutes.template.MinutesTemplate.Section.ACTION_ITEMS;
import static dev.verbatim.minutes.template.MinutesTemplate.Section.CHAPTERS;
import static dev.verbatim.minutes.template.MinutesTemplate.Section.DECISIONS;
import static dev.verbatim.minutes.template.MinutesTemplate.Section.KEYWORDS;
import static dev.verbatim.minutes.template.MinutesTemplate.Section.PARTICIPANTS;
import static dev.verbatim.minutes.template.MinutesTemplate.Section.SUMMARY;
import static dev.verbatim.minutes.template.MinutesTemplate.Section.TRANSCRIPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MinutesTemplatesTests {

  @TempDir Path dir;

  @Test
  void loadsTheBuiltInTemplatesWithTheirSectionOrders() {
    MinutesTemplates templates = new MinutesTemplates(null);

    assertThat(templates.all())
        .extracting(MinutesTemplate::id)
        .containsExactly("general", "standup", "project-review", "customer-call");
    assertThat(templates.get("general"))
        .isEqualTo(
            new MinutesTemplate(
                "general",
                "General",
                List.of(
                    PARTICIPANTS,
                    SUMMARY,
                    DECISIONS,
                    ACTION_ITEMS,
                    CHAPTERS,
                    KEYWORDS,
                    TRANSCRIPT)));
    assertThat(templates.get("standup").title()).isEqualTo("Stand-up");
    assertThat(templates.get("standup").sections())
        .containsExactly(PARTICIPANTS, ACTION_ITEMS, DECISIONS, SUMMARY, TRANSCRIPT);
    assertThat(templates.get("project-review").sections())
        .containsExactly(
            PARTICIPANTS, SUMMARY, DECISIONS, ACTION_ITEMS, CHAPTERS, KEYWORDS, TRANSCRIPT);
    assertThat(templates.get("customer-call").sections())
        .containsExactly(
            PARTICIPANTS, SUMMARY, ACTION_ITEMS, DECISIONS, KEYWORDS, CHAPTERS, TRANSCRIPT);
  }

  @Test
  void namesTheKnownTemplatesWhenAskedForAnUnknownOne() {
    MinutesTemplates templates = new MinutesTemplates(null);

    assertThatThrownBy(() -> templates.get("retro"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'retro'")
        .hasMessageContaining("general, standup, project-review, customer-call");
    assertThat(templates.find("retro")).isEmpty();
  }

  @Test
  void readsUserFilesThatStartWithAByteOrderMark() throws IOException {
    Files.writeString(dir.resolve("board.template"), "\uFEFFtitle: Board\nsections: decisions\n");

    assertThat(new MinutesTemplates(dir).get("board").title()).isEqualTo("Board");
  }

  @Test
  void letsUserFilesReplaceBuiltInTemplatesAndAddNewOnes() throws IOException {
    Files.writeString(
        dir.resolve("standup.template"),
        """
        # Our stand-ups only care about the follow-ups.
        title: Daily stand-up

        sections: action-items, transcript
        """);
    Files.writeString(
        dir.resolve("retro.template"), "title: Retrospective\nsections: summary,decisions\n");
    Files.writeString(dir.resolve("notes.txt"), "not a template");

    MinutesTemplates templates = new MinutesTemplates(dir);

    assertThat(templates.get("standup"))
        .isEqualTo(
            new MinutesTemplate("standup", "Daily stand-up", List.of(ACTION_ITEMS, TRANSCRIPT)));
    assertThat(templates.get("retro").sections()).containsExactly(SUMMARY, DECISIONS);
    assertThat(templates.all())
        .extracting(MinutesTemplate::id)
        .containsExactly("general", "standup", "project-review", "customer-call", "retro");
  }

  @Test
  void namesTheFileAndLineOfAnUnknownSection() throws IOException {
    Path file = dir.resolve("weekly.template");
    Files.writeString(file, "# weekly\ntitle: Weekly\nsections: summary, action_items\n");

    assertThatThrownBy(() -> new MinutesTemplates(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("line 3")
        .hasMessageContaining("unknown section 'action_items'")
        .hasMessageContaining("action-items");
  }

  @Test
  void namesTheFileAndLineOfALineThatIsNotAKeyAndValue() throws IOException {
    Path file = dir.resolve("weekly.template");
    Files.writeString(file, "title: Weekly\nsummary and decisions\n");

    assertThatThrownBy(() -> new MinutesTemplates(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file + ", line 2")
        .hasMessageContaining("expected 'key: value'");
  }

  @Test
  void rejectsUnknownKeysRepeatedSectionsAndEmptyNames() throws IOException {
    Path file = dir.resolve("weekly.template");

    Files.writeString(file, "title: Weekly\ncolour: blue\n");
    assertThatThrownBy(() -> new MinutesTemplates(dir))
        .hasMessageContaining(file + ", line 2")
        .hasMessageContaining("unknown key 'colour'");

    Files.writeString(file, "title: Weekly\nsections: summary, summary\n");
    assertThatThrownBy(() -> new MinutesTemplates(dir))
        .hasMessageContaining(file + ", line 2")
        .hasMessageContaining("section 'summary' is given twice");

    Files.writeString(file, "title: Weekly\nsections: summary, , decisions\n");
    assertThatThrownBy(() -> new MinutesTemplates(dir))
        .hasMessageContaining(file + ", line 2")
        .hasMessageContaining("a section name is empty");
  }

  @Test
  void namesTheFileThatLacksATitleOrSections() throws IOException {
    Path file = dir.resolve("weekly.template");

    Files.writeString(file, "sections: summary\n");
    assertThatThrownBy(() -> new MinutesTemplates(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("no 'title:' line");

    Files.writeString(file, "title: Weekly\n");
    assertThatThrownBy(() -> new MinutesTemplates(dir))
        .hasMessageContaining(file.toString())
        .hasMessageContaining("no 'sections:' line");
  }

  @Test
  void namesTheFileWhoseNameIsNoTemplateId() throws IOException {
    Path file = dir.resolve("Weekly Sync.template");
    Files.writeString(file, "title: Weekly\nsections: summary\n");

    assertThatThrownBy(() -> new MinutesTemplates(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("lowercase letters, digits and dashes");
  }

  @Test
  void namesTheFileThatIsNotUtf8() throws IOException {
    Path file = dir.resolve("weekly.template");
    Files.write(file, new byte[] {'t', 'i', 't', 'l', 'e', ':', ' ', (byte) 0xC3, '\n'});

    assertThatThrownBy(() -> new MinutesTemplates(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file + " is not UTF-8");
  }

  @Test
  void refusesAMissingUserDirectory() {
    Path missing = dir.resolve("missing");

    assertThatThrownBy(() -> new MinutesTemplates(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(missing.toString());
  }
}
