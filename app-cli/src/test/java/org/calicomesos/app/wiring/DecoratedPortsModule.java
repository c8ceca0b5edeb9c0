package org.calicomesos.app.wiring;

import dagger.Module;
import dagger.Provides;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.calicomesos.adapters.consul.ConsulStore;
import org.calicomesos.adapters.consul.ConsulStoreModule;
import org.calicomesos.adapters.etcd.EtcdStore;
import org.calicomesos.adapters.etcd.EtcdStoreModule;
import org.calicomesos.adapters.iproute2.Iproute2;
import org.calicomesos.adapters.iproute2.Iproute2DataplaneModule;
import org.calicomesos.adapters.memory.MemoryStore;
import org.calicomesos.adapters.memory.MemoryStoreModule;
import org.calicomesos.adapters.netlink.Netlink;
import org.calicomesos.adapters.netlink.NetlinkDataplaneModule;
import org.calicomesos.adapters.sqlite.SqliteFile;
import org.calicomesos.adapters.sqlite.SqliteStore;
import org.calicomesos.adapters.sqlite.SqliteStoreModule;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.kv.KeyValueStore;

/**
 * {@link DatastoreModule} and {@link DataplaneModule} with {@link PortDecorators} around what they choose: the same
 * choice (their own provider methods make it), so the decorated graph differs from production in the wrapper only.
 */
@Module(includes = {MemoryStoreModule.class, SqliteStoreModule.class, EtcdStoreModule.class, ConsulStoreModule.class,
    NetlinkDataplaneModule.class, Iproute2DataplaneModule.class})
interface DecoratedPortsModule {

  @Provides
  @Singleton
  static KeyValueStore keyValueStore(Configuration configuration, OpenResources resources, PortDecorators decorators,
      @SqliteStore Provider<KeyValueStore> sqlite, @MemoryStore Provider<KeyValueStore> memory,
      @EtcdStore Provider<KeyValueStore> etcd, @ConsulStore Provider<KeyValueStore> consul) {
    return decorators.store(DatastoreModule.keyValueStore(configuration, resources, sqlite, memory, etcd, consul));
  }

  @Provides
  @SqliteFile
  static Path sqlitePath(Configuration configuration) {
    return DatastoreModule.sqlitePath(configuration);
  }

  @Provides
  @Singleton
  static Dataplane dataplane(Configuration configuration, PortDecorators decorators,
      @Netlink Provider<Dataplane> netlink, @Iproute2 Provider<Dataplane> iproute2) {
    return decorators.dataplane(DataplaneModule.dataplane(configuration, netlink, iproute2));
  }
}
