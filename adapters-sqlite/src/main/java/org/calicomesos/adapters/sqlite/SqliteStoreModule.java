package org.calicomesos.adapters.sqlite;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Named;
import java.nio.file.Path;
import java.time.Duration;
import org.calicomesos.ports.kv.KeyValueStore;

/**
 * Offers the embedded store under the name {@code sqlite}; the composition root decides whether to use
 * it, through a {@code Provider}, so SQLite is never loaded unless chosen.
 */
@Module
public final class SqliteStoreModule {
  private SqliteStoreModule() {}

  @Provides
  @Named("sqlite")
  static KeyValueStore sqliteStore(@Named("sqlite.path") Path file, @Named("request.timeout") Duration timeout) {
    // A request never waits longer for the file's write lock than it may take in all.
    return SqliteKeyValueStore.open(file, timeout);
  }
}
