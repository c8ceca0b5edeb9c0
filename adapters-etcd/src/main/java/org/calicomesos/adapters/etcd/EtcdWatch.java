package org.calicomesos.adapters.etcd;

import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.Watch.Watcher;
import io.etcd.jetcd.common.exception.CompactedException;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchResponse;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.calicomesos.ports.kv.DatastoreException;
import org.calicomesos.ports.kv.DatastoreUnavailableException;
import org.calicomesos.ports.kv.WatchEvent;
import org.calicomesos.ports.kv.WatchListener;

/**
 * One etcd watch on a prefix, from a revision. The port's watch ends at its first error, while jetcd's
 * would quietly resume; so any error ends it here and the listener decides what to do next.
 */
final class EtcdWatch implements org.calicomesos.ports.kv.Watch, io.etcd.jetcd.Watch.Listener {
  private static final System.Logger LOG = System.getLogger(EtcdWatch.class.getName());

  private final String datastore;
  private final String prefix;
  private final WatchListener listener;
  private final Consumer<EtcdWatch> onEnd;
  /** Held while a callback runs, so that close() returns only once none is running (unless called from one). */
  private final Object delivery = new Object();
  private volatile boolean closed;
  private volatile Watcher watcher;

  EtcdWatch(String datastore, String prefix, WatchListener listener, Consumer<EtcdWatch> onEnd) {
    this.datastore = datastore;
    this.prefix = prefix;
    this.listener = listener;
    this.onEnd = onEnd;
  }

  void start(io.etcd.jetcd.Watch client, long afterRevision) {
    WatchOption.Builder option = WatchOption.builder().isPrefix(true).withRevision(Math.max(1, afterRevision + 1));
    if (prefix.isEmpty()) {
      option = WatchOption.builder().withRange(EtcdKeyValueStore.bytes("\0")).withRevision(Math.max(1, afterRevision + 1));
    }
    watcher = client.watch(EtcdKeyValueStore.bytes(prefix.isEmpty() ? "\0" : prefix), option.build(), this);
    if (closed) {
      watcher.close();
    }
  }

  @Override
  public void onNext(WatchResponse response) {
    List<WatchEvent> events = new ArrayList<>(response.getEvents().size());
    for (io.etcd.jetcd.watch.WatchEvent event : response.getEvents()) {
      KeyValue kv = event.getKeyValue();
      switch (event.getEventType()) {
        case PUT -> events.add(WatchEvent.put(EtcdKeyValueStore.entry(kv)));
        case DELETE -> events.add(WatchEvent.delete(kv.getKey().toString(java.nio.charset.StandardCharsets.UTF_8),
            kv.getModRevision()));
        default -> { } // UNRECOGNIZED: nothing this version can deliver
      }
    }
    if (!events.isEmpty()) {
      deliver(() -> listener.onEvents(List.copyOf(events)), false);
    }
  }

  @Override
  public void onError(Throwable failure) {
    Throwable t = EtcdFailures.unwrap(failure);
    if (t instanceof CompactedException compacted) {
      deliver(() -> listener.onCompacted(compacted.getCompactedRevision()), true);
      return;
    }
    String cause = EtcdFailures.cause(t);
    DatastoreException error = EtcdFailures.unreachable(t)
        ? new DatastoreUnavailableException(datastore, "cannot watch \"" + prefix + "\": " + cause, t)
        : new DatastoreException("cannot watch \"" + prefix + "\": " + datastore + " refused: " + cause, t);
    deliver(() -> listener.onError(error), true);
  }

  @Override
  public void onCompleted() {
    // The stream ended without an error (the client is closing): nothing more will come.
    end();
  }

  @Override
  public void close() {
    synchronized (delivery) {
      closed = true;
    }
    end();
  }

  private void deliver(Runnable callback, boolean last) {
    synchronized (delivery) {
      if (closed) {
        return;
      }
      if (last) {
        closed = true;
      }
      try {
        callback.run();
      } catch (RuntimeException e) {
        // A faulty listener must not end the watch for the changes after it.
        LOG.log(Level.WARNING, "cannot deliver to the watch listener on " + prefix + ": it threw; the watch goes on",
            e);
      }
    }
    if (last) {
      end();
    }
  }

  private void end() {
    closed = true;
    Watcher current = watcher;
    if (current != null) {
      current.close();
    }
    onEnd.accept(this);
  }
}
