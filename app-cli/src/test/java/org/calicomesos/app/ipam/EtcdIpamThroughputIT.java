package org.calicomesos.app.ipam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.calicomesos.testkit.server.EtcdServer;
import org.junit.jupiter.api.Test;

/**
 * In-process IPAM throughput on a real etcd, for docs/benchmarks.md: 1 and 8 hosts at once (and 8 clients
 * sharing one host name), each with its own client, allocating one address per request under fresh uids. Prints allocations per second and
 * compare-and-swap retries (lost compares) per allocation; asserts only correctness.
 */
class EtcdIpamThroughputIT {
  private static final int ALLOCATIONS = 400;

  @Test
  void one_and_eight_hosts() throws Exception {
    try (EtcdServer etcd = EtcdServer.start()) {
      measure(etcd.clientUrl(), 1, 1);
      measure(etcd.clientUrl(), 8, 8);
      // Eight clients under one node name contend for the same block: this is where retries show.
      measure(etcd.clientUrl(), 8, 1);
    }
  }

  private static void measure(String url, int hosts, int names) throws Exception {
    try (EtcdIpam setup = EtcdIpam.fresh(url).withPool("10.64.0.0/21", 26, false)) {
      // Warm-up outside the clock: the JIT and each client's connection.
      setup.allocate4("warm-up", "warm-up", 1);
      List<CountingStore> counters = new ArrayList<>();
      List<EtcdIpam> clients = new ArrayList<>();
      for (int h = 0; h < hosts; h++) {
        CountingStore counter = new CountingStore(EtcdIpam.open(url));
        counters.add(counter);
        clients.add(setup.through(counter));
        clients.get(h).allocate4("host-" + h % names, "warm-up-" + h, 1);
      }
      counters.forEach(c -> { c.writes.reset(); c.lostCompares.reset(); });
      Set<String> addresses = ConcurrentHashMap.newKeySet();
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService threads = Executors.newFixedThreadPool(hosts);
      List<Future<?>> running = new ArrayList<>();
      for (int h = 0; h < hosts; h++) {
        int host = h;
        running.add(threads.submit(() -> {
          start.await();
          for (int r = 0; r < ALLOCATIONS / hosts; r++) {
            clients.get(host).allocate4("host-" + host % names, "uid-" + host + "-" + r, 1)
                .forEach(ip -> addresses.add(ip.toCanonicalString()));
          }
          return null;
        }));
      }
      long started = System.nanoTime();
      start.countDown();
      for (Future<?> f : running) {
        f.get(5, TimeUnit.MINUTES);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      threads.shutdown();
      long lost = counters.stream().mapToLong(c -> c.lostCompares.sum()).sum();
      long writes = counters.stream().mapToLong(c -> c.writes.sum()).sum();
      clients.forEach(EtcdIpam::close);

      assertThat(addresses).hasSize(ALLOCATIONS);
      assertThat(new HashSet<>(addresses)).hasSize(ALLOCATIONS);
      assertThat(setup.check().problems()).isEmpty();
      System.out.printf("etcd IPAM throughput: %d client(s) as %d host name(s), %d allocations in %.2f s = %.0f allocations/s;"
          + " %d conditional writes (%.2f per allocation), %d lost compares (%.3f CAS retries per allocation)%n",
          hosts, names, ALLOCATIONS, seconds, ALLOCATIONS / seconds, writes, writes / (double) ALLOCATIONS, lost,
          lost / (double) ALLOCATIONS);
    }
  }
}
