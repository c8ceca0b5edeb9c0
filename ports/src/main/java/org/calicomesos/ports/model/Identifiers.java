package org.calicomesos.ports.model;

import java.util.regex.Pattern;

/** The allow-list rule shared by every identifier that ends up in a datastore key, a path or a command line. */
final class Identifiers {
  // Letters, digits, '_', '.', '-'; starts with a letter or digit, so never '-x', '.' or '..'.
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  private Identifiers() {}

  static String require(String field, String value, int maxLength) {
    if (value == null || value.isEmpty()) {
      throw new InvalidRequestException(field + " is missing");
    }
    if (value.length() > maxLength) {
      throw new InvalidRequestException(field + " is longer than " + maxLength + " characters");
    }
    if (!SAFE.matcher(value).matches() || value.contains("..")) {
      throw new InvalidRequestException(
          field + " '" + printable(value) + "' may hold only letters, digits, '_', '.' and '-', "
              + "starting with a letter or digit");
    }
    return value;
  }

  /** Keeps an invalid value readable in a one-line message without echoing control characters. */
  static String printable(String value) {
    StringBuilder out = new StringBuilder();
    value.codePoints().limit(64).forEach(c -> out.append(c >= 0x20 && c < 0x7f ? Character.toString(c) : "?"));
    return value.length() > 64 ? out + "..." : out.toString();
  }
}
