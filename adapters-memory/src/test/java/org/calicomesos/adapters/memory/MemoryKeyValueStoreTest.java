package org.calicomesos.adapters.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.WatchEvent;
import org.calicomesos.ports.kv.WriteOutcome;
import org.calicomesos.testkit.kv.KeyValueStoreContract;
import org.calicomesos.testkit.kv.RecordingWatchListener;
import org.junit.jupiter.api.Test;

/** The memory store passes the port's contract, and forgets history beyond its limit as etcd compacts. */
class MemoryKeyValueStoreTest extends KeyValueStoreContract {

  @Override
  protected KeyValueStore newStore() {
    return new MemoryKeyValueStore();
  }

  @Test
  void watchFromBeforeTheKeptHistoryIsToldItWasCompacted() {
    try (MemoryKeyValueStore small = new MemoryKeyValueStore(3)) {
      Entry first = written(small.create("/k", "0"));
      for (int i = 1; i <= 4; i++) {
        written(small.update("/k", String.valueOf(i), small.get("/k").orElseThrow().revision()));
      }
      RecordingWatchListener listener = new RecordingWatchListener();

      small.watch("/", first.revision(), listener);

      assertThat(listener.awaitCompacted(AWAIT)).isEqualTo(first.revision() + 2);
      assertThat(listener.events()).isEmpty();
    }
  }

  @Test
  void watchFromTheOldestKeptRevisionStillReplays() {
    try (MemoryKeyValueStore small = new MemoryKeyValueStore(3)) {
      for (int i = 0; i < 5; i++) {
        written(small.create("/k" + i, "v"));
      }
      RecordingWatchListener listener = new RecordingWatchListener();

      small.watch("/", 2, listener);

      List<WatchEvent> events = listener.awaitEvents(3, AWAIT);
      assertThat(events).extracting(WatchEvent::key).containsExactly("/k2", "/k3", "/k4");
      assertThat(listener.compactedAt()).isEmpty();
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
