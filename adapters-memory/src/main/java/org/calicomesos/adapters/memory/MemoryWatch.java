package org.calicomesos.adapters.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.calicomesos.ports.kv.Watch;
import org.calicomesos.ports.kv.WatchEvent;
import org.calicomesos.ports.kv.WatchListener;

/** Delivers one watch's events on its own daemon thread, so a slow listener never blocks a writer. */
final class MemoryWatch implements Watch {
  private static final List<WatchEvent> STOP = List.of();

  private final String prefix;
  private final WatchListener listener;
  private final Consumer<MemoryWatch> onClose;
  private final LinkedBlockingQueue<List<WatchEvent>> queue = new LinkedBlockingQueue<>();
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

  void offer(List<WatchEvent> events) {
    List<WatchEvent> matching = new ArrayList<>();
    for (WatchEvent event : events) {
      if (event.key().startsWith(prefix)) {
        matching.add(event);
      }
    }
    if (!matching.isEmpty() && !closed) {
      queue.add(matching);
    }
  }

  void compacted(long oldestAvailable) {
    closed = true;
    Thread notifier = new Thread(() -> listener.onCompacted(oldestAvailable), "memory-watch compacted");
    notifier.setDaemon(true);
    notifier.start();
    queue.add(STOP);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      onClose.accept(this);
    }
    queue.add(STOP);
  }

  private void deliver() {
    try {
      while (true) {
        List<WatchEvent> events = queue.take();
        if (events == STOP) {
          return;
        }
        if (!closed) {
          listener.onEvents(events);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
