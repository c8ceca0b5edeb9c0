package org.calicomesos.app.ipam;

import java.util.concurrent.atomic.LongAdder;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.WriteOutcome;
import org.calicomesos.testkit.kv.ForwardingKeyValueStore;

/** Passes everything through and counts conditional writes and lost compares (each one a compare-and-swap retry). */
public final class CountingStore extends ForwardingKeyValueStore {
  public final LongAdder writes = new LongAdder();
  final LongAdder lostCompares = new LongAdder();

  public CountingStore(KeyValueStore store) {
    super(store);
  }

  @Override
  public WriteOutcome create(String key, String value) {
    return counted(super.create(key, value));
  }

  @Override
  public WriteOutcome update(String key, String value, long expectedRevision) {
    return counted(super.update(key, value, expectedRevision));
  }

  @Override
  public WriteOutcome delete(String key, long expectedRevision) {
    return counted(super.delete(key, expectedRevision));
  }

  private WriteOutcome counted(WriteOutcome outcome) {
    writes.increment();
    if (outcome instanceof WriteOutcome.Conflict || outcome instanceof WriteOutcome.Missing) {
      lostCompares.increment();
    }
    return outcome;
  }
}
