package org.calicomesos.app.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * One line per record: UTC time, level, process id, logger, message; a stack trace, when there is one,
 * follows on its own lines. The pid tells apart the lines of plugin processes that share the file.
 */
final class LogLineFormatter extends Formatter {
  private final long pid = ProcessHandle.current().pid();

  @Override
  public String format(LogRecord record) {
    StringBuilder line = new StringBuilder(160)
        .append(Instant.ofEpochMilli(record.getMillis()))
        .append(' ').append(levelName(record.getLevel()))
        .append(" [").append(pid).append("] ")
        .append(shortName(record.getLoggerName())).append(": ")
        .append(oneLine(formatMessage(record)))
        .append('\n');
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      record.getThrown().printStackTrace(new PrintWriter(trace));
      line.append(trace);
    }
    return line.toString();
  }

  // Named as CALICO_LOG_LEVEL names them, so the file reads in the operator's terms.
  private static String levelName(Level level) {
    if (level.intValue() >= Level.SEVERE.intValue()) {
      return "ERROR";
    }
    if (level.intValue() >= Level.WARNING.intValue()) {
      return "WARNING";
    }
    return level.intValue() >= Level.INFO.intValue() ? "INFO" : "DEBUG";
  }

  private static String shortName(String logger) {
    if (logger == null || logger.isEmpty()) {
      return "root";
    }
    return logger.substring(logger.lastIndexOf('.') + 1);
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("[\\r\\n\\t]+", " ");
  }
}
