package org.calicomesos.app;

import inet.ipaddr.IPAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.calicomesos.adapters.etcd.EtcdKeyValueStore;
import org.calicomesos.core.ipam.AllocateAddressesService;
import org.calicomesos.core.ipam.IpamSettings;
import org.calicomesos.ports.ipam.AllocateCommand;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.HandleId;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.schema.DatastoreKeys;

/**
 * Route convergence (docs/benchmarks.md): the time from the start of an allocation that claims a fresh block for
 * host 2 (64 addresses: one whole /26) to that block's route appearing in host 1's kernel, as {@code ip monitor
 * route} in host 1's namespace sees it. Printed, and written to {@code target/route-convergence.txt}.
 */
final class RouteConvergenceTiming {
  static final String POOL = "198.19.0.0/16";
  private static final Duration PATIENCE = Duration.ofSeconds(15);

  private final HostNamespaces network;
  private final String etcdUrl;
  private final Map<String, String> host2;
  private final Map<String, Long> seen = new ConcurrentHashMap<>();

  RouteConvergenceTiming(HostNamespaces network, String etcdUrl, Map<String, String> host2) {
    this.network = network;
    this.etcdUrl = etcdUrl;
    this.host2 = host2;
  }

  void measure(int claims) throws Exception {
    Process monitor = new ProcessBuilder("ip", "-n", network.namespace(1), "monitor", "route").start();
    Thread reader = new Thread(() -> follow(monitor), "ip-monitor");
    reader.setDaemon(true);
    reader.start();
    try (KeyValueStore store = EtcdKeyValueStore.open(Map.of("ETCD_ENDPOINTS", etcdUrl), Duration.ofSeconds(10))) {
      AllocateAddressesService allocate = new AllocateAddressesService(store, new DatastoreKeys("/calico"),
          new IpamSettings(Addresses.parseCidr("pool", POOL), Addresses.parseCidr("pool", "fd80:24e2:f998:72d6::/64")));
      Thread.sleep(500); // ip monitor subscribes before the first claim
      List<Long> millis = new ArrayList<>();
      for (int i = 0; i < claims; i++) {
        long started = System.nanoTime();
        List<IPAddress> addresses = allocate.allocate(new AllocateCommand(new NodeName(host2.get("CALICO_NODENAME")),
            new HandleId("timing-" + i), 64, 0, Map.of())).ipv4();
        String block = addresses.get(addresses.size() - 1).toPrefixBlock(26).toCanonicalString();
        millis.add((awaitRoute(block) - started) / 1_000_000);
      }
      report(millis);
    } finally {
      monitor.destroyForcibly();
    }
  }

  private long awaitRoute(String block) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      Long at = seen.get(block);
      if (at != null) {
        return at;
      }
      Thread.sleep(1);
    }
    throw new AssertionError("no route to " + block + " on host 1 within " + PATIENCE);
  }

  /** Stamps each added route with when this JVM read it. */
  private void follow(Process monitor) {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(monitor.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        long now = System.nanoTime();
        if (!line.startsWith("Deleted") && line.contains(" via ")) {
          seen.putIfAbsent(line.substring(0, line.indexOf(' ')), now);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void report(List<Long> millis) throws IOException {
    List<Long> sorted = new ArrayList<>(millis);
    sorted.sort(null);
    String text = String.format("route convergence, block claimed on h2 -> route on h1, %d claims: median %d ms, "
            + "p99 %d ms, min %d ms, max %d ms; all: %s%n", sorted.size(), sorted.get(sorted.size() / 2),
        sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1), sorted.get(0), sorted.get(sorted.size() - 1), millis);
    System.out.print(text);
    Files.writeString(Path.of("target", "route-convergence.txt"), text);
  }
}
