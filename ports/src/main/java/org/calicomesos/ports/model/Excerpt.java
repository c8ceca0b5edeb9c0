package org.calicomesos.ports.model;

/** A short, printable rendering of a bad value for a one-line message: never a whole blob, never control characters. */
public final class Excerpt {
  private static final int LIMIT = 64;

  private Excerpt() {}

  public static String of(String value) {
    StringBuilder out = new StringBuilder();
    value.codePoints().limit(LIMIT).forEach(c -> out.append(c >= 0x20 && c < 0x7f ? Character.toString(c) : "?"));
    return value.codePointCount(0, value.length()) > LIMIT ? out + "..." : out.toString();
  }
}
