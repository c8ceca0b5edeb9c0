package org.calicomesos.adapters.consul;

import java.time.Duration;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.testkit.kv.KeyValueStoreContract;
import org.calicomesos.testkit.server.ConsulServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The port's contract on a real Consul (one dev agent for the class; each test has its own key root). */
@ExtendWith(ConsulKeepsNoHistory.class)
class ConsulKeyValueStoreTest extends KeyValueStoreContract {
  private static ConsulServer consul;

  @BeforeAll
  static void startConsul() {
    consul = ConsulServer.start();
  }

  @AfterAll
  static void stopConsul() {
    if (consul != null) {
      consul.close();
    }
  }

  /** Consul lists the prefixes side by side (see {@link ConsulKeyValueStore#listAll}): one revision each. */
  @Override
  protected boolean readsSeveralRangesAtOnce() {
    return false;
  }

  @Override
  protected KeyValueStore newStore() {
    return ConsulKeyValueStore.open(ConsulSettings.of(consul.address(), Duration.ofSeconds(5)));
  }
}
