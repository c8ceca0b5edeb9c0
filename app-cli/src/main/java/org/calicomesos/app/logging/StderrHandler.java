package org.calicomesos.app.logging;

import java.io.PrintStream;
import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;

/** Logs to the given stderr stream, flushing every record (JUL's ConsoleHandler binds System.err itself). */
final class StderrHandler extends StreamHandler {
  StderrHandler(PrintStream stderr) {
    super(stderr, new LogLineFormatter());
  }

  @Override
  public synchronized void publish(LogRecord record) {
    super.publish(record);
    flush();
  }

  /** Flushes but never closes stderr. */
  @Override
  public synchronized void close() {
    flush();
  }
}
