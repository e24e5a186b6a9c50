package dev.verbatim.server.upload;

import java.text.Normalizer;

/** File names from uploaders, made safe to keep on disk and to show. */
final class FileNames {

  private static final int MAX = 100;

  private FileNames() {}

  /**
   * Keeps letters, digits, dot, dash and underscore; anything else (path separators, control
   * characters, quotes) becomes an underscore. The extension survives, since people name their
   * multi-track files after participants.
   */
  static String safe(String name) {
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    base = Normalizer.normalize(base, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    StringBuilder out = new StringBuilder();
    for (char c : base.toCharArray()) {
      out.append(
          Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '-' || c == '_' ? c : '_');
    }
    String cleaned = out.toString().replaceAll("^[._]+", "");
    if (cleaned.length() > MAX) {
      int dot = cleaned.lastIndexOf('.');
      String ext = dot > 0 && cleaned.length() - dot <= 10 ? cleaned.substring(dot) : "";
      cleaned = cleaned.substring(0, MAX - ext.length()) + ext;
    }
    // Runs of dots become one: a storage key never holds "..".
    cleaned = cleaned.replaceAll("\\.{2,}", ".");
    return cleaned.isEmpty() ? "recording" : cleaned;
  }

  /**
   * A title from the uploader's file name: no folders, no extension, no control or format
   * characters (C1 controls, and bidirectional overrides that would show the name reversed).
   */
  static String title(String name) {
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    int dot = base.lastIndexOf('.');
    base = (dot > 0 ? base.substring(0, dot) : base).replaceAll("[\\p{Cc}\\p{Cf}]", " ").strip();
    if (base.codePointCount(0, base.length()) > MAX) {
      // By code points, so an emoji is never cut in half.
      base = base.substring(0, base.offsetByCodePoints(0, MAX)).strip();
    }
    return base.isEmpty() ? "Recording" : base;
  }
}
