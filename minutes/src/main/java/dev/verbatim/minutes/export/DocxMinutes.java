package dev.verbatim.minutes.export;

import dev.verbatim.core.ActionItem;
import dev.verbatim.core.Chapter;
import dev.verbatim.core.Decision;
import dev.verbatim.core.Speaker;
import dev.verbatim.core.SpeakerIdentification;
import dev.verbatim.core.SummaryPoint;
import dev.verbatim.minutes.template.MinutesTemplate.Section;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Minutes as a Word document, written as WordprocessingML by hand: the parts Word needs and no
 * more, so that no office library is needed. The document body streams into the zip.
 */
final class DocxMinutes {

  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

  /** A4 with 2 cm margins, in twentieths of a point. */
  private static final int TEXT_WIDTH = 11906 - 2 * 1134;

  private static final String MUTED = "666666";

  private final MinutesView view;
  private final Writer out;

  private DocxMinutes(MinutesView view, Writer out) {
    this.view = view;
    this.out = out;
  }

  static void write(MinutesView view, OutputStream target) throws IOException {
    // Not closed: closing would close the caller's stream; finish() completes the zip instead.
    ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
    // Entries carry the meeting's date rather than the clock, so the same minutes give the same
    // file.
    LocalDateTime time = view.meeting().date().atStartOfDay();
    Writer writer = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8));
    entry(zip, writer, time, "[Content_Types].xml", CONTENT_TYPES);
    entry(zip, writer, time, "_rels/.rels", PACKAGE_RELATIONSHIPS);
    entry(zip, writer, time, "word/_rels/document.xml.rels", DOCUMENT_RELATIONSHIPS);
    entry(zip, writer, time, "word/styles.xml", STYLES);
    entry(zip, writer, time, "docProps/core.xml", coreProperties(view));
    zip.putNextEntry(entry("word/document.xml", time));
    new DocxMinutes(view, writer).document();
    writer.flush();
    zip.closeEntry();
    zip.finish();
    target.flush();
  }

  private static ZipEntry entry(String name, LocalDateTime time) {
    ZipEntry entry = new ZipEntry(name);
    entry.setTimeLocal(time);
    return entry;
  }

  private static void entry(
      ZipOutputStream zip, Writer writer, LocalDateTime time, String name, String xml)
      throws IOException {
    zip.putNextEntry(entry(name, time));
    writer.write(xml);
    writer.flush();
    zip.closeEntry();
  }

  private void document() throws IOException {
    out.write(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\""
            + W
            + "\"><w:body>");
    paragraph("Heading1", view.title());
    out.write("<w:p><w:pPr><w:pStyle w:val=\"Subtitle\"/></w:pPr>");
    run(view.subtitle(), false, MUTED);
    out.write("</w:p>");
    for (Section section : view.template().sections()) {
      paragraph("Heading2", MinutesView.heading(section));
      if (view.isEmpty(section)) {
        out.write("<w:p>");
        run(MinutesView.emptyText(section), false, MUTED);
        out.write("</w:p>");
        continue;
      }
      switch (section) {
        case PARTICIPANTS -> participants();
        case SUMMARY -> summary();
        case ACTION_ITEMS -> actionItems();
        case DECISIONS -> decisions();
        case CHAPTERS -> chapters();
        case KEYWORDS -> paragraph("Normal", view.keywords());
        case TRANSCRIPT -> transcript();
      }
    }
    out.write(
        "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\""
            + " w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\""
            + " w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>");
  }

  private void participants() throws IOException {
    for (Speaker speaker : view.meeting().speakers()) {
      bulletStart();
      run(view.speaker(speaker.id()), true, null);
      run(" — " + MinutesView.duration(speaker.talkTimeMs()) + " talk time", false, null);
      out.write("</w:p>");
    }
    if (!view.minutes().identifiedSpeakers().isEmpty()) {
      out.write("<w:p>");
      run("Names found in what was said:", false, MUTED);
      out.write("</w:p>");
      for (SpeakerIdentification identification : view.minutes().identifiedSpeakers()) {
        bullet(view.identification(identification));
      }
    }
  }

  private void summary() throws IOException {
    for (SummaryPoint point : view.minutes().summary()) {
      bullet(MinutesView.oneLine(point.text()));
    }
  }

  private void actionItems() throws IOException {
    int at = 1100;
    int due = 1400;
    int status = 1300;
    int owner = 1800;
    int[] widths = {TEXT_WIDTH - owner - due - status - at, owner, due, status, at};
    out.write(
        "<w:tbl><w:tblPr><w:tblStyle w:val=\"MinutesTable\"/><w:tblW w:w=\""
            + TEXT_WIDTH
            + "\" w:type=\"dxa\"/><w:tblLook w:val=\"04A0\"/></w:tblPr><w:tblGrid>");
    for (int width : widths) {
      out.write("<w:gridCol w:w=\"" + width + "\"/>");
    }
    out.write("</w:tblGrid>");
    row(widths, true, "What", "Owner", "Due", "Status", "At");
    for (ActionItem item : view.minutes().actionItems()) {
      row(
          widths,
          false,
          MinutesView.oneLine(item.text()),
          view.owner(item),
          view.due(item),
          MinutesView.status(item),
          view.time(item.startMs()));
    }
    out.write("</w:tbl>");
    // Word merges a table with whatever follows it unless a paragraph comes between.
    out.write("<w:p/>");
  }

  private void row(int[] widths, boolean header, String... cells) throws IOException {
    out.write(header ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>");
    for (int c = 0; c < cells.length; c++) {
      out.write("<w:tc><w:tcPr><w:tcW w:w=\"" + widths[c] + "\" w:type=\"dxa\"/>");
      if (header) {
        out.write("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"EEEEEE\"/>");
      }
      out.write("</w:tcPr><w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr>");
      run(cells[c], header, null);
      out.write("</w:p></w:tc>");
    }
    out.write("</w:tr>");
  }

  private void decisions() throws IOException {
    for (Decision decision : view.minutes().decisions()) {
      bulletStart();
      run(view.time(decision.startMs()) + "  ", false, MUTED);
      run(MinutesView.oneLine(decision.text()), false, null);
      out.write("</w:p>");
    }
  }

  private void chapters() throws IOException {
    for (Chapter chapter : view.minutes().chapters()) {
      bulletStart();
      run(view.range(chapter.startMs(), chapter.endMs()) + "  ", false, MUTED);
      run(MinutesView.oneLine(chapter.title()), true, null);
      out.write("</w:p>");
    }
  }

  private void transcript() throws IOException {
    for (MinutesView.Line line : view.transcript()) {
      out.write("<w:p><w:pPr><w:pStyle w:val=\"Transcript\"/></w:pPr>");
      run("[" + view.time(line.startMs()) + "] ", false, MUTED);
      run(view.speaker(line.speakerId()) + ":", true, null);
      run(" " + line.text(), false, null);
      out.write("</w:p>");
    }
  }

  private void bullet(String text) throws IOException {
    bulletStart();
    run(text, false, null);
    out.write("</w:p>");
  }

  /** A bullet drawn as text: a numbering part would be the only reason to have one. */
  private void bulletStart() throws IOException {
    out.write("<w:p><w:pPr><w:pStyle w:val=\"ListBullet\"/></w:pPr>");
    run("•\t", false, null);
  }

  private void paragraph(String style, String text) throws IOException {
    out.write("<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/></w:pPr>");
    run(text, false, null);
    out.write("</w:p>");
  }

  private void run(String text, boolean bold, @Nullable String color) throws IOException {
    out.write("<w:r>");
    if (bold || color != null) {
      out.write("<w:rPr>");
      if (bold) {
        out.write("<w:b/>");
      }
      if (color != null) {
        out.write("<w:color w:val=\"" + color + "\"/>");
      }
      out.write("</w:rPr>");
    }
    int tab = text.indexOf('\t');
    if (tab >= 0) {
      // Our own bullet tab; user text has none left after MinutesView.oneLine.
      out.write("<w:t xml:space=\"preserve\">" + escape(text.substring(0, tab)) + "</w:t><w:tab/>");
      text = text.substring(tab + 1);
    }
    if (!text.isEmpty()) {
      out.write("<w:t xml:space=\"preserve\">" + escape(text) + "</w:t>");
    }
    out.write("</w:r>");
  }

  /**
   * Escapes text for XML element and attribute content, dropping what XML 1.0 cannot hold at all
   * (most control characters, lone surrogates, U+FFFE and U+FFFF) rather than writing a document
   * Word refuses to open.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> {
          if (isXmlChar(c)) {
            out.appendCodePoint(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static boolean isXmlChar(int c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }

  private static String coreProperties(MinutesView view) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<cp:coreProperties"
        + " xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
        + " xmlns:dcterms=\"http://purl.org/dc/terms/\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        + "<dc:title>"
        + escape(view.title())
        + "</dc:title><dc:subject>Minutes</dc:subject><dc:creator>Verbatim</dc:creator>"
        + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">"
        + view.meeting().date()
        + "T00:00:00Z</dcterms:created></cp:coreProperties>";
  }

  private static final String CONTENT_TYPES =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Default Extension=\"rels\""
          + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
          + "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
          + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
          + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
          + "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
          + "<Override PartName=\"/docProps/core.xml\""
          + " ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
          + "</Types>";

  private static final String PACKAGE_RELATIONSHIPS =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
          + "2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
          + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
          + "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
          + "</Relationships>";

  private static final String DOCUMENT_RELATIONSHIPS =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
          + "2006/relationships/styles\" Target=\"styles.xml\"/>"
          + "</Relationships>";

  private static final String STYLES =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          + "<w:styles xmlns:w=\""
          + W
          + "\">"
          + "<w:docDefaults><w:rPrDefault><w:rPr>"
          + "<w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:eastAsia=\"Calibri\""
          + " w:cs=\"Calibri\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>"
          + "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
          + "<w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/>"
          + "</w:pPr></w:pPrDefault></w:docDefaults>"
          + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
          + "<w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
          + "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\">"
          + "<w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"
          + "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/>"
          + "<w:spacing w:before=\"240\" w:after=\"60\"/><w:outlineLvl w:val=\"0\"/></w:pPr>"
          + "<w:rPr><w:b/><w:sz w:val=\"40\"/><w:szCs w:val=\"40\"/></w:rPr></w:style>"
          + "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\">"
          + "<w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/>"
          + "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/>"
          + "<w:spacing w:before=\"280\" w:after=\"100\"/><w:outlineLvl w:val=\"1\"/></w:pPr>"
          + "<w:rPr><w:b/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr></w:style>"
          + "<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\">"
          + "<w:name w:val=\"Subtitle\"/><w:basedOn w:val=\"Normal\"/>"
          + "<w:next w:val=\"Normal\"/><w:qFormat/></w:style>"
          + "<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\">"
          + "<w:name w:val=\"List Bullet\"/><w:basedOn w:val=\"Normal\"/><w:pPr>"
          + "<w:tabs><w:tab w:val=\"left\" w:pos=\"360\"/></w:tabs>"
          + "<w:spacing w:after=\"60\"/><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr>"
          + "</w:style>"
          + "<w:style w:type=\"paragraph\" w:styleId=\"Transcript\">"
          + "<w:name w:val=\"Transcript\"/><w:basedOn w:val=\"Normal\"/><w:pPr>"
          + "<w:spacing w:after=\"80\"/></w:pPr></w:style>"
          + "<w:style w:type=\"table\" w:styleId=\"MinutesTable\">"
          + "<w:name w:val=\"Minutes Table\"/><w:tblPr><w:tblBorders>"
          + border("top")
          + border("left")
          + border("bottom")
          + border("right")
          + border("insideH")
          + border("insideV")
          + "</w:tblBorders><w:tblCellMar><w:top w:w=\"40\" w:type=\"dxa\"/>"
          + "<w:left w:w=\"80\" w:type=\"dxa\"/><w:bottom w:w=\"40\" w:type=\"dxa\"/>"
          + "<w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
          + "</w:styles>";

  private static String border(String side) {
    return "<w:" + side + " w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"BFBFBF\"/>";
  }
}
