package org.calicomesos.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.calicomesos.testkit.server.ConsulServer;
import org.calicomesos.testkit.server.EtcdServer;

/** Points a launcher's environment at one datastore: a SQLite file in the test's directory, or a fresh prefix on a shared etcd or Consul. */
final class LauncherDatastores {
  private LauncherDatastores() {}

  /** @param etcd and {@code consul} may be null when the test does not use them */
  static void use(String datastore, Map<String, String> env, Path dir, EtcdServer etcd, ConsulServer consul) {
    switch (datastore) {
      case "etcd" -> {
        env.put("ETCD_ENDPOINTS", etcd.clientUrl());
        env.put("CALICO_PREFIX", "/it-" + UUID.randomUUID());
      }
      case "consul" -> {
        env.put("CONSUL_HTTP_ADDR", consul.address());
        env.put("CALICO_PREFIX", "/it-" + UUID.randomUUID());
      }
      case "sqlite" -> env.put("CALICO_SQLITE_PATH", dir.resolve("store.db").toString());
      default -> throw new IllegalArgumentException("no datastore " + datastore);
    }
  }
}
