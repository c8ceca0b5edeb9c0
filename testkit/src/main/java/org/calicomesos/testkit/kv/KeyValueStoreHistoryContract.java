package org.calicomesos.testkit.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.WatchEvent;
import org.junit.jupiter.api.Test;

/**
 * For stores that keep a bounded history of changes: a watch from before the kept history is told it
 * was compacted, one from its oldest kept revision still replays. A generic test cannot force a store to
 * compact, so each adapter supplies a store that keeps exactly three revisions (typically as a
 * {@code @Nested} subclass of its {@link KeyValueStoreContract} test).
 */
public abstract class KeyValueStoreHistoryContract {

  /** A fresh, empty store that keeps the last three revisions of history. */
  protected abstract KeyValueStore storeKeepingThreeRevisions();

  @Test
  void watchFromBeforeTheKeptHistoryIsToldItWasCompacted() {
    try (KeyValueStore small = storeKeepingThreeRevisions()) {
      Entry first = KeyValueStoreContract.written(small.create("/k", "0"));
      for (int i = 1; i <= 4; i++) {
        KeyValueStoreContract.written(small.update("/k", String.valueOf(i), small.get("/k").orElseThrow().revision()));
      }
      RecordingWatchListener listener = new RecordingWatchListener();

      small.watch("/", first.revision(), listener);

      assertThat(listener.awaitCompacted(KeyValueStoreContract.AWAIT)).isEqualTo(first.revision() + 2);
      assertThat(listener.events()).isEmpty();
    }
  }

  @Test
  void watchFromTheOldestKeptRevisionStillReplays() {
    try (KeyValueStore small = storeKeepingThreeRevisions()) {
      for (int i = 0; i < 5; i++) {
        KeyValueStoreContract.written(small.create("/k" + i, "v"));
      }
      RecordingWatchListener listener = new RecordingWatchListener();

      small.watch("/", 2, listener);

      List<WatchEvent> events = listener.awaitEvents(3, KeyValueStoreContract.AWAIT);
      assertThat(events).extracting(WatchEvent::key).containsExactly("/k2", "/k3", "/k4");
      assertThat(listener.compactedAt()).isEmpty();
    }
  }
}
