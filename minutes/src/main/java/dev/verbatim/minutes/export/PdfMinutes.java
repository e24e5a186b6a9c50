package dev.verbatim.minutes.export;

import dev.verbatim.core.ActionItem;
import dev.verbatim.core.Chapter;
import dev.verbatim.core.Decision;
import dev.verbatim.core.Speaker;
import dev.verbatim.core.SpeakerIdentification;
import dev.verbatim.core.SummaryPoint;
import dev.verbatim.minutes.template.MinutesTemplate.Section;
import java.awt.Color;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.apache.pdfbox.util.Matrix;
import org.jspecify.annotations.Nullable;

/**
 * Minutes as an A4 PDF: title, date, then the template's sections, with the action items as a table
 * and the transcript with timestamps, page numbers in the footer.
 *
 * <p>Text is laid out line by line straight onto pages, and page content lives in PDFBox's scratch
 * storage beyond a few megabytes, so a transcript of thousands of sentences needs no more memory
 * than the meeting itself.
 */
final class PdfMinutes {

  private static final PDRectangle PAGE = PDRectangle.A4;
  private static final float MARGIN = 56;
  private static final float TOP = PAGE.getHeight() - 56;
  private static final float BOTTOM = 64;
  private static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;

  private static final float BODY = 10.5f;
  private static final float SMALL = 8.5f;
  private static final float HEADING = 14;
  private static final float TITLE = 20;
  private static final float LEADING = 1.35f;
  private static final float CELL_PADDING = 4;

  private static final Color INK = new Color(0x20, 0x20, 0x20);
  private static final Color MUTED = new Color(0x66, 0x66, 0x66);
  private static final Color RULE = new Color(0xC8, 0xC8, 0xC8);
  private static final Color HEADER_FILL = new Color(0xEE, 0xEE, 0xEE);
  private static final Color LINK = new Color(0x1A, 0x5F, 0xB4);

  /** Scratch storage beyond this goes to a temporary file. */
  private static final long IN_MEMORY_BYTES = 8L << 20;

  private final PDDocument document;
  private final MinutesView view;
  private final Face regular;
  private final Face bold;
  private @Nullable PDPageContentStream content;
  private float y;

  /** The header of the table being drawn, repeated when the table runs onto a new page. */
  private String[] headerCells = new String[0];

  private float[] headerWidths = new float[0];

  private PdfMinutes(PDDocument document, MinutesView view, Face regular, Face bold) {
    this.document = document;
    this.view = view;
    this.regular = regular;
    this.bold = bold;
  }

