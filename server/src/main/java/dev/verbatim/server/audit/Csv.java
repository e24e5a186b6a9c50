package dev.verbatim.server.audit;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** CSV as RFC 4180 has it, safe to open in a spreadsheet. */
final class Csv {

  private Csv() {}

  static void row(Writer out, List<@Nullable String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(cell(cells.get(i)));
    }
    out.write("\r\n");
  }

  /**
   * One field. A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return,
   * which some strip first) as a formula, so such text gets a leading apostrophe; a field with a
   * comma, quote or line break is quoted, its quotes doubled.
   */
  static String cell(@Nullable String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String text = value;
    if ("=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.indexOf(',') >= 0
        || text.indexOf('"') >= 0
        || text.indexOf('\n') >= 0
        || text.indexOf('\r') >= 0) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
