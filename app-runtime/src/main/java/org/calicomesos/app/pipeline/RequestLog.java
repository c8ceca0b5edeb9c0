package org.calicomesos.app.pipeline;

import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.calicomesos.app.logging.FieldLogger;
import org.calicomesos.app.logging.LogFields;

/**
 * The one INFO line of one request, written when it ends, successful or not:
 * {@code request command=isolate container=abc uid=- hostname=agent1 outcome=ok duration_ms=139}, plus
 * {@code error="<the response's sentence>"} on failure. Holds only values that passed validation (the
 * command once a handler is found for it, identifiers once their allow-list accepts them), never the request
 * itself, its labels or anything from the configuration. When the line is written, the process's
 * {@link RequestObserver} (if one is installed, see {@link #observeWith}) hears of the request too.
 */
public final class RequestLog {
  private static final FieldLogger LOG = FieldLogger.named(RequestLog.class.getName());

  // One per process, installed by the agent for its metrics; null (nothing loaded, nothing called) in a plugin.
  private static volatile RequestObserver observer;

  private final long startedNanos;
  private final AtomicBoolean written = new AtomicBoolean();
  // Set by the request's thread, read by the deadline's when it answers instead.
  private volatile String command;
  private volatile String container;
  private volatile String uid;
  private volatile String hostname;
  private volatile Throwable failure;

  private RequestLog(long startedNanos) {
    this.startedNanos = startedNanos;
  }

  /**
   * Installs the observer every request of this process is reported to from now on, whoever serves it
   * ({@code null} removes it). The agent installs its metrics here once, before it serves anything.
   */
  public static void observeWith(RequestObserver requestObserver) {
    observer = requestObserver;
  }

  static RequestObserver observer() {
    return observer;
  }

  /** Starts the clock of one request. */
  public static RequestLog start() {
    return new RequestLog(System.nanoTime());
  }

  public void command(String validCommand) {
    command = validCommand;
  }

  /** The request's command once a handler was found for it; empty before, and for a refused one. */
  public Optional<String> command() {
    return Optional.ofNullable(command);
  }

  public void container(String validContainerId) {
    container = validContainerId;
  }

  public void uid(String validUid) {
    uid = validUid;
  }

  public void hostname(String validHostname) {
    hostname = validHostname;
  }

  /** The exception the response's error came from, if it failed with one. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  /** The exception the response's error came from, for the observer (which counts datastore failures). */
  public void failure(Throwable cause) {
    failure = cause;
  }

  /**
   * Writes the line, once: later calls do nothing, so whoever answers the request (the request or its
   * deadline) logs it.
   *
   * @param error the sentence the response carries, or {@code null} on success
   */
  public void finish(String error) {
    if (!written.compareAndSet(false, true)) {
      return;
    }
    LogFields fields = new LogFields()
        .add("command", command)
        .add("container", container)
        .add("uid", uid)
        .add("hostname", hostname)
        .add("outcome", error == null ? "ok" : "error")
        .add("duration_ms", (System.nanoTime() - startedNanos) / 1_000_000);
    if (error != null) {
      fields.add("error", error);
    }
    LOG.log(Level.INFO, "request", fields);
    RequestObserver listening = observer;
    if (listening != null) {
      report(listening, error == null, System.nanoTime() - startedNanos);
    }
  }

  // The answer is already out: whatever the observer does, it must not change the request's outcome.
  private void report(RequestObserver listening, boolean success, long durationNanos) {
    try {
      listening.requestFinished(command != null ? command : RequestObserver.INVALID_COMMAND, success, durationNanos,
          success ? Optional.empty() : Optional.ofNullable(failure));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the request observer failed", new LogFields().add("exception", e.toString()));
    }
  }
}
