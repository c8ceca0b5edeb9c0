package org.calicomesos.app.ipam;

import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Listing;
import org.calicomesos.ports.kv.Watch;
import org.calicomesos.ports.kv.WatchListener;
import org.calicomesos.ports.kv.WriteOutcome;

/** Passes everything through and counts conditional writes and lost compares (each one a compare-and-swap retry). */
final class CountingStore implements KeyValueStore {
  final LongAdder writes = new LongAdder();
  final LongAdder lostCompares = new LongAdder();
  private final KeyValueStore store;

  CountingStore(KeyValueStore store) {
    this.store = store;
  }

  @Override
  public Optional<Entry> get(String key) {
    return store.get(key);
  }

  @Override
  public Listing list(String prefix) {
    return store.list(prefix);
  }

  @Override
  public WriteOutcome create(String key, String value) {
    return counted(store.create(key, value));
  }

  @Override
  public WriteOutcome update(String key, String value, long expectedRevision) {
    return counted(store.update(key, value, expectedRevision));
  }

  @Override
  public WriteOutcome delete(String key, long expectedRevision) {
    return counted(store.delete(key, expectedRevision));
  }

  @Override
  public Watch watch(String prefix, long afterRevision, WatchListener listener) {
    return store.watch(prefix, afterRevision, listener);
  }

  @Override
  public String describe() {
    return store.describe();
  }

  @Override
  public void close() {
    store.close();
  }

  private WriteOutcome counted(WriteOutcome outcome) {
    writes.increment();
    if (outcome instanceof WriteOutcome.Conflict || outcome instanceof WriteOutcome.Missing) {
      lostCompares.increment();
    }
    return outcome;
  }
}
