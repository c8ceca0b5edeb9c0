package org.calicomesos.adapters.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.calicomesos.ports.kv.DatastoreException;
import org.calicomesos.ports.kv.DatastoreUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** A store whose file another process keeps locked fails within its busy timeout, and never hangs. */
class SqliteLockingTest {
  @TempDir Path dir;

  @Test
  void aWriteThatCannotHaveTheLockInTimeIsUnavailableNamingTheFile() throws Exception {
    Path file = dir.resolve("store.db");
    try (SqliteKeyValueStore store = SqliteKeyValueStore.open(file, Duration.ofMillis(300));
        Connection other = otherProcess(file);
        Statement holder = other.createStatement()) {
      holder.execute("BEGIN IMMEDIATE");
      long started = System.nanoTime();

      assertThatThrownBy(() -> store.create("/k", "v"))
          .isInstanceOf(DatastoreUnavailableException.class)
          .hasMessageStartingWith("cannot reach sqlite at " + file + ": cannot create \"/k\": ");
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isBetween(Duration.ofMillis(250), Duration.ofSeconds(5));

      // Readers are not blocked by a writer in WAL mode.
      assertThat(store.get("/k")).isEmpty();
      holder.execute("ROLLBACK");
      assertThat(store.create("/k", "v").landed()).isTrue();
    }
  }

  @Test
  void aFileWrittenByANewerSchemaIsRefused() throws Exception {
    Path file = dir.resolve("store.db");
    SqliteKeyValueStore.open(file).close();
    try (Connection other = otherProcess(file); Statement statement = other.createStatement()) {
      statement.execute("PRAGMA user_version = " + (SqliteSchema.VERSION + 1));
    }

    assertThatThrownBy(() -> SqliteKeyValueStore.open(file))
        .isInstanceOf(DatastoreException.class)
        .hasMessageContaining("schema version " + (SqliteSchema.VERSION + 1));
  }

  @Test
  void aClosedStoreRefusesWork() {
    SqliteKeyValueStore store = SqliteKeyValueStore.open(dir.resolve("store.db"));
    store.close();

    assertThatThrownBy(() -> store.get("/k")).isInstanceOf(DatastoreException.class).hasMessageContaining("closed");
  }

  /** A plain connection standing in for another process using the same file. */
  private static Connection otherProcess(Path file) throws Exception {
    SQLiteDataSource source = new SQLiteDataSource();
    source.setUrl("jdbc:sqlite:" + file);
    return source.getConnection();
  }
}
