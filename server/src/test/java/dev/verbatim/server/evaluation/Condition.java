package dev.verbatim.server.evaluation;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What the minutes engine is given to read. */
enum Condition {
  /** The script itself, shaped like a transcript of separate tracks: no recognition errors. */
  CLEAN_TEXT("clean", "clean text"),
  /** One recording of everyone, recognised: one speaker S1, recognition errors. */
  ASR_MIXED("mixed", "ASR mixed"),
  /** One recording per participant, recognised: named speakers, recognition errors. */
  ASR_MULTITRACK("multitrack", "ASR multi-track");

  final String key;
  final String title;

  Condition(String key, String title) {
    this.key = key;
    this.title = title;
  }

  /** Reads a comma-separated list of keys, such as {@code clean,multitrack}; blank means all. */
  static Set<Condition> parse(String keys) {
    if (keys.isBlank()) {
      return EnumSet.allOf(Condition.class);
    }
    Set<Condition> chosen = EnumSet.noneOf(Condition.class);
    for (String key : keys.split(",")) {
      String wanted = key.strip().toLowerCase(Locale.ROOT);
      chosen.add(
          Arrays.stream(values())
              .filter(c -> c.key.equals(wanted))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "Unknown condition '"
                              + key
                              + "'; expected some of "
                              + Arrays.stream(values()).map(c -> c.key).toList())));
    }
    return chosen;
  }
}
