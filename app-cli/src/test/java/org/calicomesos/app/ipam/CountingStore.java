package org.calicomesos.app.ipam;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Listing;
import org.calicomesos.ports.kv.Watch;
import org.calicomesos.ports.kv.WatchListener;
import org.calicomesos.ports.kv.WriteOutcome;

/** Passes every call through and counts the compare-and-swaps that lost (each one a retry in the IPAM). */
final class CountingStore implements KeyValueStore {
  private final KeyValueStore store;
  private final AtomicLong lostCompares;

  CountingStore(KeyValueStore store, AtomicLong lostCompares) {
    this.store = store;
    this.lostCompares = lostCompares;
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
    if (outcome instanceof WriteOutcome.Conflict) {
      lostCompares.incrementAndGet();
    }
    return outcome;
  }
}
