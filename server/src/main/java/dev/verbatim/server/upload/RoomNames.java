package dev.verbatim.server.upload;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Jitsi rooms as meeting titles: {@code weekly-sync} or {@code WeeklySync} as "Weekly sync". */
public final class RoomNames {

  private RoomNames() {}

  /** The room of a meeting address as a title; null if the address names none. */
  public static @Nullable String titleOf(String url) {
    if (url.isBlank()) {
      return null;
    }
    try {
      String path = URI.create(url.strip()).getPath();
      String room = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
      return room.isBlank() ? null : title(room);
    } catch (IllegalArgumentException e) {
      // Not an address; the caller falls back to another name.
      return null;
    }
  }

  /** {@code weekly-sync} or {@code WeeklySync} as "Weekly sync". */
  public static String title(String room) {
    String decoded = URLDecoder.decode(room.replace("+", "%2B"), StandardCharsets.UTF_8);
    String spaced = decoded.replaceAll("([a-z])([A-Z])", "$1 $2").replaceAll("[-_.]+", " ").strip();
    if (spaced.isEmpty()) {
      return decoded;
    }
    String lower = spaced.toLowerCase(Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }
}
