package org.calicomesos.adapters.sqlite;

import java.util.Optional;

/** Turns a key prefix into a range an index can scan, so a list never reads the whole table. */
final class SqlitePrefix {
  private SqlitePrefix() {}

  /**
   * The smallest string above every string that starts with {@code prefix}: the prefix with its last
   * character incremented. Empty when there is none that SQLite orders the same way as code points
   * (an empty prefix, or one ending in a surrogate or U+FFFF); the caller then filters as it reads.
   */
  static Optional<String> exclusiveEnd(String prefix) {
    if (prefix.isEmpty()) {
      return Optional.empty();
    }
    char last = prefix.charAt(prefix.length() - 1);
    if (Character.isSurrogate(last) || last == Character.MAX_VALUE || Character.isSurrogate((char) (last + 1))) {
      return Optional.empty();
    }
    return Optional.of(prefix.substring(0, prefix.length() - 1) + (char) (last + 1));
  }
}
