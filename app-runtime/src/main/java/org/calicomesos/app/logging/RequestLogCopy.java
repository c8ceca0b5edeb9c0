package org.calicomesos.app.logging;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.calicomesos.app.config.LogSettings;

/**
 * For the agent serving plugin requests: while a request runs, the lines its thread logs go to the agent's
 * own log and also to the plugin log the request's configuration names, at that configuration's level and in
 * its format, so that operators find each request where the plugin process would have written it.
 */
public final class RequestLogCopy implements AutoCloseable {
  // One appender per file for the agent's life: each is a file handle and a lock, and hosts use one or two.
  // Empty for a file that could not be opened, so that it is said once, not on every request.
  private static final Map<Path, Optional<LineSink>> APPENDERS = new ConcurrentHashMap<>();

  private RequestLogCopy() {}

  /**
   * Starts copying this thread's lines to {@code settings.file()}; when the file cannot be opened the lines go
   * to the agent's log only, and {@code stderr} says so.
   */
  public static RequestLogCopy start(LogSettings settings, PrintStream stderr) {
    APPENDERS.computeIfAbsent(settings.file(), file -> open(file, stderr))
        .ifPresent(sink -> LogRoute.copyThisThread(settings.level(), sink, FileLogging.format(settings)));
    return new RequestLogCopy();
  }

  private static Optional<LineSink> open(Path file, PrintStream stderr) {
    try {
      return Optional.of(new LockedFileAppender(file, FileLogging.LIMIT_BYTES, FileLogging.GENERATIONS, stderr));
    } catch (IOException | RuntimeException e) {
      stderr.println("calico-mesos: warning: cannot open log file " + file + " (" + e
          + "); the requests that name it are logged by the agent only");
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    LogRoute.stopCopyingThisThread();
  }
}
