package org.calicomesos.app.logging;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import org.calicomesos.app.config.LogFormat;
import org.calicomesos.app.config.LogSettings;

/**
 * Points {@code System.getLogger}'s loggers (see {@link CalicoLoggerFinder}) at the plugin log, set up in
 * code: no logging framework and no properties file to load at start-up.
 */
public final class FileLogging {
  /** Rotate at 10 MiB and keep 5 old files: a busy agent keeps days of history in 60 MiB at most. */
  static final long LIMIT_BYTES = 10L * 1024 * 1024;
  static final int GENERATIONS = 5;

  private FileLogging() {}

  /**
   * Logs to {@code settings.file()}; when it cannot be opened, logs to {@code stderr} instead and says so
   * there once. Never touches stdout.
   */
  public static void install(LogSettings settings, PrintStream stderr) {
    LineSink sink;
    try {
      sink = new LockedFileAppender(settings.file(), LIMIT_BYTES, GENERATIONS, stderr);
    } catch (IOException | RuntimeException e) {
      stderr.println("calico-mesos: warning: cannot open log file " + settings.file() + " (" + e
          + "); logging to stderr");
      sink = new StderrSink(stderr);
    }
    LogRoute.PROCESS.point(settings.level(), sink, format(settings));
  }

  /**
   * Logs at {@code settings}' level and in its format to {@code stderr}, whatever its file says: for a
   * long-running service whose stderr is its journal.
   */
  public static void installStderr(LogSettings settings, PrintStream stderr) {
    LogRoute.PROCESS.point(settings.level(), new StderrSink(stderr), format(settings));
  }

  /** Until the settings are known (or when they are wrong): only warnings, on stderr. */
  public static void installFallback(PrintStream stderr) {
    LogRoute.PROCESS.point(Level.WARNING, new StderrSink(stderr));
  }

  // JsonLogLine is only loaded when JSON was asked for.
  static LineFormat format(LogSettings settings) {
    return settings.format() == LogFormat.JSON ? JsonLogLine.JSON : LogLine.TEXT;
  }
}
