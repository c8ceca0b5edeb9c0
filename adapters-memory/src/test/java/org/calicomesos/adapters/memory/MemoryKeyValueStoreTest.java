package org.calicomesos.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.WatchEvent;
import org.calicomesos.ports.kv.WriteOutcome;
import org.calicomesos.testkit.kv.KeyValueStoreContract;
import org.calicomesos.testkit.kv.KeyValueStoreHistoryContract;
import org.calicomesos.testkit.kv.RecordingWatchListener;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The memory store passes the port's contract, and forgets history beyond its limit as etcd compacts. */
class MemoryKeyValueStoreTest extends KeyValueStoreContract {

  @Override
  protected KeyValueStore newStore() {
    return new MemoryKeyValueStore();
  }

  @Nested
  class WithAShortHistory extends KeyValueStoreHistoryContract {
    @Override
    protected KeyValueStore storeKeepingThreeRevisions() {
      return new MemoryKeyValueStore(3);
    }
  }

  @Test
  void aCompetingWriteSlipsInBeforeTheNextCompareAndSwap() {
    MemoryKeyValueStore memory = new MemoryKeyValueStore();
    Entry read = written(memory.create("/block", "a"));
    memory.beforeNextWrite("/block", () -> memory.update("/block", "other", read.revision()));

    WriteOutcome outcome = memory.update("/block", "b", read.revision());

    assertThat(outcome).isInstanceOf(WriteOutcome.Conflict.class);
    assertThat(((WriteOutcome.Conflict) outcome).current().value()).isEqualTo("other");
  }
}
