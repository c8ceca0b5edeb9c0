package org.calicomesos.core.ipam;

import org.calicomesos.ports.kv.DatastoreUnavailableException;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.WriteOutcome;
import org.calicomesos.testkit.kv.ForwardingKeyValueStore;

/** Passes through to a store until armed; then the next write under a prefix fails as if the process died. */
final class CrashingStore extends ForwardingKeyValueStore {
  private volatile String crashPrefix;

  CrashingStore(KeyValueStore delegate) {
    super(delegate);
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
  public WriteOutcome create(String key, String value) {
    maybeCrash(key);
    return super.create(key, value);
  }

  @Override
  public WriteOutcome update(String key, String value, long expectedRevision) {
    maybeCrash(key);
    return super.update(key, value, expectedRevision);
  }

  @Override
  public WriteOutcome delete(String key, long expectedRevision) {
    maybeCrash(key);
    return super.delete(key, expectedRevision);
  }
}
