package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import org.calicomesos.testkit.server.ConsulServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight launcher processes at a time, each as a different agent host, allocate REQUESTS times each (fresh uids)
 * on one real Consul, starting from an empty store. No address may be handed out twice, the store must
 * check clean, and release by uid must free everything.
 */
class ConsulStormIT {
  private static final int HOSTS = 8;
  /**
   * Allocations per host. The full storm is 8 x 100 ({@code mvn verify -Dstorm.requests=100}; it passed at that size,
   * see docs/benchmarks.md, "Correctness at scale"); CI runs 8 x 4, as for etcd: every request is a fresh JVM, and
   * 1600 of them do not fit CI's time on two cores.
   */
  private static final int REQUESTS = Integer.getInteger("storm.requests", 4);
  private static ConsulServer consul;

  @TempDir
  Path dir;

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

  @Test
  void eight_hosts_at_once_never_get_the_same_address_and_release_by_uid_frees_them_all() throws Exception {
    LauncherStorm storm = new LauncherStorm(dir, host -> Map.of(
        "CONSUL_HTTP_ADDR", consul.address(),
        // Eight JVMs starting at once on a small CI machine: the storm tests correctness, not latency.
        "CALICO_REQUEST_TIMEOUT", "60",
        "CALICO_LOG_FILE", dir.resolve("isolator-" + host + ".log").toString(),
        "CALICO_NODENAME", "agent" + host));

    LauncherStorm.Allocations allocations = storm.allocate(HOSTS, REQUESTS, 1);

    assertThat(allocations.addresses()).hasSize(HOSTS * REQUESTS);
    assertThat(new HashSet<>(allocations.addresses())).hasSameSizeAs(allocations.addresses());
    JsonNode check = storm.ipamCheck();
    assertThat(check.get("problems")).isEmpty();
    assertThat(check.get("allocated").asLong()).isEqualTo(HOSTS * REQUESTS);

    storm.releaseAll(HOSTS, allocations.uids());

    JsonNode after = storm.ipamCheck();
    assertThat(after.get("problems")).isEmpty();
    assertThat(after.get("allocated").asLong()).isZero();
    assertThat(after.get("handles").asLong()).isZero();
  }
}
