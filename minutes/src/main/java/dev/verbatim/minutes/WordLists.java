package dev.verbatim.minutes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the word lists that live beside the minutes classes: one entry a line, {@code #} for
 * comments, and {@code [section]} lines where a file holds several lists.
 */
final class WordLists {

  private WordLists() {}

  /** The entries of a list without sections. */
  static List<String> read(String resource) {
    return sections(resource).getOrDefault("", List.of());
  }

  /** The entries of each section; entries before the first section are under "". */
  static Map<String, List<String>> sections(String resource) {
    Map<String, List<String>> sections = new HashMap<>();
    try (InputStream in = WordLists.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the minutes module");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> current = sections.computeIfAbsent("", k -> new ArrayList<>());
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String entry = line.strip();
        if (entry.startsWith("[") && entry.endsWith("]")) {
          current =
              sections.computeIfAbsent(
                  entry.substring(1, entry.length() - 1), k -> new ArrayList<>());
        } else if (!entry.isEmpty() && !entry.startsWith("#")) {
          current.add(entry);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + resource, e);
    }
    return sections;
  }
}
