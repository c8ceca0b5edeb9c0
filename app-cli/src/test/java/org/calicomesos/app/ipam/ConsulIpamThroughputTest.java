package org.calicomesos.app.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import inet.ipaddr.IPAddress;
import java.time.Duration;
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
import java.util.concurrent.atomic.AtomicLong;
import org.calicomesos.adapters.consul.ConsulKeyValueStore;
import org.calicomesos.adapters.consul.ConsulSettings;
import org.calicomesos.core.ipam.AllocateAddressesService;
import org.calicomesos.core.ipam.IpamChecker;
import org.calicomesos.core.ipam.IpamSettings;
import org.calicomesos.ports.ipam.AllocateCommand;
import org.calicomesos.ports.ipam.IpamCheckReport;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;
import org.calicomesos.testkit.server.ConsulServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * In-process IPAM on a real Consul, 1 and 8 hosts at once (a thread and a store each, as separate agents
 * would have), each under its own key prefix so the runs do not share state. Asserts correctness and
 * prints allocations per second and lost compare-and-swaps per allocation (docs/benchmarks.md).
 */
class ConsulIpamThroughputTest {
  private static final int ALLOCATIONS = 400;
  private static final IpamSettings SETTINGS = new IpamSettings(
      Addresses.parseCidr("v4", "10.64.0.0/16"), Addresses.parseCidr("v6", "fd80:24e2:f998:72d6::/64"));
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

  @ParameterizedTest
  @ValueSource(ints = {1, 8})
  void hosts_allocating_at_once_never_share_an_address(int hosts) throws Exception {
    DatastoreKeys keys = new DatastoreKeys("/throughput" + hosts);
    AtomicLong lostCompares = new AtomicLong();
    List<IPAddress> assigned = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(hosts);
    List<Future<?>> workers = new ArrayList<>();
    for (int h = 0; h < hosts; h++) {
      int host = h;
      workers.add(pool.submit(() -> {
        try (CountingStore store = new CountingStore(open())) {
          AllocateAddressesService allocate = new AllocateAddressesService(store, keys, SETTINGS);
          start.await();
          for (int r = 0; r < ALLOCATIONS / hosts; r++) {
            assigned.addAll(allocate.allocate(new AllocateCommand(new NodeName("agent" + host),
                new HandleId("h" + host + "-r" + r), 1, 0, Map.of())).ipv4());
          }
          lostCompares.addAndGet(store.lostCompares.sum());
        }
        return null;
      }));
    }
    long started = System.nanoTime();
    start.countDown();
    for (Future<?> worker : workers) {
      worker.get(5, TimeUnit.MINUTES);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    pool.shutdown();

    assertThat(assigned).hasSize(ALLOCATIONS);
    assertThat(new HashSet<>(assigned)).hasSameSizeAs(assigned);
    try (KeyValueStore store = open()) {
      IpamCheckReport check = new IpamChecker(store, keys, SETTINGS).check();
      assertThat(check.problems()).isEmpty();
      assertThat(check.allocated()).isEqualTo(ALLOCATIONS);
    }
    System.out.printf("consul ipam throughput: %d host(s), %d allocations in %.2f s = %.0f allocations/s, "
        + "%.3f lost compares per allocation%n", hosts, ALLOCATIONS, seconds, ALLOCATIONS / seconds,
        lostCompares.get() / (double) ALLOCATIONS);
  }

  private static KeyValueStore open() {
    return ConsulKeyValueStore.open(ConsulSettings.of(consul.address(), Duration.ofSeconds(10)));
  }
}
