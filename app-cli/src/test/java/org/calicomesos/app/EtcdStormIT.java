package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import inet.ipaddr.IPAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.testkit.server.EtcdServer;
import org.calicomesos.testkit.server.ServerPerClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many agent hosts at once through the real launcher on one real etcd: the cross-host storm, and the race
 * for the last blocks of a pool with and without strict affinity. Each test has its own CALICO_PREFIX.
 */
class EtcdStormIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * Allocations per host. The full storm is 8 x 100 (run with {@code -Dstorm.requests=100}; its result is in
   * docs/benchmarks.md, "Correctness at scale"); each etcd request is a fresh JVM of ~1 CPU-second, so CI's default
   * keeps the same shape at 8 x 4 to stay within its time budget.
   */
  private static final int REQUESTS = Integer.getInteger("storm.requests", 4);
  /**
   * Hosts in each race for a pool of half as many /30 blocks: 16 in CI, 32 at the full size
   * ({@code -Dstorm.racers=32}). Every racer is a fresh JVM started at the same moment.
   */
  private static final int RACERS = Integer.getInteger("storm.racers", 16);
  private static final int BLOCKS = RACERS / 2;
  @RegisterExtension static final ServerPerClass<EtcdServer> etcd = new ServerPerClass<>(EtcdServer::start);

  @TempDir Path dir;

  @Test
  void eight_hosts_allocating_at_once_stay_distinct_and_affine_and_release_cleanly() throws Exception {
    String prefix = freshPrefix();
    LauncherStorm storm = new LauncherStorm(dir, host -> environment(prefix, host));
    admin(prefix, "pool", "add", "10.64.0.0/21", "--block-size", "26");

    Map<String, Integer> hostOf = new HashMap<>();
    List<String> uids = Collections.synchronizedList(new ArrayList<>());
    allAtOnce(8, host -> {
      for (int r = 0; r < REQUESTS; r++) {
        String uid = "storm-" + host + "-" + r + "-" + UUID.randomUUID();
        JsonNode response = storm.plugin(host, allocate(host, uid));
        uids.add(uid);
        synchronized (hostOf) {
          response.get("ipv4").forEach(ip -> assertThat(hostOf.put(ip.asText(), host)).as("address %s twice", ip).isNull());
        }
      }
    });

    assertThat(hostOf).hasSize(8 * REQUESTS);
    JsonNode blocks = admin(prefix, "ipam", "show", "--output", "json").get("blocks");
    for (Map.Entry<String, Integer> address : hostOf.entrySet()) {
      IPAddress ip = Addresses.parseAnyAddress("ip", address.getKey());
      JsonNode block = blockOf(blocks, ip);
      // A /21 of /26 blocks has room for every host's own blocks, so nobody needs to borrow here.
      assertThat(block.get("affinity").asText()).as("block of %s", ip).isEqualTo("agent" + address.getValue());
    }
    JsonNode check = storm.ipamCheck();
    assertThat(check.get("problems")).isEmpty();
    assertThat(check.get("allocated").asLong()).isEqualTo(8 * REQUESTS);

    storm.releaseAll(8, uids);

    JsonNode after = storm.ipamCheck();
    assertThat(after.get("problems")).isEmpty();
    assertThat(after.get("allocated").asLong()).isZero();
    assertThat(after.get("handles").asLong()).isZero();
  }

  @Test
  void twice_as_many_hosts_as_blocks_racing_all_get_an_address_and_each_block_one_host() throws Exception {
    String prefix = freshPrefix();
    LauncherStorm storm = new LauncherStorm(dir, host -> environment(prefix, host));
    admin(prefix, "pool", "add", racePool("10.96.0.0"), "--block-size", "30");

    List<JsonNode> responses = race(prefix);

    assertThat(responses).allSatisfy(r -> assertThat(r.get("error").isNull()).as(r.toString()).isTrue());
    assertThat(responses.stream().map(r -> r.get("ipv4").get(0).asText()).distinct()).hasSize(RACERS);
    JsonNode blocks = admin(prefix, "ipam", "show", "--output", "json").get("blocks");
    assertThat(blocks).hasSize(BLOCKS);
    List<String> owners = new ArrayList<>();
    blocks.forEach(block -> owners.add(block.get("affinity").asText()));
    assertThat(owners).doesNotContainNull().doesNotHaveDuplicates().allMatch(owner -> owner.startsWith("agent"));
    JsonNode check = storm.ipamCheck();
    assertThat(check.get("problems")).isEmpty();
    assertThat(check.get("allocated").asLong()).isEqualTo(RACERS);
  }

  @Test
  void with_strict_affinity_as_many_hosts_as_blocks_win_them_and_the_rest_are_told_why() throws Exception {
    String prefix = freshPrefix();
    LauncherStorm storm = new LauncherStorm(dir, host -> environment(prefix, host));
    admin(prefix, "pool", "add", racePool("10.97.0.0"), "--block-size", "30", "--strict-affinity");

    List<JsonNode> responses = race(prefix);

    List<JsonNode> won = responses.stream().filter(r -> r.get("error").isNull()).toList();
    List<JsonNode> lost = responses.stream().filter(r -> !r.get("error").isNull()).toList();
    assertThat(won).hasSize(BLOCKS);
    assertThat(lost).hasSize(RACERS - BLOCKS).allSatisfy(r -> assertThat(r.get("error").asText()).contains("strict affinity"));
    JsonNode check = storm.ipamCheck();
    assertThat(check.get("problems")).isEmpty();
    assertThat(check.get("allocated").asLong()).isEqualTo(BLOCKS);
    assertThat(check.get("handles").asLong()).isEqualTo(BLOCKS);
    assertThat(admin(prefix, "ipam", "show", "--output", "json").get("blocks")).hasSize(BLOCKS);
  }

  /** The pool of {@link #BLOCKS} /30 blocks at {@code network}. */
  private static String racePool(String network) {
    if (Integer.bitCount(BLOCKS) != 1) {
      throw new IllegalArgumentException("storm.racers must be twice a power of two, not " + RACERS);
    }
    return network + "/" + (32 - Integer.numberOfTrailingZeros(BLOCKS * 4));
  }

  /** {@link #RACERS} hosts, one allocation each, released together; every response, success or not. */
  private List<JsonNode> race(String prefix) throws Exception {
    List<JsonNode> responses = Collections.synchronizedList(new ArrayList<>());
    allAtOnce(RACERS, host -> {
      LauncherRun run = LauncherRun.of(LauncherStorm.LAUNCHER, dir, environment(prefix, host),
          allocate(host, "race-" + host + "-" + UUID.randomUUID()));
      responses.add(JSON.readTree(run.stdout()));
    });
    return responses;
  }

  private Map<String, String> environment(String prefix, int host) {
    return Map.of("ETCD_ENDPOINTS", etcd.server().clientUrl(), "CALICO_PREFIX", prefix,
        "CALICO_NODENAME", "agent" + host, "CALICO_LOG_FILE", dir.resolve("isolator.log").toString(),
        // The racers' JVMs start at once on a small CI machine: give them time, the race is what is tested here.
        "CALICO_REQUEST_TIMEOUT", "60");
  }

  /** An admin command as host 0; asserts it succeeded, and returns its JSON output when it printed JSON. */
  private JsonNode admin(String prefix, String... args) throws Exception {
    LauncherRun run = LauncherRun.of(LauncherStorm.LAUNCHER, dir, environment(prefix, 0), "", args);
    assertThat(run.status()).as("%s: %s %s", String.join(" ", args), run.stdout(), run.stderr()).isZero();
    return run.stdout().startsWith("{") ? JSON.readTree(run.stdout()) : JSON.nullNode();
  }

  private static JsonNode blockOf(JsonNode blocks, IPAddress ip) {
    for (JsonNode block : blocks) {
      if (Addresses.parseCidr("cidr", block.get("cidr").asText()).contains(ip)) {
        return block;
      }
    }
    throw new AssertionError(ip + " is in no block");
  }

  private static String allocate(int host, String uid) {
    return "{\"command\":\"allocate\",\"args\":{\"hostname\":\"agent" + host + "\",\"uid\":\"" + uid
        + "\",\"num_ipv4\":1,\"num_ipv6\":0}}";
  }

  private static String freshPrefix() {
    return "/storm-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Runs {@code work} for hosts 0..n-1 on n threads released together. */
  static void allAtOnce(int hosts, HostWork work) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(hosts);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Void>> running = new ArrayList<>();
      for (int h = 0; h < hosts; h++) {
        int host = h;
        running.add(threads.submit(() -> {
          start.await();
          work.run(host);
          return null;
        }));
      }
      start.countDown();
      for (Future<Void> future : running) {
        future.get(15, TimeUnit.MINUTES);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  /** What one simulated host does. */
  interface HostWork {
    void run(int host) throws Exception;
  }
}
