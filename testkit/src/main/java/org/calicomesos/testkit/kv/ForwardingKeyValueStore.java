package org.calicomesos.testkit.kv;

import java.util.List;
import java.util.Optional;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Listing;
import org.calicomesos.ports.kv.Watch;
import org.calicomesos.ports.kv.WatchListener;
import org.calicomesos.ports.kv.WriteOutcome;

/**
 * Passes every call to another store; a test decorator overrides only what it observes or breaks
 * (counting lost compares, failing a write as a killed process would).
 */
public abstract class ForwardingKeyValueStore implements KeyValueStore {
  private final KeyValueStore delegate;

  protected ForwardingKeyValueStore(KeyValueStore delegate) {
    this.delegate = delegate;
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
  public List<Listing> listAll(List<String> prefixes) {
    return delegate.listAll(prefixes);
  }

  @Override
  public WriteOutcome create(String key, String value) {
    return delegate.create(key, value);
  }

  @Override
  public WriteOutcome update(String key, String value, long expectedRevision) {
    return delegate.update(key, value, expectedRevision);
  }

  @Override
  public WriteOutcome delete(String key, long expectedRevision) {
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
