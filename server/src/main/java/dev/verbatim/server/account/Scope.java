package dev.verbatim.server.account;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an API token may do. A token acts as its owner, within its scopes: it never sees more
 * meetings than its owner does. People signed in with a form have every scope.
 */
public enum Scope {
  /** Read meetings, their media, exports and events (every GET of the API). */
  MEETINGS_READ("meetings:read"),
  /** Upload, edit, reprocess, share and delete meetings; glossaries. */
  MEETINGS_WRITE("meetings:write"),
  /** Add, edit and delete action items only, as a task system does. */
  ACTION_ITEMS_WRITE("action-items:write");

  private final String value;

  Scope(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  public static Scope of(String value) {
    for (Scope scope : values()) {
      if (scope.value.equals(value.strip())) {
        return scope;
      }
    }
    throw new IllegalArgumentException(
        "Unknown scope \""
            + value
            + "\": use "
            + Arrays.stream(values()).map(Scope::value).collect(Collectors.joining(", "))
            + ".");
  }

  public static Set<Scope> all() {
    return EnumSet.allOf(Scope.class);
  }

  /** As stored: space-separated values. */
  static String join(Collection<Scope> scopes) {
    return scopes.stream().sorted().map(Scope::value).collect(Collectors.joining(" "));
  }

  static Set<Scope> parse(String stored) {
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (String value : stored.split(" ")) {
      if (!value.isBlank()) {
        scopes.add(of(value));
      }
    }
    return scopes;
  }
}
