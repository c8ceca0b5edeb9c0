package org.calicomesos.app;

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
import org.calicomesos.app.HostWorkloads.Workload;
import org.calicomesos.testkit.server.EtcdServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Routing between hosts in BGP mode, end to end: two "hosts" (network namespaces on one bridge, 198.51.100.11 and
 * .12, apart from MultiHostRoutingIT's names and subnet so both may run at once), route mode set to bgp with the
 * admin command, each host running its agent and its own BIRD (root, bird2 needed). The agents write BIRD's
 * configuration; BIRD learns the other host's block and installs it ({@code proto bird}); containers connect over it;
 * a released block is withdrawn. Everything is removed in {@link #tearDown}, also when setting up failed half way.
 */
class MultiHostBgpIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WRITTEN = Duration.ofSeconds(30);
  private static final Duration ESTABLISH = Duration.ofSeconds(60);
  private static final Duration CONVERGE = Duration.ofSeconds(20);
  private static final int HOSTS = 2;

  private static Path dir;
  private static HostNamespaces network;
  private static EtcdServer etcd;
  private static HostWorkloads hosts;
  private static final List<HostBird> birds = new ArrayList<>();
  private static final List<AgentProcess> agents = new ArrayList<>();

  @BeforeAll
  static void setUp() throws Exception {
    assumeFalse(Boolean.getBoolean("calico.it.agent")); // these hosts run their own agents
    try {
      dir = Files.createTempDirectory("cm9b-");
      network = HostNamespaces.create("cm9bbr0", "198.51.100", "cm9b-h", HOSTS);
      etcd = EtcdServer.startListeningOn(network.rootAddress());
      hosts = new HostWorkloads(network, dir, "cm9b-h", Map.of("CALICO_DATASTORE", "etcd",
          "ETCD_ENDPOINTS", etcd.clientUrl(), "CALICO_IPV4POOL_CIDR", "198.18.0.0/16"));
      for (int n = 1; n <= HOSTS; n++) {
        HostBird bird = new HostBird(network.namespace(n), dir.resolve("bird-h" + n));
        birds.add(bird);
        hosts.set(n, bird.agentEnvironment());
      }
      LauncherRun mode = hosts.admin(1, "route-mode", "bgp");
      assertThat(mode.status()).as(mode.stderr()).isZero();
      assertThat(mode.stdout()).isEqualTo("route mode bgp (was direct)\n");
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
    List<AutoCloseable> processes = new ArrayList<>(agents);
    processes.addAll(birds); // after the agents: none may reload a BIRD being stopped
    Teardown.inOrder(processes, hosts, network, etcd);
  }

  @Test
  void bird_on_each_host_learns_the_others_block_containers_connect_and_a_released_block_is_withdrawn()
      throws Exception {
    Workload prod1 = hosts.workload(1, "prod");
    Workload prod2 = hosts.workload(2, "prod");
    IPAddress block1 = prod1.address().toPrefixBlock(26);
    IPAddress block2 = prod2.address().toPrefixBlock(26);

    // The agents wrote the files while no BIRD ran (SPEAKER_NOT_RUNNING); each names the other host as its peer.
    for (int n = 1; n <= HOSTS; n++) {
      String other = network.address(HOSTS + 1 - n);
      Path file = birds.get(n - 1).configFile();
      await(() -> read(file).contains("neighbor " + other + " as 64511"), WRITTEN, "h" + n + "'s BIRD configuration");
    }
    long start = System.nanoTime();
    birds.forEach(HostBird::start);
    await(() -> established(1) && established(2), ESTABLISH, "both BGP sessions Established");
    long established = System.nanoTime();
    await(() -> birdRoute(1, block2) && birdRoute(2, block1), CONVERGE, "each host's block in the other's kernel");
    System.out.printf("BIRD start to Established: %d ms; then both blocks in the kernels: %d ms%n",
        (established - start) / 1_000_000, (System.nanoTime() - established) / 1_000_000);

    assertThat(network.run(1, "ip", "-4", "route", "show", block2.toCanonicalString()))
        .as("BIRD's route via h2, no other").isEqualTo(block2.toCanonicalString() + " via " + network.address(2)
            + " dev eth0 proto bird metric 32 \n");
    assertThat(network.run(2, "ip", "-4", "route", "show", block1.toCanonicalString()))
        .isEqualTo(block1.toCanonicalString() + " via " + network.address(1) + " dev eth0 proto bird metric 32 \n");
    assertThat(network.run(1, "ip", "-4", "route", "show", "proto", "196").lines().filter(r -> r.contains(" via ")))
        .as("no direct routes to other hosts in bgp mode (only this host's veth routes and blackhole)").isEmpty();
    await(() -> reaches(prod1, prod2) && reaches(prod2, prod1), CONVERGE, "the prod containers reach each other");

    JsonNode node = JSON.readTree(hosts.admin(1, "node", "show", "-o", "json").stdout());
    assertThat(node.get("route_mode").asText()).isEqualTo("bgp");
    JsonNode peer = node.get("bgp").get("peers").get(0);
    assertThat(peer.get("ip").asText()).isEqualTo(network.address(2));
    assertThat(peer.get("node").asText()).isEqualTo("cm9b-h2");
    assertThat(peer.get("state").asText()).isEqualTo("Established");

    prod2.cleanup();
    LauncherRun release = hosts.admin(2, "ipam", "release-block", block2.toCanonicalString());
    assertThat(release.status()).as(release.stderr()).isZero();
    long released = System.nanoTime();
    await(() -> !birdRoute(1, block2), CONVERGE, "h1's BIRD withdrew the released block");
    System.out.printf("released block withdrawn from h1's kernel after %d ms%n",
        (System.nanoTime() - released) / 1_000_000);
    assertThat(birdRoute(2, block1)).as("h1's block stays announced").isTrue();
  }

  private static boolean established(int n) throws Exception {
    JsonNode node = JSON.readTree(hosts.admin(n, "node", "show", "-o", "json").stdout());
    JsonNode peers = node.path("bgp").path("peers");
    return peers.size() == 1 && peers.get(0).path("state").asText().equals("Established");
  }

  private static boolean birdRoute(int n, IPAddress block) {
    return network.run(n, "ip", "-4", "route", "show", "proto", "bird").contains(block.toCanonicalString() + " via ");
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (java.io.IOException e) {
      return "";
    }
  }

  /** A condition that may throw, for the admin commands it runs. */
  private interface Check {
    boolean holds() throws Exception;
  }

  private static void await(Check condition, Duration limit, String what) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.holds()) {
        return;
      }
      Thread.sleep(100);
    }
    StringBuilder state = new StringBuilder();
    for (int n = 1; n <= HOSTS; n++) {
      state.append("\n--- h").append(n).append(" routes:\n").append(network.run(n, "ip", "-4", "route"))
          .append("--- h").append(n).append(" BIRD:\n").append(birds.get(n - 1).output())
          .append("--- h").append(n).append(" agent:\n").append(agents.get(n - 1).log());
    }
    throw new AssertionError("not within " + limit.toSeconds() + " s: " + what + state);
  }
}
