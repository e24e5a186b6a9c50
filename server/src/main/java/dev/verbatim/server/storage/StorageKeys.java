package dev.verbatim.server.storage;

import java.util.regex.Pattern;

/** What a storage key may be, the same for every backend. */
final class StorageKeys {

  /** Keys are ours (meeting id / ordinal), never a user's file name, so no path can escape. */
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");

  private StorageKeys() {}

  /** Returns {@code key}, or throws if it is not one that storage makes. */
  static String check(String key) {
    if (!KEY.matcher(key).matches() || key.contains("..")) {
      throw new IllegalArgumentException("Not a storage key: " + key);
    }
    return key;
  }
}
