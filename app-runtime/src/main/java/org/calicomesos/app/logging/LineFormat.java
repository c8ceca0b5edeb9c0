package org.calicomesos.app.logging;

import java.lang.System.Logger.Level;

/** Turns one record into one finished line (newline included): {@link LogLine} or {@link JsonLogLine}. */
interface LineFormat {
  /** @param fields named values beside the message, or {@code null} for none */
  String format(long epochMillis, Level level, String logger, String message, Throwable thrown, LogFields fields);
}
