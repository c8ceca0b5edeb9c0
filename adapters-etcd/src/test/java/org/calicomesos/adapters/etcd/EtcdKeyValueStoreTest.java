package org.calicomesos.adapters.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.etcd.jetcd.Client;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.calicomesos.ports.kv.DatastoreException;
import org.calicomesos.ports.kv.DatastoreUnavailableException;
import org.calicomesos.ports.kv.Entry;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.kv.Listing;
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
  void listAllOfTheEmptyPrefixIsTheWholeKeySpaceAsListHasIt() {
    written(store.create(key("a"), "1"));

    List<Listing> listings = store.listAll(List.of("", key("")));

    assertThat(listings.get(0).entries()).isEqualTo(store.list("").entries())
        .containsAll(listings.get(1).entries()).isNotEmpty();
  }

  @Test
  void listAllOfMorePrefixesThanOneTransactionMayHoldIsRefusedNotSplit() {
    // etcd's --max-txn-ops (128 by default): split, the listings would no longer share one revision.
    List<String> prefixes = IntStream.range(0, 129).mapToObj(i -> key(i + "/")).toList();

    assertThatThrownBy(() -> store.listAll(prefixes)).isInstanceOf(DatastoreException.class)
        .isNotInstanceOf(DatastoreUnavailableException.class).hasMessageContaining("too many operations");
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
