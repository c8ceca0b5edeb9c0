package org.calicomesos.app.logging;

import java.lang.System.Logger.Level;

/**
 * One record as one JSON object on one line ({@code CALICO_LOG_FORMAT=json}):
 * {@code {"time":"2026-11-24T20:52:43.123Z","level":"INFO","pid":4711,"logger":"…","message":"…"}}, then the
 * record's fields as members (a string, a number or {@code null}), then {@code "exception"} with the stack
 * trace when there is one.
 *
 * <p>Escaped by hand (no JSON library to load at start-up), to ASCII only: {@code \"}, {@code \\}, the short
 * escapes for control characters, {@code \\uXXXX} for every other character outside printable ASCII — so a
 * line stays one line and reads the same whatever charset stderr has. An unpaired surrogate, which no
 * UTF-8 decoder accepts, becomes U+FFFD.
 */
final class JsonLogLine implements LineFormat {
  static final JsonLogLine JSON = new JsonLogLine();

  private JsonLogLine() {}

  @Override
  public String format(long epochMillis, Level level, String logger, String message, Throwable thrown,
      LogFields fields) {
    StringBuilder line = new StringBuilder(256);
    line.append("{\"time\":\"");
    UtcTimestamp.append(line, epochMillis);
    line.append("\",\"level\":\"").append(LogLine.levelName(level))
        .append("\",\"pid\":").append(LogLine.PID)
        .append(",\"logger\":");
    appendString(line, logger);
    line.append(",\"message\":");
    appendString(line, message);
    if (fields != null) {
      for (int i = 0; i < fields.size(); i++) {
        line.append(',');
        appendString(line, fields.name(i));
        line.append(':');
        appendValue(line, fields.value(i));
      }
    }
    if (thrown != null) {
      line.append(",\"exception\":");
      appendString(line, LogLine.trace(thrown));
    }
    return line.append("}\n").toString();
  }

  private static void appendValue(StringBuilder line, Object value) {
    if (value instanceof Long) {
      line.append(((Long) value).longValue());
    } else {
      appendString(line, value == null ? null : value.toString());
    }
  }

  /** A JSON string literal of {@code text}, ASCII only, or {@code null}. */
  static void appendString(StringBuilder out, String text) {
    if (text == null) {
      out.append("null");
    } else {
      LogLine.appendQuoted(out, text, true);
    }
  }
}
