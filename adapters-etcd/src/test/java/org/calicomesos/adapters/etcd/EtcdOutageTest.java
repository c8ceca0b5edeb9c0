package org.calicomesos.adapters.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.calicomesos.ports.kv.DatastoreUnavailableException;
import org.calicomesos.testkit.kv.KeyValueStoreContract;
import org.calicomesos.testkit.server.EtcdServer;
import org.calicomesos.testkit.server.FreePorts;
import org.junit.jupiter.api.Test;

/** etcd that is down or hung: every call fails within its deadline with "cannot reach etcd at ...". */
class EtcdOutageTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  @Test
  void nothingListeningFailsAtOnceNamingTheEndpoint() {
    String url = "http://127.0.0.1:" + FreePorts.take(1)[0];
    try (EtcdKeyValueStore store = EtcdKeyValueStore.open(Map.of("ETCD_ENDPOINTS", url), TIMEOUT)) {
      long started = System.nanoTime();

      assertThatThrownBy(() -> store.get("/k")).isInstanceOf(DatastoreUnavailableException.class)
          .hasMessage("cannot reach etcd at " + url + ": cannot read \"/k\": connection refused");
      assertThatThrownBy(() -> store.create("/k", "v")).isInstanceOf(DatastoreUnavailableException.class)
          .hasMessageStartingWith("cannot reach etcd at " + url + ": cannot create \"/k\": connection refused");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT);
    }
  }

  @Test
  void aHungEtcdFailsEachCallWithinItsDeadlineAndAWriteIsNotClaimed() {
    try (EtcdServer etcd = EtcdServer.start();
        EtcdKeyValueStore store = EtcdKeyValueStore.open(Map.of("ETCD_ENDPOINTS", etcd.clientUrl()), TIMEOUT)) {
      KeyValueStoreContract.written(store.create("/hung/k", "1"));
      etcd.process().pause(true);
      try {
        long started = System.nanoTime();
        assertThatThrownBy(() -> store.get("/hung/k")).isInstanceOf(DatastoreUnavailableException.class)
            .hasMessageContaining("cannot reach etcd at " + etcd.clientUrl() + ": cannot read \"/hung/k\": no answer");
        assertThatThrownBy(() -> store.create("/hung/other", "1")).isInstanceOf(DatastoreUnavailableException.class);
        // two calls of 60 % of the timeout each, and one read-back of 25 %, plus slack
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.multipliedBy(2));
      } finally {
        etcd.process().pause(false);
      }
      assertThat(store.get("/hung/k")).isPresent();
    }
  }

  @Test
  void aRestartedEtcdIsReachedAgainByTheSameStore() {
    try (EtcdServer etcd = EtcdServer.start();
        EtcdKeyValueStore store = EtcdKeyValueStore.open(Map.of("ETCD_ENDPOINTS", etcd.clientUrl()), TIMEOUT)) {
      KeyValueStoreContract.written(store.create("/restart/k", "1"));
      etcd.kill();
      assertThatThrownBy(() -> store.get("/restart/k")).isInstanceOf(DatastoreUnavailableException.class);
      etcd.restart();

      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (true) {
        try {
          assertThat(store.get("/restart/k")).isPresent();
          return;
        } catch (DatastoreUnavailableException stillDown) {
          if (System.nanoTime() > deadline) {
            throw stillDown;
          }
        }
      }
    }
  }
}
