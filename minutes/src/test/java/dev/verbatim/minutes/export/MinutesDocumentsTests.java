package dev.verbatim.minutes.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.verbatim.minutes.export.MinutesDocuments.Format;
import dev.verbatim.minutes.template.MinutesTemplates;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MinutesDocumentsTests {

  private final MinutesDocuments documents = new MinutesDocuments(new MinutesTemplates(null));

  @TempDir Path dir;

  @Test
  void writesEveryDocumentIntoTheDirectory() throws IOException {
    Path target = dir.resolve("m-1");

    List<Path> written = documents.writeAll(TestMeetings.small(), target);

    assertThat(written)
        .containsExactly(
            target.resolve("minutes.md"),
            target.resolve("minutes.pdf"),
            target.resolve("minutes.docx"),
            target.resolve("transcript.vtt"),
            target.resolve("transcript.srt"),
            target.resolve("transcript.txt"));
    assertThat(listing(target)).containsExactlyInAnyOrderElementsOf(written);
    assertThat(Files.readString(target.resolve("minutes.md"))).startsWith("# Launch stand-up\n");
    assertThat(Files.readAllBytes(target.resolve("minutes.pdf"))).startsWith("%PDF-".getBytes());
    assertThat(Files.readAllBytes(target.resolve("minutes.docx"))).startsWith('P', 'K');
    assertThat(Files.readString(target.resolve("transcript.vtt"))).startsWith("WEBVTT\n");
    assertThat(Files.readString(target.resolve("transcript.srt"))).startsWith("1\n00:00:01,200");
    assertThat(Files.readString(target.resolve("transcript.txt"))).startsWith("Launch stand-up\n");
  }

  @Test
  void replacesEarlierDocumentsWhole() throws IOException {
    documents.writeAll(TestMeetings.withoutMinutes(), dir);

    documents.writeAll(TestMeetings.small(), dir);

    assertThat(Files.readString(dir.resolve("minutes.md"))).contains("Send the numbers");
    assertThat(listing(dir)).hasSize(Format.values().length);
  }

  @Test
  void leavesNoTemporaryFileWhenADocumentCannotBeWritten() throws IOException {
    // A non-empty directory where the PDF should go: the final move must fail.
    Files.createDirectories(dir.resolve("minutes.pdf"));
    Files.writeString(dir.resolve("minutes.pdf").resolve("keep.txt"), "keep");

    assertThatThrownBy(() -> documents.writeAll(TestMeetings.small(), dir))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("minutes.pdf")
        .hasCauseInstanceOf(IOException.class);

    assertThat(listing(dir))
        .containsExactlyInAnyOrder(dir.resolve("minutes.md"), dir.resolve("minutes.pdf"));
  }

  @Test
  void writesEveryDocumentWithClearEmptyStatesForEmptyMinutes() throws IOException {
    documents.writeAll(TestMeetings.withoutMinutes(), dir);

    String markdown = Files.readString(dir.resolve("minutes.md"));
    assertThat(markdown)
        .contains(
            "No summary was written.",
            "No decisions were found.",
            "No action items were found.",
            "No chapters were found.",
            "No keywords were found.",
            "**Ana Smith:** we ship on friday")
        .doesNotContain("| What |");
    try (PDDocument pdf = Loader.loadPDF(dir.resolve("minutes.pdf").toFile())) {
      assertThat(new PDFTextStripper().getText(pdf))
          .contains("No action items were found.", "00:01 Ana Smith: we ship on friday");
    }
    assertThat(Files.readString(dir.resolve("transcript.vtt")))
        .contains("<v Ana Smith>we ship on friday</v>");
    assertThat(Files.readString(dir.resolve("transcript.txt")))
        .contains("[00:01] Ana Smith: we ship on friday");
    assertThat(Files.size(dir.resolve("minutes.docx"))).isPositive();
  }

  @Test
  void writesToTheCallersStreamWithoutClosingIt() throws IOException {
    for (Format format : Format.values()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      boolean[] closed = {false};
      FilterOutputStream out =
          new FilterOutputStream(bytes) {
            @Override
            public void close() {
              closed[0] = true;
            }
          };

      documents.write(TestMeetings.small(), format, out);

      assertThat(closed[0]).as(format.name()).isFalse();
      assertThat(bytes.size()).as(format.name()).isPositive();
    }
  }

  @Test
  void namesEachFormatsFileAndMediaType() {
    assertThat(Format.MARKDOWN.fileName()).isEqualTo("minutes.md");
    assertThat(Format.PDF.mediaType()).isEqualTo("application/pdf");
    assertThat(Format.DOCX.mediaType())
        .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assertThat(Format.WEBVTT.mediaType()).startsWith("text/vtt");
    assertThat(Format.TEXT.fileName()).isEqualTo("transcript.txt");
  }

  @Test
  void usesTheMeetingsTemplateFromTheUsersDirectory(@TempDir Path templates) throws IOException {
    Files.writeString(
        templates.resolve("standup.template"), "title: Daily\nsections: transcript, summary\n");
    MinutesDocuments custom = new MinutesDocuments(new MinutesTemplates(templates));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    custom.write(TestMeetings.small(), Format.MARKDOWN, out);

    assertThat(out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("## ")))
        .containsExactly("## Transcript", "## Summary");
  }

  private static List<Path> listing(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.toList();
    }
  }
}
