package org.calicomesos.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a test reads in the log of a process it started, while the process writes it. */
final class LogText {
  private LogText() {}

  /** The log as written so far; unreadable, a line saying why (it goes into a failure message). */
  static String read(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  /** How many times {@code part} occurs in {@code text}. */
  static int count(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}
