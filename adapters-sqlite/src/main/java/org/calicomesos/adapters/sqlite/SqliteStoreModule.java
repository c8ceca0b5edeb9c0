package org.calicomesos.adapters.sqlite;

import dagger.Module;
import dagger.Provides;
import java.nio.file.Path;
import java.time.Duration;
import org.calicomesos.ports.kv.KeyValueStore;

/**
 * Offers the embedded store as {@link SqliteStore}; the composition root decides whether to use
 * it, through a {@code Provider}, so SQLite is never loaded unless chosen.
 */
@Module
public final class SqliteStoreModule {
  private SqliteStoreModule() {}

  @Provides
  @SqliteStore
  static KeyValueStore sqliteStore(@SqliteFile Path file, @SqliteRequestTimeout Duration timeout) {
    // A request never waits longer for the file's write lock than it may take in all.
    return SqliteKeyValueStore.open(file, timeout);
  }
}
