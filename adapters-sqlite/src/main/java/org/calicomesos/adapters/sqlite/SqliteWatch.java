package org.calicomesos.adapters.sqlite;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.calicomesos.ports.kv.DatastoreException;
import org.calicomesos.ports.kv.DatastoreUnavailableException;
import org.calicomesos.ports.kv.Watch;
import org.calicomesos.ports.kv.WatchEvent;
import org.calicomesos.ports.kv.WatchListener;

/**
 * Follows the events table from one daemon thread. Polling is the only way to hear of writes made by
 * other processes, and a query on {@code revision > last} through the primary key costs next to nothing.
 */
final class SqliteWatch implements Watch {
  private static final System.Logger LOG = System.getLogger(SqliteWatch.class.getName());
  private static final int PAGE = 1_000;
  /** Polls that may find the database locked in a row before the watch gives up and reports it. */
  private static final int UNAVAILABLE_POLLS_TOLERATED = 3;
  /** How long close() waits for a delivery in progress, so that no callback runs after it returns. */
  private static final long CLOSE_WAIT_MILLIS = 5_000;

  private final String prefix;
  private final WatchListener listener;
  private final SqliteSession session;
  private final Duration pollInterval;
  private final Consumer<SqliteWatch> onEnd;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean closed;
  private long after;

  SqliteWatch(String prefix, long afterRevision, WatchListener listener, SqliteSession session,
      Duration pollInterval, Consumer<SqliteWatch> onEnd) {
    this.prefix = prefix;
    this.after = afterRevision;
    this.listener = listener;
    this.session = session;
    this.pollInterval = pollInterval;
    this.onEnd = onEnd;
    this.thread = new Thread(this::follow, "sqlite-watch " + prefix);
    this.thread.setDaemon(true); // a per-request process must be able to exit with a watch still open
  }

  void start() {
    thread.start();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    stop.countDown();
    if (Thread.currentThread() != thread) {
      try {
        thread.join(CLOSE_WAIT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void follow() {
    try {
      int unavailablePolls = 0;
      while (!closed) {
        SqliteEventPage page;
        try {
          page = session.read("read the changes after revision " + after, t -> t.eventsAfter(after, PAGE));
          unavailablePolls = 0;
        } catch (DatastoreUnavailableException e) {
          if (++unavailablePolls > UNAVAILABLE_POLLS_TOLERATED) {
            deliver(() -> listener.onError(e));
            return;
          }
          pause();
          continue;
        } catch (DatastoreException e) {
          deliver(() -> listener.onError(e));
          return;
        }
        if (after < page.compacted()) {
          deliver(() -> listener.onCompacted(page.compacted() + 1));
          return;
        }
        deliverMatching(page.events());
        if (page.events().size() < PAGE) {
          pause();
        }
      }
    } finally {
      onEnd.accept(this);
    }
  }

  private void deliverMatching(List<WatchEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    after = events.get(events.size() - 1).revision();
    List<WatchEvent> matching = events.stream().filter(e -> e.key().startsWith(prefix)).toList();
    if (!matching.isEmpty()) {
      deliver(() -> listener.onEvents(matching));
    }
  }

  private void deliver(Runnable callback) {
    if (closed) {
      return;
    }
    try {
      callback.run();
    } catch (RuntimeException e) {
      // A faulty listener must not end the watch for the changes after it.
      LOG.log(Level.WARNING, "cannot deliver to the watch listener on " + prefix + ": it threw; the watch goes on",
          e);
    }
  }

  private void pause() {
    try {
      stop.await(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }
}
