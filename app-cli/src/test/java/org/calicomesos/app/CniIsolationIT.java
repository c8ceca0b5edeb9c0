package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import inet.ipaddr.IPAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.EndpointId;
import org.calicomesos.testkit.dataplane.ContainerListener;
import org.calicomesos.testkit.dataplane.KernelCommand;
import org.calicomesos.testkit.dataplane.NetnsContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Netgroup isolation across both protocols, with {@code calico-mesos agent} enforcing policy and real TCP deciding,
 * on SQLite and etcd: A and B join {@code prod} and C {@code dev} through CNI (cnitool; the network's name is the
 * netgroup when Mesos names none), D joins {@code prod} through net-modules. Members of a netgroup reach each other
 * whichever protocol made them; C reaches no one and no one reaches C.
 */
class CniIsolationIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String POOL = "198.18.66.0/24";

  @TempDir Path dir;

  private CniHost host;
  private AgentProcess agent;

  @AfterEach
  void removeWhatTheTestMade() throws Exception {
    Teardown.inOrder(agent, host);
    KernelCommand.attempt("nft", "delete", "table", "inet", PolicyConvergence.TABLE);
    KernelCommand.attempt("ip", "-4", "route", "flush", "root", POOL, "type", "blackhole", "proto", "196");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "etcd"})
  void netgroup_members_reach_each_other_across_protocols_and_no_one_else_does(String datastore) throws Exception {
    // Every plugin request, CNI or net-modules, goes through this agent, as on a real host.
    host = CniHost.start(datastore, dir, dir.resolve("agent.sock"));
    host.addPool(POOL, 28);
    agent = AgentProcess.start(dir, agentEnv());
    host.install(host.network("prod", "1.0.0", host.mainPlugin()));
    host.install(host.network("dev", "1.0.0", host.mainPlugin()));

    Member a = cni("prod");
    Member b = cni("prod");
    Member c = cni("dev");
    Member d = netModules("prod");
    PolicyConvergence.awaitReachable(() -> reaches(a, b), a + " → " + b, agent);
    PolicyConvergence.awaitReachable(() -> reaches(a, d), a + " → " + d, agent);
    // C's rules in force: a drop below is then the policy's, not a container the agent has not seen yet.
    PolicyConvergence.awaitProgrammed(c.hostInterface(), agent);

    assertThat(reaches(b, a)).as("B → A").isTrue();
    assertThat(reaches(d, a)).as("D → A").isTrue();
    assertThat(reaches(d, b)).as("D → B").isTrue();
    for (Member other : List.of(a, b, d)) {
      assertThat(reaches(c, other)).as("C → %s must be dropped", other).isFalse();
      assertThat(reaches(other, c)).as("%s → C must be dropped", other).isFalse();
    }
  }

  private Map<String, String> agentEnv() {
    Map<String, String> env = new HashMap<>(host.adminEnv());
    env.put("CALICO_AGENT_SOCKET", host.agentSocket().toString());
    env.put("CALICO_METRICS_PORT", "off");
    env.put("CALICO_REQUEST_TIMEOUT", "30");
    return env;
  }

  /** A container attached to {@code network} by cnitool, with a listener on its address. */
  private Member cni(String network) throws Exception {
    NetnsContainer container = host.container();
    String cidr = host.add(network, container, "eth0").get("ips").get(0).get("address").asText();
    IPAddress address = CniHost.addressOf(cidr);
    return new Member(network + " via CNI " + address, container, ContainerListener.start(container, address),
        CniHost.hostInterface(network, container, "eth0"));
  }

  /** A container allocated and isolated in {@code netgroup} through the net-modules protocol. */
  private Member netModules(String netgroup) throws Exception {
    NetnsContainer container = host.container();
    JsonNode allocated = JSON.readTree(netModulesRequest("{\"command\":\"allocate\",\"args\":{\"hostname\":\""
        + CniHost.NODE + "\",\"uid\":\"" + UUID.randomUUID() + "\",\"num_ipv4\":1,\"num_ipv6\":0,\"netgroups\":[\""
        + netgroup + "\"]}}"));
    assertThat(allocated.get("error").isNull()).as(allocated.toString()).isTrue();
    IPAddress address = Addresses.parseAnyAddress("ip", allocated.get("ipv4").get(0).asText());
    ContainerId id = new ContainerId(UUID.randomUUID().toString());
    assertThat(netModulesRequest("{\"command\":\"isolate\",\"args\":{\"hostname\":\"" + CniHost.NODE
        + "\",\"container_id\":\"" + id + "\",\"pid\":" + container.pid() + ",\"ipv4_addrs\":[\""
        + address.toCanonicalString() + "\"],\"netgroups\":[\"" + netgroup + "\"]}}")).isEqualTo("{\"error\":null}\n");
    return new Member(netgroup + " via net-modules " + address, container, ContainerListener.start(container, address),
        EndpointId.of(id).hostInterfaceName());
  }

  private String netModulesRequest(String request) throws Exception {
    Map<String, String> env = new HashMap<>(host.adminEnv());
    env.put("CALICO_AGENT_SOCKET", host.agentSocket().toString());
    LauncherRun run = LauncherRun.of(LauncherStorm.LAUNCHER, dir, env, request);
    assertThat(run.stdout()).as("stderr: %s", run.stderr()).endsWith("}\n");
    return run.stdout();
  }

  private static boolean reaches(Member from, Member to) {
    return CniHost.reaches(from.container(), to.listener());
  }

  /** A container in a netgroup, its listener, and the host end of its veth. */
  private record Member(String name, NetnsContainer container, ContainerListener listener, String hostInterface) {
    @Override
    public String toString() {
      return name;
    }
  }
}
