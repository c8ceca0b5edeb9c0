package org.calicomesos.app.plugin;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The last word on a request that overruns {@code CALICO_REQUEST_TIMEOUT}: the Mesos agent waits for the
 * plugin with no timeout of its own and stalls every container start on the host meanwhile, so when the
 * deadline passes this answers the one JSON error itself and halts the JVM. Whoever first claims the
 * response (the request or the deadline) is the only one to write it.
 */
public final class RequestDeadline implements AutoCloseable {
  private final AtomicBoolean answered = new AtomicBoolean();
  private final Duration timeout;
  private final OutputStream stdout;
  private final Runnable halt;
  private final RequestLog requestLog;
  private Runnable stopClock = () -> { };

  private RequestDeadline(Duration timeout, OutputStream stdout, Runnable halt, RequestLog requestLog) {
    this.timeout = timeout;
    this.stdout = stdout;
    this.halt = halt;
    this.requestLog = requestLog;
  }

  /** As below, with a request log of its own. */
  public static RequestDeadline start(Duration timeout, OutputStream stdout, Runnable halt) {
    return start(timeout, stdout, halt, RequestLog.start());
  }

  /**
   * Starts the clock on a thread of its own (the plugin process has no other). {@code halt} ends the request's
   * process ({@code Runtime.halt}); tests record it instead. When the deadline answers, it also writes
   * {@code requestLog}'s line.
   */
  public static RequestDeadline start(Duration timeout, OutputStream stdout, Runnable halt, RequestLog requestLog) {
    RequestDeadline deadline = new RequestDeadline(timeout, stdout, halt, requestLog);
    Thread timer = new Thread(() -> {
      try {
        Thread.sleep(timeout.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      deadline.expire();
    }, "request-deadline");
    timer.setDaemon(true);
    deadline.stopClock = timer::interrupt;
    timer.start();
    return deadline;
  }

  /**
   * Starts the clock on {@code clock}, as the agent does: a thread per request would cost more than some requests
   * take. {@code halt} ends the request's connection.
   */
  public static RequestDeadline start(Duration timeout, OutputStream stdout, Runnable halt, RequestLog requestLog,
      ScheduledExecutorService clock) {
    RequestDeadline deadline = new RequestDeadline(timeout, stdout, halt, requestLog);
    ScheduledFuture<?> expiry = clock.schedule(deadline::expire, timeout.toMillis(), TimeUnit.MILLISECONDS);
    deadline.stopClock = () -> expiry.cancel(false);
    return deadline;
  }

  private void expire() {
    if (answered.compareAndSet(false, true)) {
      String seconds = String.valueOf(timeout.toMillis() / 1000.0).replaceAll("\\.0$", "");
      PluginResponse response = JsonResponses.error("calico-mesos did not finish the request within " + seconds
          + " s (CALICO_REQUEST_TIMEOUT); whatever it had written stays consistent, and addresses an"
          + " allocate or reserve may have assigned stay with its uid ('calico-mesos ipam release --uid UID'"
          + " frees them)");
      try {
        stdout.write(response.body());
        stdout.flush();
      } catch (IOException e) {
        // Nothing more can be said: the agent will report "Got no response".
      }
      requestLog.finish(response.error());
      halt.run();
    }
  }

  /** True when the caller may write the response; false when the deadline already answered (and is halting). */
  public boolean claimResponse() {
    return answered.compareAndSet(false, true);
  }

  @Override
  public void close() {
    stopClock.run();
  }
}
