package org.calicomesos.app.pipeline;

import org.calicomesos.app.config.LogSettings;

/**
 * Where one request's log lines go, as its own configuration says: the plugin process installs its log for the
 * process; the agent copies the request's lines there while it serves it.
 */
@FunctionalInterface
public interface RequestLogging {
  /** Starts logging as {@code settings} say; what it returns ends that when the request is done. */
  Scope open(LogSettings settings);

  /** The span of one request's logging. */
  interface Scope extends AutoCloseable {
    Scope NONE = () -> { };

    @Override
    void close();
  }
}
