package dev.verbatim.minutes.realmeetings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One labelled action item or decision of a real meeting: the turns it was said in, its owner (a
 * role, {@code all} or {@code unknown}) and what it says. See {@code
 * eval/real-meetings/LABELLING.md}.
 */
record Label(Kind kind, int fromTurn, int toTurn, @Nullable String owner, String text) {

  enum Kind {
    ACTION,
    DECISION
  }

  private static final Pattern LINE =
      Pattern.compile(
          "(action|decision)\\s+turns=(\\d+)(?:-(\\d+))?(?:\\s+owner=([^|]+?))?\\s*\\|(.*)");

  static List<Label> read(Path file) throws IOException {
    List<Label> labels = new ArrayList<>();
    int n = 0;
    for (String line : Files.readAllLines(file)) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line.strip());
      if (!m.matches()) {
        throw new IllegalArgumentException(file + ":" + n + ": not a label: " + line);
      }
      int from = Integer.parseInt(m.group(2));
      int to = m.group(3) == null ? from : Integer.parseInt(m.group(3));
      labels.add(
          new Label(
              m.group(1).equals("action") ? Kind.ACTION : Kind.DECISION,
              from,
              to,
              m.group(4) == null ? null : m.group(4).strip(),
              m.group(5).strip()));
    }
    return labels;
  }

  /** Whether a point said at {@code turn} is this one's: its turns, or the one either side. */
  boolean covers(int turn) {
    return turn >= fromTurn - 1 && turn <= toTurn + 1;
  }

  /** Whether {@code owner}, as the minutes name it, is the labelled one. */
  boolean ownedBy(@Nullable String predicted) {
    if (owner == null || owner.equals("unknown")) {
      return true;
    }
    if (owner.equals("all")) {
      return predicted == null;
    }
    return owner.equalsIgnoreCase(predicted);
  }
}
