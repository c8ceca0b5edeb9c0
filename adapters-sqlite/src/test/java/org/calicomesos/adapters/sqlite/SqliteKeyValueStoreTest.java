package org.calicomesos.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.WatchEvent;
import org.calicomesos.testkit.kv.KeyValueStoreContract;
import org.calicomesos.testkit.kv.KeyValueStoreHistoryContract;
import org.calicomesos.testkit.kv.RecordingWatchListener;
import org.junit.jupiter.api.Nested;
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

  @Nested
  class WithAShortHistory extends KeyValueStoreHistoryContract {
    @Override
    protected KeyValueStore storeKeepingThreeRevisions() {
      return SqliteKeyValueStore.open(dir.resolve("small.db"), Duration.ofSeconds(5), 3, Duration.ofMillis(20));
    }
  }
}
