package org.calicomesos.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.WatchEvent;
import org.calicomesos.testkit.kv.KeyValueStoreContract;
import org.calicomesos.testkit.kv.RecordingWatchListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store passes the port's contract on a real file, and prunes watch history as etcd compacts. */
class SqliteKeyValueStoreTest extends KeyValueStoreContract {
  @TempDir Path dir;

  @Override
  protected KeyValueStore newStore() {
    return SqliteKeyValueStore.open(dir.resolve("store.db"));
  }

  @Test
  void describeNamesTheFile() {
    assertThat(store.describe()).isEqualTo("sqlite at " + dir.resolve("store.db"));
  }

  @Test
  void watchFromBeforeTheKeptHistoryIsToldItWasCompacted() {
    try (SqliteKeyValueStore small = smallHistoryStore()) {
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
    try (SqliteKeyValueStore small = smallHistoryStore()) {
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

  private SqliteKeyValueStore smallHistoryStore() {
    return SqliteKeyValueStore.open(dir.resolve("small.db"), Duration.ofSeconds(5), 3, Duration.ofMillis(20));
  }
}
