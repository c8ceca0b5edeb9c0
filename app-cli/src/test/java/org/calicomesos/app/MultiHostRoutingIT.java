package org.calicomesos.app;

import org.calicomesos.testkit.Eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.calicomesos.app.HostWorkloads.reaches;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import inet.ipaddr.IPAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.calicomesos.testkit.server.EtcdServer;
import org.calicomesos.app.HostWorkloads.Workload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Routing between hosts (direct mode) end to end: three "hosts" (network namespaces on one bridge, 203.0.113.11-13),
 * each running its own {@code bin/calico-mesos agent} with its own node name, all on one real etcd listening on the
 * bridge; plugin requests run inside the host's namespace. Containers on different hosts reach each other over TCP
 * through the routes the agents program, netgroup policy still decides who may, and a released block's route is
 * withdrawn. Everything is removed in {@link #tearDown}, also when setting up failed half way.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiHostRoutingIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CONVERGE = Duration.ofSeconds(15);
  private static final int HOSTS = 3;

  private static Path dir;
  private static HostNamespaces network;
  private static EtcdServer etcd;
  private static final List<AgentProcess> agents = new ArrayList<>();
  private static HostWorkloads hosts;

  @BeforeAll
  static void setUp() throws Exception {
    // The second failsafe pass reruns end-to-end tests through a shared agent; these hosts run their own.
    assumeFalse(Boolean.getBoolean("calico.it.agent"));
    try {
      dir = Files.createTempDirectory("cm9-");
      network = HostNamespaces.create("cm9br0", "203.0.113", "cm9-h", HOSTS);
      etcd = EtcdServer.startListeningOn(network.rootAddress());
      hosts = new HostWorkloads(network, dir, "cm9-h", Map.of("CALICO_DATASTORE", "etcd",
          "ETCD_ENDPOINTS", etcd.clientUrl(), "CALICO_IPV4POOL_CIDR", RouteConvergenceTiming.POOL));
      for (int n = 1; n <= HOSTS; n++) {
        agents.add(AgentProcess.startInNamespace(network.namespace(n), dir, env(n)));
      }
    } catch (Exception | AssertionError e) {
      tearDown();
      throw e;
    }
  }

  @AfterAll
  static void tearDown() throws Exception {
    Teardown.inOrder(agents, hosts, network, etcd);
  }

  @Test
  @Order(1)
  void containers_on_other_hosts_connect_by_netgroup_and_a_released_blocks_route_is_withdrawn() throws Exception {
    Workload prod1 = workload(1, "prod");
    Workload prod2 = workload(2, "prod");
    Workload dev2 = workload(2, "dev");
    Workload prod3 = workload(3, "prod");
    IPAddress block2 = prod2.address().toPrefixBlock(26);
    String route = block2.toCanonicalString() + " via " + network.address(2);

    await(() -> routes(1).contains(route), "h1 routes h2's block " + route);
    assertThat(network.run(1, "ip", "-4", "route", "show", block2.toCanonicalString()))
        .as("ours, marked with our protocol").contains(route + " dev eth0 proto 196");
    await(() -> reaches(prod1, prod2), "h1's prod container reaches h2's");
    assertThat(reaches(prod1, dev2)).as("h1 prod → h2 dev must be dropped").isFalse();
    await(() -> reaches(prod3, prod1) && reaches(prod3, prod2), "h3's prod container reaches h1's and h2's");
    assertThat(reaches(prod2, prod1)).as("h2 prod → h1 prod").isTrue();

    long deleted = System.nanoTime();
    network.run(1, "ip", "route", "del", block2.toCanonicalString(), "via", network.address(2), "proto", "196");
    await(() -> routes(1).contains(route), "the deleted route restored by h1's agent within its 10 s tick");
    System.out.printf("route repair: deleted route back after %d ms%n", (System.nanoTime() - deleted) / 1_000_000);

    prod2.cleanup();
    dev2.cleanup();
    LauncherRun release = admin(2, "ipam", "release-block", block2.toCanonicalString());
    assertThat(release.status()).as(release.stderr()).isZero();
    await(() -> !routes(1).contains(block2.toCanonicalString()), "h1 withdrew its route to the released block");
    assertThat(routes(3)).doesNotContain(block2.toCanonicalString());
    assertThat(reaches(prod3, prod1)).as("the others are unaffected").isTrue();
  }

  @Test
  @Order(2)
  void node_show_lists_every_registered_host() throws Exception {
    JsonNode node = JSON.readTree(admin(1, "node", "show", "-o", "json").stdout());
    assertThat(node.get("route_mode").asText()).isEqualTo("direct");
    assertThat(node.get("registration").get("ipv4").asText()).isEqualTo(network.address(1));
    assertThat(node.get("other_hosts").findValuesAsText("node")).contains("cm9-h2", "cm9-h3");
  }

  @Test
  @Order(3)
  void route_convergence_from_a_block_claimed_on_h2_to_its_route_on_h1() throws Exception {
    new RouteConvergenceTiming(network, etcd.clientUrl(), env(2)).measure(30);
  }

  private static Map<String, String> env(int n) {
    return hosts.env(n);
  }

  private static String routes(int n) {
    return network.run(n, "ip", "-4", "route", "show", "proto", "196");
  }

  private static LauncherRun admin(int n, String... args) throws Exception {
    return hosts.admin(n, args);
  }

  private static Workload workload(int n, String netgroup) throws Exception {
    return hosts.workload(n, netgroup);
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    Eventually.await(condition, what, CONVERGE, () -> {
      StringBuilder logs = new StringBuilder();
      for (int n = 1; n <= agents.size(); n++) {
        logs.append("\n--- h").append(n).append(" routes:\n").append(routes(n))
            .append("--- h").append(n).append(" agent:\n").append(agents.get(n - 1).log());
      }
      return logs.toString();
    });
  }
}
