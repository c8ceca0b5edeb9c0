package org.calicomesos.adapters.sqlite;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Named;
import java.nio.file.Path;
import org.calicomesos.ports.kv.KeyValueStore;

/**
 * PLACEHOLDER until the SQLite adapter lands (being written in parallel): the module and provider the
 * composition root wires against, with the same signature; it refuses to build a store.
 */
@Module
public final class SqliteStoreModule {
  private SqliteStoreModule() {}

  @Provides
  @Named("sqlite")
  static KeyValueStore sqliteStore(@Named("sqlite.path") Path file) {
    throw new UnsupportedOperationException("the SQLite store is not in this build yet (placeholder for " + file + ")");
  }
}
