package org.calicomesos.adapters.memory;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.calicomesos.ports.kv.Watch;
import org.calicomesos.ports.kv.WatchEvent;
import org.calicomesos.ports.kv.WatchListener;

/** Delivers one watch's events on its own daemon thread, so a slow listener never blocks a writer. */
final class MemoryWatch implements Watch {
  private static final System.Logger LOG = System.getLogger(MemoryWatch.class.getName());
  /** How long close() waits for a delivery in progress, so no callback runs after it returns. */
  private static final long CLOSE_WAIT_MILLIS = 5_000;
  private static final Runnable STOP = () -> {};

  private final String prefix;
  private final WatchListener listener;
  private final Consumer<MemoryWatch> onClose;
  private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closed;

  MemoryWatch(String prefix, WatchListener listener, Consumer<MemoryWatch> onClose) {
    this.prefix = prefix;
    this.listener = listener;
    this.onClose = onClose;
    this.thread = new Thread(this::deliver, "memory-watch " + prefix);
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Queues the events under this watch's prefix; called with the store's lock held, so in revision order. */
  void offer(List<WatchEvent> events) {
    List<WatchEvent> matching = events.stream().filter(e -> e.key().startsWith(prefix)).toList();
    if (!matching.isEmpty()) {
      queue.add(() -> listener.onEvents(matching));
    }
  }

  /** Tells the listener its history is gone; the watch ends there, as the port says. */
  void compacted(long oldestAvailable) {
    queue.add(() -> listener.onCompacted(oldestAvailable));
    queue.add(STOP);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    onClose.accept(this);
    queue.add(STOP);
    if (Thread.currentThread() != thread) {
      try {
        thread.join(CLOSE_WAIT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void deliver() {
    try {
      for (Runnable next = queue.take(); next != STOP && !closed; next = queue.take()) {
        try {
          next.run();
        } catch (RuntimeException e) {
          // A faulty listener must not silently end the watch for the events after it.
          LOG.log(Level.WARNING, "cannot deliver to the watch listener on " + prefix + ": it threw; the watch goes on",
              e);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
