package org.calicomesos.app.logging;

import java.lang.System.Logger.Level;

/** Where this process's log lines go, and from which level on; {@link FileLogging} repoints it. */
final class LogRoute {
  /** Until FileLogging knows better: warnings and errors only, on stderr (stdout holds the response). */
  static final LogRoute PROCESS = new LogRoute(Level.WARNING, new StderrSink(System.err));

  // One volatile pair, so a logger never sees the new level with the old sink or the other way round.
  private volatile Target target;

  LogRoute(Level threshold, LineSink sink) {
    point(threshold, sink);
  }

  void point(Level threshold, LineSink sink) {
    target = new Target(threshold.getSeverity(), sink);
  }

  /** One volatile read and a compare: a DEBUG call at INFO costs no more than this. */
  boolean accepts(Level level) {
    return level != Level.OFF && level.getSeverity() >= target.threshold;
  }

  void write(String line) {
    target.sink.write(line);
  }

  private static final class Target {
    final int threshold;
    final LineSink sink;

    Target(int threshold, LineSink sink) {
      this.threshold = threshold;
      this.sink = sink;
    }
  }
}
