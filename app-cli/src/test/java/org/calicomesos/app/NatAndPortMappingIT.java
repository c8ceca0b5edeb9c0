package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import inet.ipaddr.IPAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.calicomesos.testkit.dataplane.ContainerListener;
import org.calicomesos.testkit.dataplane.Ipv6Forwarding;
import org.calicomesos.testkit.dataplane.KernelCommand;
import org.calicomesos.testkit.dataplane.NetnsContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * NAT outgoing and port mappings end to end: {@code calico-mesos agent} enforcing, containers attached by cnitool,
 * real TCP over IPv4 and IPv6, on both dataplanes (netlink on SQLite, iproute2 on etcd). "The world" is a namespace
 * on 203.0.113.0/24 and 2001:db8:113::/64, outside every pool ({@link WorldNamespace}); the host's address on that
 * link is what a masqueraded connection comes from and what a mapped port is reached at.
 */
class NatAndPortMappingIT {
  private static final String NAT_POOL = "198.18.68.0/24";
  private static final String PLAIN_POOL = "198.18.69.0/24";
  private static final String MAPPED_POOL = "198.18.71.0/24";
  private static final String V6_POOL = "fd00:c0de:68::/64";
  private static final int HOST_PORT = 18_081;
  private static final int CONTAINER_PORT = 8_080;

  @TempDir Path dir;

  private CniHost host;
  private AgentProcess agent;
  private WorldNamespace world;
  private Ipv6Forwarding ipv6Forwarding;
  private String dataplane;

  @BeforeEach
  void runsItsOwnAgent() {
    // A run of -Dit.test names this class in the failsafe execution with-agent too, where the shared agent would
    // stand beside this test's own.
    assumeFalse(SharedAgent.enabled(), "this test starts its own agent");
  }

