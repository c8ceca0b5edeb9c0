package org.calicomesos.app.pipeline;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs a request's deadline: returns what stops it. */
@FunctionalInterface
public interface DeadlineClock {
  Runnable start(Duration timeout, Runnable expire);

  /** A thread of the deadline's own: the plugin process has no other. */
  static DeadlineClock ownThread() {
    return (timeout, expire) -> {
      Thread timer = new Thread(() -> {
        try {
          Thread.sleep(timeout.toMillis());
        } catch (InterruptedException e) {
          return;
        }
        expire.run();
      }, "request-deadline");
      timer.setDaemon(true);
      timer.start();
      return timer::interrupt;
    };
  }

  /** A shared scheduler, as the agent has: a thread per request would cost more than some requests take. */
  static DeadlineClock on(ScheduledExecutorService scheduler) {
    return (timeout, expire) -> {
      ScheduledFuture<?> expiry = scheduler.schedule(expire, timeout.toMillis(), TimeUnit.MILLISECONDS);
      return () -> expiry.cancel(false);
    };
  }
}
