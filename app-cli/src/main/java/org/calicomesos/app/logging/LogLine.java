package org.calicomesos.app.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.System.Logger.Level;
import java.text.MessageFormat;

/**
 * One record as text: {@code 2026-11-24T20:52:43.123Z INFO  [4711] org.calicomesos.core.ipam.PoolService: message},
 * newline-terminated, followed by the stack trace of a throwable, indented, when there is one.
 */
final class LogLine {
  private static final String TRACE_INDENT = "    ";
  private static final long PID = ProcessId.current();

  private LogLine() {}

  static String format(long epochMillis, Level level, String logger, String message, Throwable thrown) {
    StringBuilder line = new StringBuilder(160);
    UtcTimestamp.append(line, epochMillis);
    line.append(' ').append(levelName(level)).append(" [").append(PID).append("] ")
        .append(logger).append(": ");
    appendOnOneLine(line, message);
    line.append('\n');
    if (thrown != null) {
      appendTrace(line, thrown);
    }
    return line.toString();
  }

  /** {@code {0}} parameters as {@link MessageFormat} fills them; the pattern as-is when it has none or is malformed. */
  static String message(String pattern, Object... params) {
    if (pattern == null || params == null || params.length == 0) {
      return pattern;
    }
    try {
      return MessageFormat.format(pattern, params);
    } catch (IllegalArgumentException malformed) {
      return pattern;
    }
  }

  // Padded to five, the width of the longest, so messages line up; named as CALICO_LOG_LEVEL names them.
  private static String levelName(Level level) {
    switch (level) {
      case ERROR:
        return "ERROR";
      case WARNING:
        return "WARN ";
      case INFO:
        return "INFO ";
      case DEBUG:
        return "DEBUG";
      default:
        return "TRACE";
    }
  }

  // A message never spans lines, so every line of the file starts with a timestamp (a trace's lines are indented).
  private static void appendOnOneLine(StringBuilder line, String message) {
    if (message == null) {
      return;
    }
    boolean inBreak = false;
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t') {
        if (!inBreak) {
          line.append(' ');
        }
        inBreak = true;
      } else {
        line.append(c);
        inBreak = false;
      }
    }
  }

  private static void appendTrace(StringBuilder line, Throwable thrown) {
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    String text = trace.toString();
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
      line.append(TRACE_INDENT).append(text, start, stop).append('\n');
      start = end + 1;
    }
  }
}
