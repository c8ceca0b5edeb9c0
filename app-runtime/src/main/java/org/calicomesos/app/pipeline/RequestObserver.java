package org.calicomesos.app.pipeline;

import java.util.Optional;
import org.calicomesos.ports.ipam.IpamRetryListener;

/**
 * Hears of every request this process answers, whoever serves it (the plugin process over stdin, the agent over
 * its socket): once per request, when {@link RequestLog#finish} writes its line, on the thread that answered.
 * Also hears of each compare-and-swap the IPAM lost and retried while serving requests. Installed for the whole
 * process with {@link RequestLog#observeWith}; only the agent installs one (its metrics), so a plugin process
 * loads nothing for it. Implementations must be quick, thread-safe and must not throw.
 */
public interface RequestObserver extends IpamRetryListener {

  /** What the request line says, for metrics: {@code command} is a known one, or "invalid". */
  String INVALID_COMMAND = "invalid";

  /**
   * @param command the request's command once a handler was found for it, else {@link #INVALID_COMMAND}
   * @param success whether the response carried no error
   * @param durationNanos from {@link RequestLog#start()} to the answer
   * @param failure the exception the response's error came from, when there was one (not when the deadline or a
   *     failed write answered)
   */
  void requestFinished(String command, boolean success, long durationNanos, Optional<Throwable> failure);
}
