package org.calicomesos.app.wiring;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.calicomesos.adapters.etcd.EtcdStore;
import org.calicomesos.adapters.etcd.EtcdStoreModule;
import org.calicomesos.adapters.consul.ConsulStore;
import org.calicomesos.adapters.consul.ConsulStoreModule;
import org.calicomesos.adapters.memory.MemoryStore;
import org.calicomesos.adapters.memory.MemoryStoreModule;
import org.calicomesos.adapters.sqlite.SqliteFile;
import org.calicomesos.adapters.sqlite.SqliteStore;
import org.calicomesos.adapters.sqlite.SqliteStoreModule;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.ports.kv.KeyValueStore;

/**
 * Chooses the one {@link KeyValueStore} the configuration names. The adapters arrive as {@link Provider}s,
 * so the ones not chosen are never constructed and their classes never loaded (start-up cost).
 */
@Module(includes = {MemoryStoreModule.class, SqliteStoreModule.class, EtcdStoreModule.class,
    ConsulStoreModule.class})
interface DatastoreModule {

  @Provides
  @Singleton
  static KeyValueStore keyValueStore(Configuration configuration, OpenResources resources,
      @SqliteStore Provider<KeyValueStore> sqlite, @MemoryStore Provider<KeyValueStore> memory,
      @EtcdStore Provider<KeyValueStore> etcd,
      @ConsulStore Provider<KeyValueStore> consul) {
    KeyValueStore store;
    switch (configuration.datastore().kind()) {
      case SQLITE:
        store = sqlite.get();
        break;
      case MEMORY:
        store = memory.get();
        break;
      case ETCD:
        store = etcd.get();
        break;
      case CONSUL:
        store = consul.get();
        break;
      default:
        throw new UnsupportedDatastoreException(configuration.datastore());
    }
    resources.register(store);
    return store;
  }

  @Provides
  @SqliteFile
  static Path sqlitePath(Configuration configuration) {
    return configuration.sqlitePath();
  }
}