  @AfterEach
  void removeWhatTheTestMade() throws Exception {
    Teardown.inOrder(agent, host, world, ipv6Forwarding);
    KernelCommand.attempt("nft", "delete", "table", "inet", PolicyConvergence.TABLE);
    for (String pool : new String[] {NAT_POOL, PLAIN_POOL, MAPPED_POOL}) {
      KernelCommand.attempt("ip", "-4", "route", "flush", "root", pool, "type", "blackhole", "proto", "196");
    }
    KernelCommand.attempt("ip", "-6", "route", "flush", "root", V6_POOL, "type", "blackhole", "proto", "196");
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({"netlink, sqlite", "iproute2, etcd"})
  void nat_outgoing_shows_the_world_the_hosts_address_and_never_masquerades_between_pools(String dataplane,
      String datastore) throws Exception {
    start(dataplane, datastore);
    host.admin("pool", "add", NAT_POOL, "--block-size", "28", "--nat-outgoing");
    host.admin("pool", "add", V6_POOL, "--nat-outgoing");
    host.addPool(PLAIN_POOL, 28);
    host.install(host.network("natnet", "1.0.0", host.mainPlugin(pools(NAT_POOL, true))));
    // B is public, so that A's connection to it is admitted: what B sees is then only a matter of NAT.
    ObjectNode publicPlugin = host.mainPlugin(pools(PLAIN_POOL, false));
    publicPlugin.putObject("args").putObject("cni").putArray("labels").addObject().put("key", "netgroup")
        .put("value", "public");
    host.install(host.network("natpub", "1.0.0", publicPlugin));

    NetnsContainer a = host.container();
    JsonNode aResult = host.add("natnet", a, "eth0", env());
    String a4 = address(aResult, 4);
    String a6 = address(aResult, 6);
    NetnsContainer b = host.container();
    String b4 = address(host.add("natpub", b, "eth0", env()), 4);
    ContainerListener toB = ContainerListener.reportingPeer(b, CniHost.addressOf(b4 + "/32"));
    // Until the agent has B's rules in, B's interface is closed whatever the NAT.
    PolicyConvergence.awaitProgrammed(CniHost.hostInterface("natpub", b, "eth0"), agent);
    ContainerListener world4 = world.peerReporter(WorldNamespace.WORLD_V4);
    ContainerListener world6 = world.peerReporter(WorldNamespace.WORLD_V6);

    awaitSource(() -> WorldNamespace.sourceSeen(a, world4), WorldNamespace.HOST_V4, "A → world over IPv4, NAT on");
    awaitSource(() -> WorldNamespace.sourceSeen(a, world6), canonical(WorldNamespace.HOST_V6),
        "A → world over IPv6, NAT on");
    assertThat(WorldNamespace.sourceSeen(a, toB)).as("A → B in another pool, NAT on").isEqualTo(a4);

    host.admin("pool", "nat-outgoing", NAT_POOL, "off");
    awaitSource(() -> WorldNamespace.sourceSeen(a, world4), a4, "A → world over IPv4, NAT off");
    assertThat(WorldNamespace.sourceSeen(a, world6)).as("A → world over IPv6, its pool's NAT still on")
        .isEqualTo(canonical(WorldNamespace.HOST_V6));
    host.admin("pool", "nat-outgoing", V6_POOL, "off");
    awaitSource(() -> WorldNamespace.sourceSeen(a, world6), a6, "A → world over IPv6, NAT off");
    assertThat(WorldNamespace.sourceSeen(a, toB)).as("A → B in another pool, NAT off").isEqualTo(a4);

    host.admin("pool", "nat-outgoing", NAT_POOL, "on");
    awaitSource(() -> WorldNamespace.sourceSeen(a, world4), WorldNamespace.HOST_V4, "A → world, NAT on again");
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({"netlink, sqlite", "iproute2, etcd"})
  void a_mapped_host_port_reaches_the_container_from_the_world_and_from_containers_until_del(String dataplane,
      String datastore) throws Exception {
    start(dataplane, datastore);
    host.addPool(MAPPED_POOL, 28);
    host.admin("pool", "add", V6_POOL);
    ObjectNode plugin = host.mainPlugin(pools(MAPPED_POOL, true));
    plugin.putObject("capabilities").put("portMappings", true);
    host.install(host.network("mapnet", "1.0.0", plugin));

    NetnsContainer a = host.container();
    Map<String, String> mapping = env();
    mapping.put("CAP_ARGS", "{\"portMappings\":[{\"hostPort\":" + HOST_PORT + ",\"containerPort\":" + CONTAINER_PORT
        + ",\"protocol\":\"tcp\"}]}");
    JsonNode aResult = host.add("mapnet", a, "eth0", mapping);
    ContainerListener.onPort(a, CniHost.addressOf(address(aResult, 4) + "/32"), CONTAINER_PORT);
    ContainerListener.onPort(a, CniHost.addressOf(address(aResult, 6) + "/128"), CONTAINER_PORT);
    NetnsContainer b = host.container();
    host.add("mapnet", b, "eth0", env());
    PolicyConvergence.awaitProgrammed(CniHost.hostInterface("mapnet", b, "eth0"), agent);

    PolicyConvergence.awaitReachable(() -> world.reaches(WorldNamespace.HOST_V4, HOST_PORT),
        "world → host " + HOST_PORT, agent);
    assertThat(world.reaches(WorldNamespace.HOST_V6, HOST_PORT)).as("world → host over IPv6").isTrue();
    assertThat(greets(b, WorldNamespace.HOST_V4, HOST_PORT)).as("B → host's mapped port → A").isTrue();
    assertThat(greets(a, WorldNamespace.HOST_V4, HOST_PORT)).as("A → host's mapped port → A itself").isTrue();
    assertThat(world.reaches(WorldNamespace.HOST_V4, HOST_PORT + 1)).as("an unmapped port").isFalse();

    // Another container asking for the same host port is refused, and nothing of it is written.
    int endpointsBefore = host.endpoints().size();
    int addressesBefore = host.addressesInUse();
    NetnsContainer c = host.container();
    CniCall.Result refused = host.cnitool("add", "mapnet", c, "eth0", mapping);
    assertThat(refused.status()).as("a second mapping of port %s: %s", HOST_PORT, refused).isNotZero();
    assertThat(refused.stdout() + refused.stderr()).contains(String.valueOf(HOST_PORT));
    assertThat(host.endpoints()).as("endpoint records").hasSize(endpointsBefore);
    assertThat(host.addressesInUse()).as("addresses in use").isEqualTo(addressesBefore);
    assertThat(world.reaches(WorldNamespace.HOST_V4, HOST_PORT)).as("the first mapping still answers").isTrue();

    host.del("mapnet", a, "eth0", mapping);
    PolicyConvergence.awaitReachable(() -> !world.reaches(WorldNamespace.HOST_V4, HOST_PORT),
        "no way to host " + HOST_PORT + " after DEL", agent);
    assertThat(world.reaches(WorldNamespace.HOST_V6, HOST_PORT)).as("IPv6 after DEL").isFalse();
    // The port is free again.
    host.add("mapnet", c, "eth0", mapping);
  }

  private void start(String dataplane, String datastore) throws Exception {
    this.dataplane = dataplane;
    ipv6Forwarding = Ipv6Forwarding.enable();
    world = WorldNamespace.create();
    host = CniHost.start(datastore, dir, dir.resolve("agent.sock"));
    Map<String, String> agentEnv = new HashMap<>(host.adminEnv());
    agentEnv.putAll(env());
    agentEnv.put("CALICO_AGENT_SOCKET", host.agentSocket().toString());
    agentEnv.put("CALICO_METRICS_PORT", "off");
    agentEnv.put("CALICO_REQUEST_TIMEOUT", "30");
    agent = AgentProcess.start(dir, agentEnv);
  }

  /** What every request of this test carries besides CNI's own variables. */
  private Map<String, String> env() {
    return new HashMap<>(Map.of("CALICO_DATAPLANE", dataplane));
  }

  /** The IPAM section naming {@code v4Pool}, and the IPv6 pool when {@code ipv6}. */
  private static ObjectNode pools(String v4Pool, boolean ipv6) {
    ObjectNode ipam = CniHost.object();
    ipam.putArray("ipv4_pools").add(v4Pool);
    if (ipv6) {
      ipam.put("assign_ipv6", true).putArray("ipv6_pools").add(V6_POOL);
    }
    return ipam;
  }

  /** The result's address of IP version {@code version}, without prefix length. */
  private static String address(JsonNode result, int version) {
    for (JsonNode ip : result.get("ips")) {
      IPAddress address = CniHost.addressOf(ip.get("address").asText());
      if ((version == 4) == address.isIPv4()) {
        return address.toCanonicalString();
      }
    }
    throw new AssertionError("no IPv" + version + " address in " + result);
  }

  private static String canonical(String address) {
    return CniHost.addressOf(address + "/128").toCanonicalString();
  }

  /** Until the source the world saw is {@code expected}: the agent applies a pool edit within its usual bound. */
  private void awaitSource(Supplier<String> seen, String expected, String what) throws InterruptedException {
    PolicyConvergence.awaitReachable(() -> seen.get().equals(expected), what + " seen from " + expected, agent);
  }

  /** Whether a TCP connection from inside {@code from} to {@code address}:{@code port} gets the greeting. */
  static boolean greets(NetnsContainer from, String address, int port) {
    String target = address.contains(":") ? "TCP6:[" + address + "]:" + port : "TCP4:" + address + ":" + port;
    KernelCommand.Result result = from.attempt("socat", "-T", "2", "-", target + ",connect-timeout=1");
    return result.succeeded() && result.stdout().strip().equals(ContainerListener.GREETING);
  }
}
