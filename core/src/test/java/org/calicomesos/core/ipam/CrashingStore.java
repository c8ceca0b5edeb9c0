package org.calicomesos.core.ipam;

import java.util.Optional;
import org.calicomesos.ports.kv.DatastoreUnavailableException;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Listing;
import org.calicomesos.ports.kv.Watch;
import org.calicomesos.ports.kv.WatchListener;
import org.calicomesos.ports.kv.WriteOutcome;

/** Passes through to a store until armed; then the next write under a prefix fails as if the process died. */
final class CrashingStore implements KeyValueStore {
  private final KeyValueStore delegate;
  private volatile String crashPrefix;

  CrashingStore(KeyValueStore delegate) {
    this.delegate = delegate;
  }

  void crashOnNextWriteUnder(String prefix) {
    crashPrefix = prefix;
  }

  private void maybeCrash(String key) {
    String prefix = crashPrefix;
    if (prefix != null && key.startsWith(prefix)) {
      crashPrefix = null;
      throw new DatastoreUnavailableException("test store", "process killed before writing " + key, null);
    }
  }

  @Override
  public Optional<Entry> get(String key) {
    return delegate.get(key);
  }

  @Override
  public Listing list(String prefix) {
    return delegate.list(prefix);
  }

  @Override
  public WriteOutcome create(String key, String value) {
    maybeCrash(key);
    return delegate.create(key, value);
  }

  @Override
  public WriteOutcome update(String key, String value, long expectedRevision) {
    maybeCrash(key);
    return delegate.update(key, value, expectedRevision);
  }

  @Override
  public WriteOutcome delete(String key, long expectedRevision) {
    maybeCrash(key);
    return delegate.delete(key, expectedRevision);
  }

  @Override
  public Watch watch(String prefix, long afterRevision, WatchListener listener) {
    return delegate.watch(prefix, afterRevision, listener);
  }

  @Override
  public String describe() {
    return delegate.describe();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
