package org.calicomesos.app.wiring;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import org.calicomesos.adapters.etcd.EtcdKeyValueStore;
import org.calicomesos.adapters.etcd.RehearsalEtcdServer;
import org.calicomesos.adapters.memory.MemoryKeyValueStore;
import org.calicomesos.app.config.DatastoreKind;
import org.calicomesos.ports.kv.KeyValueStore;

/**
 * The agent's warm-up datastore. When the agent itself is on etcd: the etcd client against a
 * {@link RehearsalEtcdServer} in this process, so that the client, gRPC and Netty warm up with the rest (most of a
 * cold request's CPU is theirs). Otherwise, or when that server cannot start, a map.
 */
final class RehearsalStore implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(RehearsalStore.class.getName());

  private final KeyValueStore store;
  private final AutoCloseable server;

  private RehearsalStore(KeyValueStore store, AutoCloseable server) {
    this.store = store;
    this.server = server;
  }

  static RehearsalStore like(DatastoreKind agentDatastore, Duration requestTimeout) {
    if (agentDatastore != DatastoreKind.ETCD) {
      return new RehearsalStore(new MemoryKeyValueStore(), () -> { });
    }
    RehearsalEtcdServer server = null;
    try {
      server = RehearsalEtcdServer.start();
      return new RehearsalStore(EtcdKeyValueStore.open(Map.of("ETCD_ENDPOINTS", server.endpoint()), requestTimeout),
          server);
    } catch (IOException | RuntimeException e) {
      if (server != null) {
        server.close();
      }
      LOG.log(Level.WARNING, "the warm-up rehearses on a map instead of an etcd client: {0}", e.toString());
      return new RehearsalStore(new MemoryKeyValueStore(), () -> { });
    }
  }

  KeyValueStore keyValueStore() {
    return store;
  }

  @Override
  public void close() {
    store.close();
    try {
      server.close();
    } catch (Exception e) {
      LOG.log(Level.DEBUG, "the warm-up's etcd did not stop cleanly: {0}", e.toString());
    }
  }
}
