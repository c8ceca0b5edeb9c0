package org.calicomesos.adapters.consul;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.calicomesos.ports.kv.DatastoreException;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.Listing;
import org.calicomesos.ports.kv.Watch;
import org.calicomesos.ports.kv.WatchEvent;
import org.calicomesos.ports.kv.WatchListener;
import org.kiwiproject.consul.KeyValueClient;
import org.kiwiproject.consul.model.kv.Value;
import retrofit2.Call;

/**
 * A watch as a loop of Consul blocking queries on the prefix. Consul keeps no change history, only the
 * current entries and the prefix's index, so each answer is compared with the previous listing: a new or
 * re-indexed key is a put at its {@code ModifyIndex}, a vanished key a delete at the answer's index (the
 * earliest index at which the delete is known to have happened; Consul does not say when exactly).
 * Several changes to one key between two answers arrive as its latest value.
 */
final class ConsulWatch implements Watch {
  private static final String WAIT = ConsulHttp.WATCH_WAIT.toSeconds() + "s";

  private final ConsulReads reads;
  private final KeyValueClient.Api api;
  private final String prefix;
  private final WatchListener listener;
  private final Runnable onEnd;
  private final ReentrantLock delivering = new ReentrantLock();
  private final Thread thread;
  private volatile boolean closed;
  private volatile Call<List<Value>> inFlight;

  /**
   * @param from the listing the changes are relative to (the state at the watch's start revision)
   * @param now the prefix as read when the watch started, at or after {@code from}
   * @param compactedAt when positive, the start revision could not be proven complete: the listener is
   *     only told {@code onCompacted(compactedAt)}
   */
  ConsulWatch(ConsulReads reads, KeyValueClient.Api api, String prefix, WatchListener listener, Listing from,
      Listing now, long compactedAt, Runnable onEnd) {
    this.reads = reads;
    this.api = api;
    this.prefix = prefix;
    this.listener = listener;
    this.onEnd = onEnd;
    this.thread = new Thread(() -> run(from, now, compactedAt), "consul-watch " + prefix);
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  @Override
  public void close() {
    closed = true;
    Call<List<Value>> call = inFlight;
    if (call != null) {
      call.cancel();
    }
    if (Thread.currentThread() != thread) {
      // Waits out a callback in progress, so none runs once close() has returned.
      delivering.lock();
      delivering.unlock();
    }
  }

  private void run(Listing from, Listing now, long compactedAt) {
    try {
      if (compactedAt > 0) {
        deliver(l -> l.onCompacted(compactedAt));
        return;
      }
      Listing previous = from;
      Listing current = now;
      while (!closed) {
        List<WatchEvent> events = changes(previous, current);
        if (!events.isEmpty()) {
          deliver(l -> l.onEvents(events));
        }
        previous = current;
        current = next(current.revision());
      }
    } catch (DatastoreException e) {
      if (!closed) {
        deliver(l -> l.onError(e));
      }
    } catch (RuntimeException e) {
      if (!closed) {
        deliver(l -> l.onError(new DatastoreException("cannot watch " + prefix + ": " + e, e)));
      }
    } finally {
      onEnd.run();
    }
  }

  private Listing next(long index) {
    Call<List<Value>> call = reads.blockingList(api, prefix, index, WAIT);
    inFlight = call;
    if (closed) {
      call.cancel();
    }
    Listing answer = reads.list(call, prefix);
    // Consul's documented rule: an index that goes backwards (a snapshot restore, reaped tombstones) means
    // start over from 0. The comparison of listings stays correct either way.
    return answer.revision() < index ? new Listing(answer.entries(), 0) : answer;
  }

  static List<WatchEvent> changes(Listing before, Listing after) {
    Map<String, Entry> old = new HashMap<>();
    before.entries().forEach(entry -> old.put(entry.key(), entry));
    List<WatchEvent> events = new ArrayList<>();
    for (Entry entry : after.entries()) {
      Entry was = old.remove(entry.key());
      if (was == null || was.revision() != entry.revision()) {
        events.add(WatchEvent.put(entry));
      }
    }
    long deletedAt = Math.max(after.revision(), before.revision());
    old.keySet().stream().sorted().forEach(key -> events.add(WatchEvent.delete(key, deletedAt)));
    // Stable: at one revision, deletes (added last) stay after puts.
    events.sort(Comparator.comparingLong(WatchEvent::revision));
    return List.copyOf(events);
  }

  private void deliver(Consumer<WatchListener> callback) {
    delivering.lock();
    try {
      if (!closed) {
        callback.accept(listener);
      }
    } finally {
      delivering.unlock();
    }
  }
}