  static void write(MinutesView view, OutputStream out) throws IOException {
    try (PDDocument document =
        new PDDocument(MemoryUsageSetting.setupMixed(IN_MEMORY_BYTES).streamCache)) {
      Face regular = Face.load(document, "fonts/DejaVuSans.ttf");
      Face bold = Face.load(document, "fonts/DejaVuSans-Bold.ttf");
      PdfMinutes pdf = new PdfMinutes(document, view, regular, bold);
      try {
        pdf.render();
      } finally {
        pdf.closePage();
      }
      pdf.footers();
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(view.title());
      info.setSubject("Minutes");
      info.setCreator("Verbatim");
      // PDFBox closes the stream it saves to; the caller owns this one.
      document.save(
          new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
              flush();
            }
          });
    }
  }

  private void render() throws IOException {
    newPage();
    paragraph(null, 0, List.of(new Run(view.title(), bold)), TITLE, INK, 0, 4);
    paragraph(null, 0, List.of(new Run(view.subtitle(), regular)), BODY, MUTED, 0, 6);
    for (Section section : view.template().sections()) {
      heading(MinutesView.heading(section));
      if (view.isEmpty(section)) {
        paragraph(null, 0, List.of(new Run(MinutesView.emptyText(section), regular)), BODY, MUTED);
        continue;
      }
      switch (section) {
        case PARTICIPANTS -> participants();
        case SUMMARY -> summary();
        case ACTION_ITEMS -> actionItems();
        case DECISIONS -> decisions();
        case CHAPTERS -> chapters();
        case KEYWORDS -> paragraph(null, 0, List.of(new Run(view.keywords(), regular)), BODY, INK);
        case TRANSCRIPT -> transcript();
      }
    }
  }

  private void participants() throws IOException {
    for (Speaker speaker : view.meeting().speakers()) {
      paragraph(
          "•",
          12,
          List.of(
              new Run(view.speaker(speaker.id()), bold),
              new Run(" — " + MinutesView.duration(speaker.talkTimeMs()) + " talk time", regular)),
          BODY,
          INK);
    }
    List<SpeakerIdentification> identified = view.minutes().identifiedSpeakers();
    if (!identified.isEmpty()) {
      y -= 4;
      paragraph(null, 0, List.of(new Run("Names found in what was said:", regular)), BODY, MUTED);
      for (SpeakerIdentification identification : identified) {
        paragraph(
            "•", 12, List.of(new Run(view.identification(identification), regular)), BODY, INK);
      }
    }
  }

  private void summary() throws IOException {
    for (SummaryPoint point : view.minutes().summary()) {
      paragraph("•", 12, List.of(new Run(MinutesView.oneLine(point.text()), regular)), BODY, INK);
    }
  }

  private void actionItems() throws IOException {
    List<String[]> rows = new ArrayList<>();
    List<@Nullable String[]> links = new ArrayList<>();
    for (ActionItem item : view.minutes().actionItems()) {
      rows.add(
          new String[] {
            MinutesView.oneLine(item.text()),
            view.owner(item),
            view.due(item),
            MinutesView.status(item),
            view.time(item.startMs())
          });
      links.add(new @Nullable String[] {null, null, null, null, view.link(item.startMs())});
    }
    float at = regular.width(view.time(view.meeting().durationMs()), BODY) + 2 * CELL_PADDING + 4;
    float due = regular.width("0000-00-00", BODY) + 2 * CELL_PADDING + 4;
    float status = regular.width("In progress", BODY) + 2 * CELL_PADDING + 4;
    float owner = 100;
    table(
        new String[] {"What", "Owner", "Due", "Status", "At"},
        new float[] {WIDTH - owner - due - status - at, owner, due, status, at},
        rows,
        links);
  }

  private void decisions() throws IOException {
    float column = timeColumn(view.time(view.meeting().durationMs()));
    for (Decision decision : view.minutes().decisions()) {
      paragraph(
          view.time(decision.startMs()),
          column,
          List.of(new Run(MinutesView.oneLine(decision.text()), regular)),
          BODY,
          INK);
    }
  }

  private void chapters() throws IOException {
    long end = view.meeting().durationMs();
    float column = timeColumn(view.range(end, end));
    for (Chapter chapter : view.minutes().chapters()) {
      paragraph(
          view.range(chapter.startMs(), chapter.endMs()),
          column,
          List.of(new Run(MinutesView.oneLine(chapter.title()), regular)),
          BODY,
          INK);
    }
  }

  private void transcript() throws IOException {
    float column = timeColumn(view.time(view.meeting().durationMs()));
    for (MinutesView.Line line : view.transcript()) {
      paragraph(
          view.time(line.startMs()),
          column,
          List.of(
              new Run(view.speaker(line.speakerId()) + ":", bold),
              new Run(" " + line.text(), regular)),
          BODY,
          INK,
          0,
          3);
    }
  }

  private float timeColumn(String widest) throws IOException {
    return regular.width(widest, BODY) + 10;
  }

  // ---- Layout

  private void heading(String text) throws IOException {
    float height = HEADING * LEADING + 6;
    // Keep a heading with at least two lines of what follows it.
    ensure(14 + height + 2 * BODY * LEADING);
    y -= 14;
    paragraph(null, 0, List.of(new Run(text, bold)), HEADING, INK, 0, 0);
    PDPageContentStream page = page();
    page.setStrokingColor(RULE);
    page.setLineWidth(0.6f);
    page.moveTo(MARGIN, y - 2);
    page.lineTo(MARGIN + WIDTH, y - 2);
    page.stroke();
    y -= 8;
  }

  private void paragraph(
      @Nullable String marker, float indent, List<Run> runs, float size, Color color)
      throws IOException {
    paragraph(marker, indent, runs, size, color, 0, 2);
  }

  /**
   * Lays out runs of text as wrapped lines, with an optional marker (a bullet or a timestamp)
   * before the first line and every line indented past it.
   */
  private void paragraph(
      @Nullable String marker,
      float indent,
      List<Run> runs,
      float size,
      Color color,
      float before,
      float after)
      throws IOException {
    float leading = size * LEADING;
    List<List<Piece>> lines = wrap(runs, WIDTH - indent, size);
    y -= before;
    boolean first = true;
    for (List<Piece> line : lines) {
      ensure(leading);
      float baseline = y - size;
      drawLine(first ? marker : null, line, MARGIN + indent, baseline, size, color);
      first = false;
      y -= leading;
    }
    y -= after;
  }

  /**
   * @param links for each row, a link for each cell or null; a linked cell is drawn in the link
   *     colour and clicking anywhere in it opens the address
   */
  private void table(
      String[] header, float[] widths, List<String[]> rows, List<@Nullable String[]> links)
      throws IOException {
    float leading = BODY * LEADING;
    // The header and a first row, or neither: a header alone at the foot of a page helps nobody.
    ensure(3 * leading + 4 * CELL_PADDING);
    tableRow(header, widths, bold, true, leading, null);
    for (int r = 0; r < rows.size(); r++) {
      tableRow(rows.get(r), widths, regular, false, leading, links.get(r));
    }
    y -= 6;
  }

  /**
   * Draws one table row, splitting it over pages when it does not fit, and repeating the header row
   * on each new page.
   */
  private void tableRow(
      String[] cells,
      float[] widths,
      Face face,
      boolean header,
      float leading,
      @Nullable String @Nullable [] links)
      throws IOException {
    List<List<List<Piece>>> wrapped = new ArrayList<>();
    int lines = 1;
    for (int c = 0; c < cells.length; c++) {
      List<List<Piece>> cell =
          wrap(List.of(new Run(cells[c], face)), widths[c] - 2 * CELL_PADDING, BODY);
      wrapped.add(cell);
      lines = Math.max(lines, cell.size());
    }
    int drawn = 0;
    while (drawn < lines) {
      int fit = (int) Math.floor((y - BOTTOM - 2 * CELL_PADDING) / leading);
      // Start on a new page rather than leave a lone line of a row behind.
      if (fit < Math.min(lines - drawn, 2)) {
        newPage();
        if (!header) {
          tableRow(headerCells, headerWidths, bold, true, leading, null);
        }
        continue;
      }
      int count = Math.min(fit, lines - drawn);
      float height = count * leading + 2 * CELL_PADDING;
      PDPageContentStream page = page();
      if (header) {
        page.setNonStrokingColor(HEADER_FILL);
        page.addRect(MARGIN, y - height, WIDTH, height);
        page.fill();
      }
      float x = MARGIN;
      for (int c = 0; c < cells.length; c++) {
        List<List<Piece>> cell = wrapped.get(c);
        String link = links == null ? null : links[c];
        for (int l = drawn; l < Math.min(drawn + count, cell.size()); l++) {
          float baseline = y - CELL_PADDING - (l - drawn) * leading - BODY;
          drawLine(null, cell.get(l), x + CELL_PADDING, baseline, BODY, link == null ? INK : LINK);
        }
        if (link != null) {
          linkArea(new PDRectangle(x, y - height, widths[c], height), link);
        }
        x += widths[c];
      }
      y -= height;
      page.setStrokingColor(RULE);
      page.setLineWidth(0.5f);
      page.moveTo(MARGIN, y);
      page.lineTo(MARGIN + WIDTH, y);
      page.stroke();
      drawn += count;
    }
    if (header) {
      headerCells = cells;
      headerWidths = widths;
    }
  }

  /**
   * Draws a laid-out line as one text object, choosing the font only when it changes: a long
   * transcript is thousands of lines, and the operators add up.
   */
  private void drawLine(
      @Nullable String marker,
      List<Piece> line,
      float left,
      float baseline,
      float size,
      Color color)
      throws IOException {
    PDPageContentStream page = page();
    page.beginText();
    Face face = null;
    if (marker != null) {
      face = regular;
      page.setFont(regular.font, size);
      page.setNonStrokingColor(MUTED);
      page.setTextMatrix(Matrix.getTranslateInstance(MARGIN, baseline));
      page.showText(marker);
    }
    page.setNonStrokingColor(color);
    for (Piece piece : line) {
      if (piece.face != face) {
        face = piece.face;
        page.setFont(face.font, size);
      }
      page.setTextMatrix(Matrix.getTranslateInstance(left + piece.x, baseline));
      page.showText(piece.text.toString());
    }
    page.endText();
  }

  private void text(String text, Face face, float size, float x, float baseline, Color color)
      throws IOException {
    PDPageContentStream page = page();
    page.beginText();
    page.setFont(face.font, size);
    page.setNonStrokingColor(color);
    page.newLineAtOffset(x, baseline);
    page.showText(text);
    page.endText();
  }

  private void ensure(float height) throws IOException {
    if (y - height < BOTTOM) {
      newPage();
    }
  }

  /** Makes an area of the current page open {@code uri} when clicked, with no visible border. */
  private void linkArea(PDRectangle area, String uri) throws IOException {
    PDActionURI action = new PDActionURI();
    action.setURI(uri);
    PDAnnotationLink annotation = new PDAnnotationLink();
    annotation.setRectangle(area);
    annotation.setAction(action);
    PDBorderStyleDictionary border = new PDBorderStyleDictionary();
    border.setWidth(0);
    annotation.setBorderStyle(border);
    currentPage().getAnnotations().add(annotation);
  }

  private PDPage currentPage() {
    return document.getPage(document.getNumberOfPages() - 1);
  }

  private void newPage() throws IOException {
    closePage();
    PDPage page = new PDPage(PAGE);
    document.addPage(page);
    content = new PDPageContentStream(document, page);
    y = TOP;
  }

  private PDPageContentStream page() {
    if (content == null) {
      throw new IllegalStateException("No page is open");
    }
    return content;
  }

  private void closePage() throws IOException {
    if (content != null) {
      PDPageContentStream open = content;
      content = null;
      open.close();
    }
  }

  /** Page numbers need the page count, so they go on once everything else is laid out. */
  private void footers() throws IOException {
    int count = document.getNumberOfPages();
    String title = view.title();
    for (int i = 0; i < count; i++) {
      PDPage page = document.getPage(i);
      try (PDPageContentStream footer =
          new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
        content = footer;
        String number = "Page " + (i + 1) + " of " + count;
        float numberWidth = regular.width(number, SMALL);
        footer.setStrokingColor(RULE);
        footer.setLineWidth(0.5f);
        footer.moveTo(MARGIN, BOTTOM - 20);
        footer.lineTo(MARGIN + WIDTH, BOTTOM - 20);
        footer.stroke();
        List<List<Piece>> titleLines =
            wrap(List.of(new Run(title, regular)), WIDTH - numberWidth - 24, SMALL);
        String shown = titleLines.get(0).get(0).text.toString();
        if (titleLines.size() > 1) {
          shown += " …";
        }
        text(shown, regular, SMALL, MARGIN, BOTTOM - 34, MUTED);
        text(number, regular, SMALL, MARGIN + WIDTH - numberWidth, BOTTOM - 34, MUTED);
      } finally {
        content = null;
      }
    }
  }

  // ---- Text

  /** Text in one face, part of a paragraph. */
  record Run(String text, Face face) {}

  /** Text placed on a line, at {@code x} from the line's start. */
  private static final class Piece {
    final Face face;
    final float x;
    final StringBuilder text = new StringBuilder();

    Piece(Face face, float x) {
      this.face = face;
      this.x = x;
    }
  }

  /**
   * Breaks runs into lines no wider than {@code width}, between words where it can, and within a
   * word only when the word alone is too wide. Always returns at least one line.
   */
  private static List<List<Piece>> wrap(List<Run> runs, float width, float size)
      throws IOException {
    List<List<Piece>> lines = new ArrayList<>();
    List<Piece> line = new ArrayList<>();
    float x = 0;
    boolean space = false;
    for (Run run : runs) {
      Face face = run.face();
      String text = face.fit(run.text());
      float spaceWidth = face.width(" ", size);
      int i = 0;
      while (i < text.length()) {
        if (text.charAt(i) == ' ') {
          space = true;
          i++;
          continue;
        }
        int end = text.indexOf(' ', i);
        String word = text.substring(i, end < 0 ? text.length() : end);
        i += word.length();
        float gap = space && x > 0 ? spaceWidth : 0;
        space = false;
        float wordWidth = face.width(word, size);
        if (x > 0 && x + gap + wordWidth > width) {
          lines.add(line);
          line = new ArrayList<>();
          x = 0;
          gap = 0;
        }
        if (wordWidth > width) {
          // Only a word wider than the whole line breaks inside itself.
          for (String part : face.breakWord(word, width, size)) {
            if (!line.isEmpty()) {
              lines.add(line);
              line = new ArrayList<>();
            }
            place(line, face, part, 0, 0);
            x = face.width(part, size);
          }
          continue;
        }
        x = place(line, face, word, x, gap) + wordWidth;
      }
    }
    lines.add(line);
    return lines;
  }

  /**
   * Adds a word to the line, {@code gap} after {@code x}, joining the last piece when the face
   * matches; returns where the word starts.
   */
  private static float place(List<Piece> line, Face face, String word, float x, float gap) {
    Piece last = line.isEmpty() ? null : line.get(line.size() - 1);
    if (last != null && last.face == face) {
      if (gap > 0) {
        last.text.append(' ');
      }
      last.text.append(word);
    } else {
      Piece piece = new Piece(face, x + gap);
      piece.text.append(word);
      line.add(piece);
    }
    return x + gap;
  }

  /** An embedded font, and how to make any text drawable in it. */
  static final class Face {
    final PDType0Font font;
    private final CmapLookup cmap;

    private Face(PDType0Font font) {
      this.font = font;
      this.cmap = font.getCmapLookup();
    }

    static Face load(PDDocument document, String resource) throws IOException {
      try (InputStream in = PdfMinutes.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("The bundled font " + resource + " is missing");
        }
        // Subset: only the glyphs used are embedded, which keeps a short PDF small.
        return new Face(PDType0Font.load(document, in, true));
      }
    }

    /**
     * Replaces characters the font has no glyph for (such as CJK or emoji in DejaVu Sans) with '?',
     * because PDFBox refuses to encode them and one name must not stop the minutes.
     */
    String fit(String text) {
      StringBuilder out = null;
      for (int i = 0; i < text.length(); ) {
        int c = text.codePointAt(i);
        int next = i + Character.charCount(c);
        boolean drawable = c == ' ' || cmap.getGlyphId(c) != 0;
        if (!drawable && out == null) {
          out = new StringBuilder(text.length());
          out.append(text, 0, i);
        }
        if (out != null) {
          if (drawable) {
            out.appendCodePoint(c);
          } else {
            out.append('?');
          }
        }
        i = next;
      }
      return out == null ? text : out.toString();
    }

    float width(String text, float size) throws IOException {
      return font.getStringWidth(text) / 1000 * size;
    }

    List<String> breakWord(String word, float width, float size) throws IOException {
      List<String> parts = new ArrayList<>();
      StringBuilder part = new StringBuilder();
      float x = 0;
      for (int i = 0; i < word.length(); ) {
        int c = word.codePointAt(i);
        i += Character.charCount(c);
        float w = width(new String(Character.toChars(c)), size);
        if (x + w > width && part.length() > 0) {
          parts.add(part.toString());
          part.setLength(0);
          x = 0;
        }
        part.appendCodePoint(c);
        x += w;
      }
      parts.add(part.toString());
      return parts;
    }
  }
}
