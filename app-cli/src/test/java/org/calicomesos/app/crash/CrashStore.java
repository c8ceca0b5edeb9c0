package org.calicomesos.app.crash;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * A datastore the matrix runs on, fresh for every step: SQLite, a new file in the step's directory; etcd, a new
 * prefix on the class's one etcd (a second etcd per step would cost more than the step).
 */
enum CrashStore {
  SQLITE {
    @Override
    void configure(Map<String, String> env, Step step) {
      env.put("CALICO_DATASTORE", "sqlite");
      env.put("CALICO_SQLITE_PATH", step.file().toString());
    }

    @Override
    void configure(ObjectNode network, Map<String, String> cniEnv, Step step) {
      network.put("datastore_type", "sqlite").put("sqlite_path", step.file().toString());
    }
  },
  ETCD {
    @Override
    void configure(Map<String, String> env, Step step) {
      env.put("CALICO_DATASTORE", "etcd");
      env.put("ETCD_ENDPOINTS", step.etcdUrl());
      env.put("CALICO_PREFIX", step.prefix());
    }

    // A network configuration has no field for the prefix: it comes from the runtime's environment, which a
    // runtime built on libcni passes on.
    @Override
    void configure(ObjectNode network, Map<String, String> cniEnv, Step step) {
      network.put("datastore_type", "etcdv3").put("etcd_endpoints", step.etcdUrl());
      cniEnv.put("CALICO_PREFIX", step.prefix());
    }
  };

  /** Points a net-modules or admin environment at this step's store. */
  abstract void configure(Map<String, String> env, Step step);

  /** Points a CNI network configuration (and, where it must, the runtime's environment) at this step's store. */
  abstract void configure(ObjectNode network, Map<String, String> cniEnv, Step step);

  String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Where one step keeps its store.
   *
   * @param file the SQLite file
   * @param prefix the etcd prefix ({@code CALICO_PREFIX}), one per step
   * @param etcdUrl the class's etcd, or null on SQLite
   */
  record Step(Path file, String prefix, String etcdUrl) {}
}
