package org.calicomesos.adapters.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import io.etcd.jetcd.Client;
import java.time.Duration;
import java.util.Map;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.testkit.kv.KeyValueStoreContract;
import org.calicomesos.testkit.kv.RecordingWatchListener;
import org.calicomesos.testkit.server.EtcdServer;
import org.calicomesos.testkit.server.ServerPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The etcd store passes the port's contract on a real etcd, one server for the whole class. */
class EtcdKeyValueStoreTest extends KeyValueStoreContract {
  @RegisterExtension static final ServerPerClass<EtcdServer> etcd = new ServerPerClass<>(EtcdServer::start);

  @Override
  protected KeyValueStore newStore() {
    return EtcdKeyValueStore.open(Map.of("ETCD_ENDPOINTS", etcd.server().clientUrl()), Duration.ofSeconds(5));
  }

  @Test
  void describeNamesTheEndpoints() {
    assertThat(store.describe()).isEqualTo("etcd at " + etcd.server().clientUrl());
  }

  @Test
  void watchFromACompactedRevisionIsToldWhereHistoryNowStarts() throws Exception {
    Entry first = written(store.create(key("k"), "0"));
    long latest = first.revision();
    for (int i = 1; i <= 3; i++) {
      latest = written(store.update(key("k"), String.valueOf(i), latest)).revision();
    }
    try (Client admin = Client.builder().endpoints(etcd.server().clientUrl()).build()) {
      admin.getKVClient().compact(latest).get();
    }
    RecordingWatchListener listener = new RecordingWatchListener();

    store.watch(key(""), first.revision(), listener);

    assertThat(listener.awaitCompacted(AWAIT)).isEqualTo(latest);
    assertThat(listener.events()).isEmpty();
  }
}
