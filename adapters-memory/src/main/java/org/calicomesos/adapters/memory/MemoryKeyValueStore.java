package org.calicomesos.adapters.memory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Listing;
import org.calicomesos.ports.kv.Watch;
import org.calicomesos.ports.kv.WatchEvent;
import org.calicomesos.ports.kv.WatchListener;
import org.calicomesos.ports.kv.WriteOutcome;

/**
 * A {@link KeyValueStore} held in one process's memory: for unit tests and {@code CALICO_DATASTORE=memory}.
 * One lock orders every write, as a single etcd member would. Tests may slip a competing write between
 * a caller's read and its compare-and-swap with {@link #beforeNextWrite}.
 */
public final class MemoryKeyValueStore implements KeyValueStore {
  /** Changes kept for watches that start in the past; older ones count as compacted. */
  private static final int HISTORY_LIMIT = 10_000;

  private final int historyLimit;
  private final TreeMap<String, Entry> entries = new TreeMap<>();
  /** One event per revision, contiguous up to {@link #revision}. */
  private final ArrayDeque<WatchEvent> history = new ArrayDeque<>();
  private final Map<String, Runnable> interleaved = new HashMap<>();
  private final List<MemoryWatch> watches = new CopyOnWriteArrayList<>();
  private long revision;

  public MemoryKeyValueStore() {
    this(HISTORY_LIMIT);
  }

  /** A store that keeps only the last {@code historyLimit} changes for watches (tests of compaction). */
  MemoryKeyValueStore(int historyLimit) {
    if (historyLimit < 1) {
      throw new IllegalArgumentException("historyLimit must be positive, got " + historyLimit);
    }
    this.historyLimit = historyLimit;
  }

  /**
   * Runs {@code competingWrite} once, just before the next conditional write of {@code key} is
   * evaluated, as if another process had written in between. The competing write may use this store.
   */
  public void beforeNextWrite(String key, Runnable competingWrite) {
    synchronized (interleaved) {
      interleaved.put(key, competingWrite);
    }
  }

  @Override
  public synchronized Optional<Entry> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  @Override
  public synchronized Listing list(String prefix) {
    List<Entry> matching = new ArrayList<>();
    for (Entry entry : entries.tailMap(prefix, true).values()) {
      if (!entry.key().startsWith(prefix)) {
        break; // keys with the prefix sort together, right after the prefix itself
      }
      matching.add(entry);
    }
    return new Listing(matching, revision);
  }

  /** Every listing under the one lock, so no write falls between them and they share one revision. */
  @Override
  public synchronized List<Listing> listAll(List<String> prefixes) {
    return prefixes.stream().map(this::list).toList();
  }

  @Override
  public WriteOutcome create(String key, String value) {
    runInterleavedWrite(key);
    synchronized (this) {
      Entry current = entries.get(key);
      if (current != null) {
        return new WriteOutcome.Conflict(current);
      }
      return new WriteOutcome.Written(put(key, value));
    }
  }

  @Override
  public WriteOutcome update(String key, String value, long expectedRevision) {
    runInterleavedWrite(key);
    synchronized (this) {
      Optional<WriteOutcome> refused = refusal(key, expectedRevision);
      return refused.isPresent() ? refused.get() : new WriteOutcome.Written(put(key, value));
    }
  }

  @Override
  public WriteOutcome delete(String key, long expectedRevision) {
    runInterleavedWrite(key);
    synchronized (this) {
      Optional<WriteOutcome> refused = refusal(key, expectedRevision);
      if (refused.isPresent()) {
        return refused.get();
      }
      entries.remove(key);
      record(WatchEvent.delete(key, ++revision));
      return new WriteOutcome.Deleted(key);
    }
  }

  @Override
  public synchronized Watch watch(String prefix, long afterRevision, WatchListener listener) {
    MemoryWatch watch = new MemoryWatch(prefix, listener, watches::remove);
    long oldest = history.isEmpty() ? revision + 1 : history.peekFirst().revision();
    if (afterRevision + 1 < oldest) {
      watch.compacted(oldest);
      return watch;
    }
    List<WatchEvent> replay = new ArrayList<>();
    for (WatchEvent event : history) {
      if (event.revision() > afterRevision) {
        replay.add(event);
      }
    }
    // Registered under the store's lock, so no write falls between the replay and the live events.
    watches.add(watch);
    watch.offer(replay);
    return watch;
  }

  @Override
  public String describe() {
    return "memory store";
  }

  @Override
  public void close() {
    watches.forEach(MemoryWatch::close);
  }

  /** Why a write conditional on {@code expectedRevision} may not proceed, if it may not; call holding the lock. */
  private Optional<WriteOutcome> refusal(String key, long expectedRevision) {
    Entry current = entries.get(key);
    if (current == null) {
      return Optional.of(new WriteOutcome.Missing(key));
    }
    return current.revision() == expectedRevision ? Optional.empty() : Optional.of(new WriteOutcome.Conflict(current));
  }

  private Entry put(String key, String value) {
    Entry entry = new Entry(key, value, ++revision);
    entries.put(key, entry);
    record(WatchEvent.put(entry));
    return entry;
  }

  private void record(WatchEvent event) {
    history.addLast(event);
    if (history.size() > historyLimit) {
      history.removeFirst();
    }
    for (MemoryWatch watch : watches) {
      watch.offer(List.of(event));
    }
  }

  private void runInterleavedWrite(String key) {
    Runnable competing;
    synchronized (interleaved) {
      competing = interleaved.remove(key);
    }
    if (competing != null) {
      competing.run();
    }
  }
}
