package org.calicomesos.app.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.System.Logger.Level;
import java.text.MessageFormat;

/**
 * One record as text: {@code 2026-11-24T20:52:43.123Z INFO  [4711] org.calicomesos.core.ipam.PoolService: message},
 * then its fields as {@code key=value} (logfmt: a value is quoted when it holds anything but a plain word,
 * {@code -} when absent), newline-terminated, followed by the stack trace of a throwable, indented.
 */
final class LogLine implements LineFormat {
  static final LogLine TEXT = new LogLine();

  private static final String TRACE_INDENT = "    ";
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  static final long PID = ProcessId.current();

  private LogLine() {}

  @Override
  public String format(long epochMillis, Level level, String logger, String message, Throwable thrown,
      LogFields fields) {
    StringBuilder line = new StringBuilder(160);
    UtcTimestamp.append(line, epochMillis);
    line.append(' ').append(paddedName(level)).append(" [").append(PID).append("] ")
        .append(logger).append(": ");
    appendOnOneLine(line, message);
    if (fields != null) {
      for (int i = 0; i < fields.size(); i++) {
        line.append(' ').append(fields.name(i)).append('=');
        appendValue(line, fields.value(i));
      }
    }
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

  /** The level as CALICO_LOG_LEVEL names it: ERROR, WARN, INFO, DEBUG or TRACE. */
  static String levelName(Level level) {
    switch (level) {
      case ERROR:
        return "ERROR";
      case WARNING:
        return "WARN";
      case INFO:
        return "INFO";
      case DEBUG:
        return "DEBUG";
      default:
        return "TRACE";
    }
  }

  // Padded to five, the width of the longest, so messages line up.
  private static String paddedName(Level level) {
    String name = levelName(level);
    return name.length() == 4 ? name + " " : name;
  }

  // A message never spans lines, so every line of the file starts with a timestamp (a trace's lines are
  // indented); other control characters (a terminal escape, say) become '?'.
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
        line.append(Character.isISOControl(c) ? '?' : c);
        inBreak = false;
      }
    }
  }

  // A plain word stays bare; anything else is quoted (appendQuoted), so a value never ends a line or a pair.
  private static void appendValue(StringBuilder line, Object value) {
    if (value == null) {
      line.append('-');
      return;
    }
    String text = value.toString();
    if (isPlainWord(text)) {
      line.append(text);
      return;
    }
    appendQuoted(line, text, false);
  }

  /**
   * {@code text} in double quotes with JSON's escapes: {@code \"}, {@code \\}, the short escapes for control
   * characters and {@code \\uXXXX} for other control characters and line separators — or, with
   * {@code asciiOnly}, for every character outside printable ASCII. An unpaired surrogate, which no UTF-8
   * decoder accepts, becomes U+FFFD.
   */
  static void appendQuoted(StringBuilder out, String text, boolean asciiOnly) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c == '\b') {
        out.append("\\b");
      } else if (c == '\f') {
        out.append("\\f");
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        appendChar(out, c, asciiOnly);
        appendChar(out, text.charAt(++i), asciiOnly);
      } else if (Character.isSurrogate(c)) {
        appendChar(out, '\ufffd', asciiOnly);
      } else {
        appendChar(out, c, asciiOnly || Character.isISOControl(c) || c == '\u2028' || c == '\u2029');
      }
    }
    out.append('"');
  }

  private static void appendChar(StringBuilder out, char c, boolean escaped) {
    if (escaped) {
      appendUnicodeEscape(out, c);
    } else {
      out.append(c);
    }
  }

  private static boolean isPlainWord(String text) {
    if (text.isEmpty() || text.equals("-")) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || c == '_' || c == '.' || c == '-' || c == ':' || c == '/' || c == '@' || c == '+' || c == ',';
      if (!plain) {
        return false;
      }
    }
    return true;
  }

  // \\u and four lower-case hex digits, as JSON and logfmt both read it.
  private static void appendUnicodeEscape(StringBuilder out, char c) {
    out.append("\\u");
    for (int shift = 12; shift >= 0; shift -= 4) {
      out.append(HEX[(c >> shift) & 0xf]);
    }
  }

  /** The stack trace, each line indented; JSON lines carry the same text in one member. */
  static String trace(Throwable thrown) {
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }

  private static void appendTrace(StringBuilder line, Throwable thrown) {
    String text = trace(thrown);
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
