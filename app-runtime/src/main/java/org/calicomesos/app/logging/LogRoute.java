package org.calicomesos.app.logging;

import java.lang.System.Logger.Level;

/** Where this process's log lines go, from which level on and in which format; {@link FileLogging} repoints it. */
final class LogRoute {
  /** Until FileLogging knows better: warnings and errors only, on stderr (stdout holds the response). */
  static final LogRoute PROCESS = new LogRoute(Level.WARNING, new StderrSink(System.err));

  private static final ThreadLocal<Target> THREAD_COPY = new ThreadLocal<>();

  // One volatile reference, so a logger never sees the new level with the old sink or format.
  private volatile Target target;

  LogRoute(Level threshold, LineSink sink) {
    point(threshold, sink);
  }

  /** Text lines from {@code threshold} on into {@code sink}. */
  void point(Level threshold, LineSink sink) {
    point(threshold, sink, LogLine.TEXT);
  }

  void point(Level threshold, LineSink sink, LineFormat format) {
    target = new Target(threshold.getSeverity(), sink, format);
  }

  /** One volatile read and a compare (and a thread-local one): a DEBUG call at INFO costs no more than this. */
  boolean accepts(Level level) {
    if (level == Level.OFF) {
      return false;
    }
    Target copy = THREAD_COPY.get();
    return level.getSeverity() >= target.threshold || copy != null && level.getSeverity() >= copy.threshold;
  }

  void write(long epochMillis, Level level, String logger, String message, Throwable thrown, LogFields fields) {
    Target current = target;
    if (level.getSeverity() >= current.threshold) {
      current.sink.write(current.format.format(epochMillis, level, logger, message, thrown, fields));
    }
    Target copy = THREAD_COPY.get();
    if (copy != null && level.getSeverity() >= copy.threshold) {
      copy.sink.write(copy.format.format(epochMillis, level, logger, message, thrown, fields));
    }
  }

  /**
   * Until {@link #stopCopyingThisThread}, what the calling thread logs from {@code threshold} on also goes to
   * {@code sink}: the agent gives each request's lines to the log its configuration names.
   */
  static void copyThisThread(Level threshold, LineSink sink, LineFormat format) {
    THREAD_COPY.set(new Target(threshold.getSeverity(), sink, format));
  }

  static void stopCopyingThisThread() {
    THREAD_COPY.remove();
  }

  private static final class Target {
    final int threshold;
    final LineSink sink;
    final LineFormat format;

    Target(int threshold, LineSink sink, LineFormat format) {
      this.threshold = threshold;
      this.sink = sink;
      this.format = format;
    }
  }
}
