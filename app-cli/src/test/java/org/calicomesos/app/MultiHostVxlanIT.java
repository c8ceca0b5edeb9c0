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
import org.calicomesos.app.HostWorkloads.Workload;
import org.calicomesos.testkit.server.EtcdServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Routing between hosts through VXLAN, end to end: two "hosts" on different subnets joined by a router namespace
 * ({@link RoutedHostNamespaces}), each with its own {@code bin/calico-mesos agent}, one real etcd reached over a
 * management link. Routed directly, a host's block cannot be reached from the other (its address is on no shared
 * link, and the router knows no blocks); after {@code route-mode vxlan} the agents route every block through their
 * {@code vxlan.calico} devices and the containers connect by netgroup; a released block's route and the peer entry
 * go; {@code route-mode direct} takes the devices away again.
 */
class MultiHostVxlanIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CONVERGE = Duration.ofSeconds(20);
  private static final int HOSTS = 2;
  private static final String DEVICE = "vxlan.calico";

  private static Path dir;
  private static RoutedHostNamespaces network;
  private static EtcdServer etcd;
  private static final List<AgentProcess> agents = new ArrayList<>();
  private static HostWorkloads hosts;

  @BeforeAll
  static void setUp() throws Exception {
    assumeFalse(Boolean.getBoolean("calico.it.agent")); // these hosts run their own agents
    try {
      dir = Files.createTempDirectory("cm9v-");
      network = RoutedHostNamespaces.create("cm9vm0", "cm9v-h", HOSTS);
      etcd = EtcdServer.startListeningOn(network.managementAddress());
      hosts = new HostWorkloads(network, dir, "cm9v-h", Map.of("CALICO_DATASTORE", "etcd",
          "ETCD_ENDPOINTS", etcd.clientUrl(), "CALICO_IPV4POOL_CIDR", "198.19.128.0/20"));
      for (int n = 1; n <= HOSTS; n++) {
        agents.add(AgentProcess.startInNamespace(network.namespace(n), dir, hosts.env(n)));
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
  void hosts_on_different_subnets_connect_through_vxlan_by_netgroup_and_withdraw_what_is_released() throws Exception {
    Workload prod1 = hosts.workload(1, "prod");
    Workload prod2 = hosts.workload(2, "prod");
    Workload dev2 = hosts.workload(2, "dev");
    IPAddress block2 = prod2.address().toPrefixBlock(26);
    String block = block2.toCanonicalString();

    await(() -> agents.get(0).log().contains("failed to add route " + block + " via " + network.address(2)),
        "h1's agent cannot route h2's block directly: h2's address is on no link of h1");
    assertThat(routes(1)).doesNotContain(block);
    assertThat(reaches(prod1, prod2)).as("no route, no connection").isFalse();

    LauncherRun vxlan = hosts.admin(1, "route-mode", "vxlan");
    assertThat(vxlan.status()).as(vxlan.stderr()).isZero();
    assertThat(vxlan.stdout()).isEqualTo("route mode vxlan (was direct)\n");

    String route = block + " via " + network.address(2) + " dev " + DEVICE + " onlink"; // listed with proto 196 only
    await(() -> routes(1).contains(route), "h1 routes h2's block through its VXLAN device: " + route);
    JsonNode device = JSON.readTree(network.run(1, "ip", "-j", "-d", "link", "show", DEVICE)).get(0);
    assertThat(device.path("mtu").asInt()).isEqualTo(1450);
    assertThat(device.path("linkinfo").path("info_data").path("local").asText()).isEqualTo(network.address(1));
    assertThat(device.path("operstate").asText()).isNotEqualTo("DOWN");
    assertThat(network.run(1, "ip", "neigh", "show", "dev", DEVICE)).contains(network.address(2) + " lladdr ")
        .contains("PERMANENT");
    assertThat(network.run(1, "bridge", "fdb", "show", "dev", DEVICE)).contains("dst " + network.address(2));

    await(() -> reaches(prod1, prod2), "h1's prod container reaches h2's through VXLAN");
    assertThat(reaches(prod2, prod1)).as("h2 prod → h1 prod").isTrue();
    assertThat(reaches(prod1, dev2)).as("h1 prod → h2 dev must still be dropped").isFalse();

    Workload late = hosts.workload(1, "prod");
    assertThat(containerMtu(late)).as("a container started in a VXLAN pool leaves room for the headers")
        .isEqualTo(1450);
    await(() -> reaches(late, prod2), "a container isolated after the switch reaches h2's too");

    prod2.cleanup();
    dev2.cleanup();
    LauncherRun release = hosts.admin(2, "ipam", "release-block", block);
    assertThat(release.status()).as(release.stderr()).isZero();
    await(() -> !routes(1).contains(block), "h1 withdrew its route to the released block");
    await(() -> !network.run(1, "ip", "neigh", "show", "dev", DEVICE).contains(network.address(2)),
        "h1 removed its peer entry for h2, which has no block left");

    LauncherRun direct = hosts.admin(2, "route-mode", "direct");
    assertThat(direct.stdout()).isEqualTo("route mode direct (was vxlan)\n");
    for (int n = 1; n <= HOSTS; n++) {
      int host = n;
      await(() -> !links(host).contains(DEVICE), "h" + host + " removed its VXLAN device");
    }
  }

  private static int containerMtu(Workload workload) {
    String eth0 = workload.container().attempt("ip", "-j", "link", "show", "eth0").stdout();
    try {
      return JSON.readTree(eth0).get(0).path("mtu").asInt();
    } catch (java.io.IOException e) {
      throw new AssertionError("ip -j link show eth0 printed " + eth0, e);
    }
  }

  private static String routes(int n) {
    return network.run(n, "ip", "-4", "route", "show", "proto", "196");
  }

  private static String links(int n) {
    return network.run(n, "ip", "-o", "link", "show");
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    Eventually.await(condition, what, CONVERGE, () -> {
      StringBuilder state = new StringBuilder();
      for (int n = 1; n <= agents.size(); n++) {
        state.append("\n--- h").append(n).append(" routes:\n").append(routes(n))
            .append("--- h").append(n).append(" links:\n").append(links(n))
            .append("--- h").append(n).append(" agent:\n").append(agents.get(n - 1).log());
      }
      return state.toString();
    });
  }
}
