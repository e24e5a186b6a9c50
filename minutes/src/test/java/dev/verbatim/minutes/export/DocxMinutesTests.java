package dev.verbatim.minutes.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.verbatim.core.Meeting;
import dev.verbatim.minutes.export.MinutesDocuments.Format;
import dev.verbatim.minutes.template.MinutesTemplates;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DocxMinutesTests {

  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

  private final MinutesDocuments documents = new MinutesDocuments(new MinutesTemplates(null));

  @Test
  void writesTheOfficeOpenXmlParts() throws Exception {
    Map<String, byte[]> parts = unzip(write(TestMeetings.small()));

    assertThat(parts)
        .containsOnlyKeys(
            "[Content_Types].xml",
            "_rels/.rels",
            "word/_rels/document.xml.rels",
            "word/styles.xml",
            "docProps/core.xml",
            "word/document.xml");
    for (byte[] part : parts.values()) {
      parse(part);
    }
    Document core = parse(parts.get("docProps/core.xml"));
    assertThat(
            core.getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "title")
                .item(0)
                .getTextContent())
        .isEqualTo("Launch stand-up");
    Document styles = parse(parts.get("word/styles.xml"));
    assertThat(attributes(styles, "style", "styleId")).contains("Heading1", "Heading2");
  }

  @Test
  void writesHeadingsBulletsAndAnActionItemTable() throws Exception {
    Document document = document(write(TestMeetings.small()));

    List<String> paragraphs = paragraphs(document);
    assertThat(paragraphs)
        .containsSubsequence(
            "Launch stand-up",
            "Monday 2 March 2026 · 1 min 30 s · Stand-up",
            "Participants",
            "•Ana Smith — 2 s talk time",
            "•S2 is taken to be Priya: asked \"Priya, can you send them?\" and S2 answered",
            "Action items",
            "What",
            "Owner",
            "Due",
            "Status",
            "At",
            "Send the numbers to finance",
            "Priya",
            "2026-03-06",
            "00:04",
            "Decisions",
            "•00:07  Go with the blue design",
            "Summary",
            "•The team ships on Friday.",
            "Transcript",
            "[00:01] Ana Smith: We ship on Friday.",
            "[00:07] Bo Chen: Agreed, let us go with the blue design.");
    assertThat(attributes(document, "pStyle", "val")).contains("Heading1", "Heading2");

    NodeList tables = document.getElementsByTagNameNS(W, "tbl");
    assertThat(tables.getLength()).isEqualTo(1);
    NodeList rows = ((Element) tables.item(0)).getElementsByTagNameNS(W, "tr");
    assertThat(rows.getLength()).isEqualTo(3);
    assertThat(rows.item(2).getTextContent()).isEqualTo("Book the launch room——Open00:08");
  }

  @Test
  void escapesMarkupAndDropsCharactersXmlCannotHold() throws Exception {
    Meeting meeting =
        TestMeetings.small(
            "Ana <b>&amp; \"Co\"", "Bo\uD800\uFFFE", "Costs <up> & \u0000\u0001\u0008down ]]>.");

    byte[] docx = write(meeting);
    Document document = document(docx);

    assertThat(paragraphs(document))
        .contains(
            "•Ana <b>&amp; \"Co\" — 2 s talk time",
            "•Bo — 2 s talk time",
            "[00:01] Ana <b>&amp; \"Co\": Costs <up> & down ]]>.");
    Document core = parse(unzip(docx).get("docProps/core.xml"));
    assertThat(core.getDocumentElement().getTextContent()).contains("Launch stand-up");
  }

  @Test
  void saysSoWhenASectionIsEmpty() throws Exception {
    Document document = document(write(TestMeetings.silent()));

    assertThat(paragraphs(document))
        .contains(
            "No participants were recorded.",
            "No summary was written.",
            "No action items were found.",
            "Nothing was transcribed.");
    assertThat(document.getElementsByTagNameNS(W, "tbl").getLength()).isZero();
  }

  private byte[] write(Meeting meeting) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    documents.write(meeting, Format.DOCX, out);
    return out.toByteArray();
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> parts = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        parts.put(entry.getName(), in.readAllBytes());
      }
    }
    return parts;
  }

  private static Document document(byte[] docx) throws Exception {
    return parse(unzip(docx).get("word/document.xml"));
  }

  /** Parses strictly: a document that is not well-formed XML fails here. */
  private static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  /** The text of each paragraph, runs joined, so "•" and a bullet's text read as one. */
  private static List<String> paragraphs(Document document) {
    List<String> texts = new ArrayList<>();
    NodeList paragraphs = document.getElementsByTagNameNS(W, "p");
    for (int i = 0; i < paragraphs.getLength(); i++) {
      texts.add(paragraphs.item(i).getTextContent());
    }
    return texts;
  }

  private static List<String> attributes(Document document, String element, String attribute) {
    List<String> values = new ArrayList<>();
    NodeList nodes = document.getElementsByTagNameNS(W, element);
    for (int i = 0; i < nodes.getLength(); i++) {
      values.add(((Element) nodes.item(i)).getAttributeNS(W, attribute));
    }
    return values;
  }
}
