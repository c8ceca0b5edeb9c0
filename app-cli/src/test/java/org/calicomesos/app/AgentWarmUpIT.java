package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.calicomesos.adapters.etcd.EtcdKeyValueStore;
import org.calicomesos.ports.kv.KeyValueStore;
import org.calicomesos.testkit.dataplane.KernelCommand;
import org.calicomesos.testkit.server.EtcdServer;
import org.calicomesos.testkit.server.ServerPerClass;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's warm-up as shipped (docs/operations.md, "The agent's warm-up"), through bin/calico-mesos on a real
 * etcd: it runs before the agent serves, {@code status} reports it, and it leaves nothing in the real datastore or
 * the kernel.
 */
class AgentWarmUpIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension static final ServerPerClass<EtcdServer> etcd = new ServerPerClass<>(EtcdServer::start);

  @TempDir Path dir;

  private Map<String, String> env;

  @BeforeEach
  void configure() {
    assumeFalse(SharedAgent.enabled(), "this test starts its own agent");
    env = new HashMap<>(Map.of(
        "CALICO_NODENAME", "warm-up-it-node",
        "CALICO_LOG_FILE", dir.resolve("isolator.log").toString(),
        "CALICO_IPV4POOL_CIDR", "198.18.44.0/22",
        "CALICO_AGENT_SOCKET", dir.resolve("agent.sock").toString(),
        "CALICO_METRICS_PORT", "off",
        "CALICO_AGENT_WARMUP", "3s")); // the default, said here because AgentProcess turns it off
    LauncherDatastores.use("etcd", env, dir, etcd.server(), null);
  }

  @AfterEach
  void removeBlackholes() {
    KernelCommand.attempt("ip", "-4", "route", "flush", "root", "198.18.44.0/22", "type", "blackhole", "proto", "196");
  }

  @Test
  void theAgentRehearsesBeforeServingReportsItAndLeavesNoTraceInTheDatastoreOrTheKernel() throws Exception {
    String linksBefore = KernelCommand.run("ip", "-o", "link", "show");
    boolean tableBefore = KernelCommand.attempt("nft", "list", "table", "inet", "calico_mesos").exitCode() == 0;
    Instant started = Instant.now();

    try (AgentProcess agent = AgentProcess.startServingOnly(dir, env)) {
      assertThat(agent.log()).containsPattern("warmed up: [1-9][0-9]* rounds of rehearsed requests");
      // Nothing the rehearsal did reached the kernel: no interface, no table.
      assertThat(KernelCommand.run("ip", "-o", "link", "show").lines().filter(line -> line.contains("cali")))
          .containsExactlyInAnyOrderElementsOf(linksBefore.lines().filter(line -> line.contains("cali")).toList());
      if (!tableBefore) {
        assertThat(KernelCommand.attempt("nft", "list", "table", "inet", "calico_mesos").exitCode()).isNotZero();
      }
      // Nor the real datastore: nothing at all was written there yet.
      try (KeyValueStore store = EtcdKeyValueStore.open(Map.of("ETCD_ENDPOINTS", etcd.server().clientUrl()),
          Duration.ofSeconds(5))) {
        assertThat(store.list("").entries()).noneMatch(entry -> entry.key().contains("warm-up-it-node")
            || entry.key().contains("/warm-up") || entry.value().contains("192.0.2."));
      }

      LauncherRun allocate = LauncherRun.of(LauncherStorm.LAUNCHER, dir, env,
          "{\"command\":\"allocate\",\"args\":{\"hostname\":\"warm-up-it\",\"uid\":\"u1\",\"num_ipv4\":1,\"num_ipv6\":0}}");
      assertThat(allocate.stdout()).as(allocate.stderr()).contains("\"error\":null");

      LauncherRun status = LauncherRun.of(LauncherStorm.LAUNCHER, dir, env, "", "status", "--output", "json");
      JsonNode warmUp = JSON.readTree(status.stdout()).at("/agent/warm_up");
      assertThat(warmUp.path("rounds").asInt()).isPositive();
      assertThat(warmUp.path("took_ms").asLong()).isBetween(3_000L, 8_000L);
      assertThat(warmUp.has("stopped_early")).as(warmUp.toString()).isFalse();
      assertThat(Instant.parse(warmUp.path("finished").asText())).isAfter(started);
      assertThat(JSON.readTree(status.stdout()).at("/agent/requests/allocate/ok").asLong()).isEqualTo(1);

      LauncherRun text = LauncherRun.of(LauncherStorm.LAUNCHER, dir, env, "", "status");
      assertThat(text.stdout()).containsPattern("agent warm-up: +[1-9][0-9]* rounds in [0-9]+ ms \\([0-9]+ ms of CPU\\)"
          + ", finished ");
    }
  }
}
