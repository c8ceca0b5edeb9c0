package org.calicomesos.app.logging;

import java.io.IOException;
import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.calicomesos.app.config.LogSettings;

/**
 * Points {@code java.util.logging} (and with it {@code System.getLogger}, which routes there) at the
 * plugin log, set up in code: no logging framework and no properties file to load at start-up.
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
    Handler handler;
    try {
      handler = new LockedFileHandler(settings.file(), LIMIT_BYTES, GENERATIONS);
    } catch (IOException | RuntimeException e) {
      stderr.println("calico-mesos: warning: cannot open log file " + settings.file() + " (" + e
          + "); logging to stderr");
      handler = new StderrHandler(stderr);
    }
    handler.setFormatter(new LogLineFormatter());
    handler.setLevel(settings.level());
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    root.setLevel(settings.level());
    root.addHandler(handler);
  }

  /** Until the settings are known (or when they are wrong): only warnings, on stderr. */
  public static void installFallback(PrintStream stderr) {
    LogManager.getLogManager().reset();
    Handler handler = new StderrHandler(stderr);
    Logger root = Logger.getLogger("");
    root.setLevel(java.util.logging.Level.WARNING);
    root.addHandler(handler);
  }
}
