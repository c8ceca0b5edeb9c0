package org.calicomesos.app.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.calicomesos.adapters.sqlite.SqliteKeyValueStore;
import org.calicomesos.core.ipam.AllocateAddressesService;
import org.calicomesos.core.ipam.IpamChecker;
import org.calicomesos.core.ipam.IpamSettings;
import org.calicomesos.core.ipam.ReleaseAddressesService;
import org.calicomesos.ports.ipam.AllocateCommand;
import org.calicomesos.ports.ipam.IpamCheckReport;
import org.calicomesos.ports.ipam.ReleaseCommand;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight threads, each with its own connection to one SQLite file (as separate plugin processes would
 * have), two per node name, allocate 2000 addresses between them at once.
 */
class SqliteIpamConcurrencyTest {
  private static final int THREADS = 8;
  private static final int REQUESTS_PER_THREAD = 50;
  private static final int ADDRESSES_PER_REQUEST = 5;
  private static final DatastoreKeys KEYS = new DatastoreKeys("/calico");
  private static final IpamSettings SETTINGS = new IpamSettings(
      Addresses.parseCidr("v4", "10.64.0.0/16"), Addresses.parseCidr("v6", "fd80:24e2:f998:72d6::/64"));

  @TempDir
  Path dir;

  @Test
  void eight_threads_on_four_hosts_never_hand_out_an_address_twice() throws Exception {
    Path file = dir.resolve("store.db");
    List<String> uids = Collections.synchronizedList(new ArrayList<>());
    List<IPAddress> assigned = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      NodeName node = new NodeName("agent-" + (t % 4));
      int thread = t;
      workers.add(pool.submit(() -> {
        try (KeyValueStore store = SqliteKeyValueStore.open(file)) {
          AllocateAddressesService allocate = new AllocateAddressesService(store, KEYS, SETTINGS);
          start.await();
          for (int r = 0; r < REQUESTS_PER_THREAD; r++) {
            String uid = "t" + thread + "-r" + r;
            uids.add(uid);
            assigned.addAll(allocate.allocate(
                new AllocateCommand(node, new HandleId(uid), ADDRESSES_PER_REQUEST, 0, Map.of())).ipv4());
          }
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> worker : workers) {
      worker.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();

    assertThat(assigned).hasSize(THREADS * REQUESTS_PER_THREAD * ADDRESSES_PER_REQUEST);
    assertThat(new HashSet<>(assigned)).hasSameSizeAs(assigned);
    try (KeyValueStore store = SqliteKeyValueStore.open(file)) {
      IpamCheckReport afterAllocation = new IpamChecker(store, KEYS, SETTINGS).check();
      assertThat(afterAllocation.problems()).isEmpty();
      assertThat(afterAllocation.allocated()).isEqualTo(assigned.size());

      ReleaseAddressesService release = new ReleaseAddressesService(store, KEYS, SETTINGS);
      long released = 0;
      for (String uid : uids) {
        released += release.release(new ReleaseCommand.ByHandle(new HandleId(uid))).released().size();
      }
      assertThat(released).isEqualTo(assigned.size());

      IpamCheckReport afterRelease = new IpamChecker(store, KEYS, SETTINGS).check();
      assertThat(afterRelease.problems()).isEmpty();
      assertThat(afterRelease.allocated()).isZero();
      assertThat(afterRelease.handles()).isZero();
    }
  }
}
