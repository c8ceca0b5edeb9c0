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
          field + " '" + Excerpt.of(value) + "' may hold only letters, digits, '_', '.' and '-', "
              + "starting with a letter or digit");
    }
    return value;
  }
}
