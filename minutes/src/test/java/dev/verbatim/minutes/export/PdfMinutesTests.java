package dev.verbatim.minutes.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.Meeting;
import dev.verbatim.minutes.export.MinutesDocuments.Format;
import dev.verbatim.minutes.template.MinutesTemplates;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PdfMinutesTests {

  private final MinutesDocuments documents = new MinutesDocuments(new MinutesTemplates(null));

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void showsTitleParticipantsActionItemsAndTranscript() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(write(TestMeetings.small()))) {
      String text = new PDFTextStripper().getText(pdf);

      assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Launch stand-up");
      assertThat(text)
          .contains(
              "Launch stand-up",
              "Monday 2 March 2026 · 1 min 30 s · Stand-up",
              "Participants",
              "Ana Smith — 2 s talk time",
              "Bo Chen",
              "S2 is taken to be Priya",
              "What Owner Due Status At",
              "Send the numbers to finance Priya 2026-03-06 Open 00:04",
              "Book the launch room — — Open 00:08",
              "00:07 Go with the blue design",
              "The team ships on Friday.",
              "00:01 Ana Smith: We ship on Friday.",
              "00:04 S2: I will send the numbers by Friday.",
              "Page 1 of 1");
    }
  }

  @Test
  void drawsVisibleTextOnThePage() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(write(TestMeetings.small()))) {
      BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 72);

      long ink = 0;
      for (int y = 0; y < page.getHeight(); y++) {
        for (int x = 0; x < page.getWidth(); x++) {
          int rgb = page.getRGB(x, y);
          int brightness = ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF);
          if (brightness < 3 * 200) {
            ink++;
          }
        }
      }
      double fraction = (double) ink / (page.getWidth() * page.getHeight());
      assertThat(fraction).isBetween(0.01, 0.3);
    }
  }

  @Test
  void drawsWhatTheFontHasAndAQuestionMarkForWhatItLacks() throws IOException {
    Meeting meeting =
        TestMeetings.small("Zoë Ångström 王芳 🙂", "Σωκράτης", "Привет, мир! Καλημέρα.");

    try (PDDocument pdf = Loader.loadPDF(write(meeting))) {
      String text = new PDFTextStripper().getText(pdf);

      assertThat(text)
          .contains("Zoë Ångström ?? ? — 2 s talk time", "Σωκράτης", "Привет, мир! Καλημέρα.");
    }
  }

  @Test
  void survivesControlCharactersAndLoneSurrogates() throws IOException {
    Meeting meeting = TestMeetings.small("Ana\u0000\u0007 Smith", "Bo\uD800", "Tab\there\u0007.");

    try (PDDocument pdf = Loader.loadPDF(write(meeting))) {
      String text = new PDFTextStripper().getText(pdf);

      assertThat(text).contains("Ana Smith:", "Bo?", "Tab here.");
    }
  }

  @Test
  void wrapsLongTextAndBreaksWordsTooWideForALine() throws IOException {
    String longWord = "x".repeat(300);
    Meeting meeting =
        TestMeetings.small(
            "Ana", "Bo", "Word ".repeat(30) + longWord + " and the end of a very long sentence.");

    try (PDDocument pdf = Loader.loadPDF(write(meeting))) {
      String text = new PDFTextStripper().getText(pdf);

      assertThat(text).contains("the end of a very long sentence.");
      assertThat(text.lines().mapToInt(String::length).max().orElseThrow()).isLessThan(200);
      assertThat(text.replaceAll("\\s", "")).contains(longWord);
    }
  }

  @Test
  void pagesThroughThousandsOfSentencesWithNumberedPages() throws IOException {
    Meeting meeting = TestMeetings.longMeeting(3_000);

    try (PDDocument pdf = Loader.loadPDF(write(meeting))) {
      int pages = pdf.getNumberOfPages();
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(pages);
      stripper.setEndPage(pages);
      String last = stripper.getText(pdf);

      assertThat(pages).isGreaterThan(40);
      assertThat(last)
          .contains("1:39:58 S2: This is sentence number 2999 of a very long meeting")
          .contains("Page " + pages + " of " + pages);
    }
  }

  @Test
  void saysSoWhenASectionIsEmpty() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(write(TestMeetings.silent()))) {
      String text = new PDFTextStripper().getText(pdf);

      assertThat(text)
          .contains(
              "No participants were recorded.",
              "No summary was written.",
              "No decisions were found.",
              "No action items were found.",
              "No chapters were found.",
              "No keywords were found.",
              "Nothing was transcribed.");
    }
  }

  @Test
  void eachActionItemsTimeIsALinkToTheMeetingAtThatSecond() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    documents.write(
        TestMeetings.small(), Format.PDF, out, "https://minutes.example.com/meetings/m-1");

    try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
      List<String> links = new ArrayList<>();
      for (PDPage page : pdf.getPages()) {
        for (PDAnnotation annotation : page.getAnnotations()) {
          if (annotation instanceof PDAnnotationLink link
              && link.getAction() instanceof PDActionURI uri) {
            links.add(uri.getURI());
          }
        }
      }
      assertThat(links)
          .containsExactly(
              "https://minutes.example.com/meetings/m-1?t=4.0",
              "https://minutes.example.com/meetings/m-1?t=8.0");
    }
  }

  private byte[] write(Meeting meeting) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    documents.write(meeting, Format.PDF, out);
    return out.toByteArray();
  }
}
