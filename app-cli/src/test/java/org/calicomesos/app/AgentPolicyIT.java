package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import inet.ipaddr.IPAddress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.calicomesos.testkit.policy.HostListener;
import org.calicomesos.testkit.policy.NftFacts;
import org.calicomesos.testkit.server.ConsulServer;
import org.calicomesos.testkit.server.EtcdServer;
import org.calicomesos.testkit.server.ServerPerClass;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Netgroup isolation end to end: {@code bin/calico-mesos agent} running, containers in real namespaces driven
 * through the plugin with JSON on stdin, and real TCP deciding who reaches whom, on SQLite and etcd (and the
 * matrix on Consul too). A and B are in {@code prod},
 * C in {@code dev}, D in {@code public}. Everything this test makes, including the agent's nftables table, is
 * removed after each test.
 */
class AgentPolicyIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TABLE = "calico_mesos";
  @RegisterExtension static final ServerPerClass<EtcdServer> etcd = new ServerPerClass<>(EtcdServer::start);
  @RegisterExtension static final ServerPerClass<ConsulServer> consul = new ServerPerClass<>(ConsulServer::start);

  @TempDir Path dir;

  private final List<AutoCloseable> made = new ArrayList<>();
  private Map<String, String> env;
  private IPAddress hostIp;
  private HostListener hostListener;
  private AgentProcess latestAgent;

  @AfterEach
  void removeWhatTheTestMade() throws Exception {
    for (int i = made.size() - 1; i >= 0; i--) {
      made.get(i).close();
    }
    KernelCommand.attempt("nft", "delete", "table", "inet", TABLE);
    KernelCommand.attempt("ip", "-4", "route", "flush", "root", "198.18.0.0/15", "type", "blackhole", "proto", "196");
    KernelCommand.attempt("ip", "-6", "route", "flush", "root", "fd00:c0de::/32", "type", "blackhole", "proto", "196");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "etcd", "consul"})
  void only_netgroup_peers_the_host_and_public_get_through(String datastore) throws Exception {
    configure(datastore, 30);
    agent();
    Workload a = workload("prod");
    Workload b = workload("prod");
    Workload c = workload("dev");
    Workload d = workload("public");
    awaitReachable(a, b);

    assertReachable(b, a);
    assertBlocked(a, c);
    assertBlocked(c, a);
    assertBlocked(c, b);
    assertBlocked(d, a); // public admits everyone in; it does not make D a member of prod
    for (Workload from : List.of(a, b, c)) {
      assertReachable(from, d);
    }
    for (Workload to : List.of(a, b, c, d)) {
      assertThat(fromHost(to)).as("host → %s", to).isTrue();
      assertThat(toHost(to)).as("%s → host", to).isTrue();
    }
    if (Files.exists(Path.of("/proc/sys/net/ipv6/conf/all/force_forwarding"))) {
      assertThat(reaches(a, b.listener6)).as("A → B over IPv6").isTrue();
      assertThat(reaches(c, a.listener6)).as("C → A over IPv6").isFalse();
    }

    b.cleanup();
    awaitGone(b);
    assertThat(nft("list", "table", "inet", TABLE)).doesNotContain(b.address4.toCanonicalString())
        .doesNotContain(b.hostInterface());
    assertBlocked(a, c);
    assertBlocked(c, a);
    assertReachable(a, d);
    assertReachable(c, d);
    assertThat(fromHost(a)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "etcd"})
  void rules_hold_while_the_agent_restarts_and_a_container_started_meanwhile_stays_closed(String datastore)
      throws Exception {
    configure(datastore, 31);
    AgentProcess agent = agent();
    InForce started = prodProdDevInForce();
    Workload a = started.a();
    Workload b = started.b();
    Workload c = started.c();
    String ruleset = started.ruleset();
    Map<String, String> policy = NftFacts.canonicalTable(TABLE);

    agent.stop();
    assertThat(agent.log()).contains("policy loop stopped; what is in force stays");
    assertThat(nft("list", "table", "inet", TABLE)).isEqualTo(ruleset);
    assertReachable(a, b);
    assertBlocked(c, a);
    // No window: isolate returns with no agent to program the new container; it is closed to everyone,
    // even its own netgroup, until the agent catches up.
    Workload e = workload("dev");
    assertBlocked(c, e);
    assertBlocked(a, e);
    assertThat(fromHost(e)).as("host → E before the agent knows it").isFalse();

    agent();
    awaitReachable(c, e);
    assertBlocked(a, e);
    e.cleanup();
    awaitGone(e);
    // The restarted agent built the table whole, so nft lists its objects in another order than the table the
    // first agent built up change by change: the same policy, compared object by object.
    assertThat(NftFacts.canonicalTable(TABLE)).isEqualTo(policy);
  }

  @Test
  void rules_hold_while_etcd_is_down_and_endpoints_made_after_it_returns_are_programmed() throws Exception {
    configure("etcd", 32);
    AgentProcess agent = agent();
    InForce started = prodProdDevInForce();
    Workload a = started.a();
    Workload b = started.b();
    Workload c = started.c();
    String ruleset = started.ruleset();

    etcd.server().kill();
    try {
      Thread.sleep(3_000);
      assertThat(nft("list", "table", "inet", TABLE)).isEqualTo(ruleset);
      assertReachable(a, b);
      assertBlocked(c, a);
    } finally {
      etcd.server().restart();
    }
    Workload f = workload("prod");
    awaitReachable(a, f);
    assertBlocked(c, f);
    assertThat(agent.log()).contains("the policy in force stays");
  }

  @Test
  void netgroups_that_would_be_dangerous_in_a_ruleset_are_refused_and_change_nothing() throws Exception {
    configure("sqlite", 33);
    String longName = "n".repeat(200);
    for (String netgroup : List.of("a;b", "x}", "new\\nline", longName, "\\\"quoted\\\"")) {
      Allocation allocation = allocate("prod");
      NetnsContainer container = container();
      ContainerId id = new ContainerId(UUID.randomUUID().toString());
      String error = errorOf(plugin(isolateRequest(id, container.pid(), allocation, "[\"" + netgroup + "\"]")));
      assertThat(error).as(netgroup).contains("netgroup").doesNotContain("\n");
      assertThat(KernelCommand.attempt("ip", "link", "show", "dev", EndpointId.of(id).hostInterfaceName()).succeeded())
          .as("no interface for a refused isolate").isFalse();
      String allocateError = errorOf(plugin("{\"command\":\"allocate\",\"args\":{\"hostname\":\"agent\",\"uid\":\""
          + UUID.randomUUID() + "\",\"num_ipv4\":1,\"num_ipv6\":0,\"netgroups\":[\"" + netgroup + "\"]}}"));
      assertThat(allocateError).as(netgroup).contains("netgroup").doesNotContain("\n");
    }
    JsonNode check = admin("ipam", "check", "--output", "json");
    assertThat(check.get("problems")).as(check.toString()).isEmpty();
    assertThat(check.get("allocated").asInt()).as("only the five valid allocations, 2 addresses each").isEqualTo(10);
    assertThat(KernelCommand.run("ip", "-o", "link").lines().filter(l -> l.contains(": cali"))).isEmpty();
  }

  // --- the cluster under test ---

  private void configure(String datastore, int subnet) throws Exception {
    // The source the kernel picks for host → container traffic must be the host profile's address
    // (docs/calico-model.md, "Profiles and policy").
    JsonNode route = JSON.readTree(KernelCommand.run("ip", "-j", "route", "get", "198.18." + subnet + ".1")).get(0);
    hostIp = Addresses.parseAnyAddress("prefsrc", route.get("prefsrc").asText());
    env = new HashMap<>(Map.of(
        "CALICO_NODENAME", "policy-it-node",
        "CALICO_HOST_IP", hostIp.toCanonicalString(),
        "CALICO_LOG_FILE", dir.resolve("isolator.log").toString(),
        "CALICO_IPV4POOL_CIDR", "198.18." + subnet + ".0/24",
        "CALICO_IPV6POOL_CIDR", "fd00:c0de:" + subnet + "::/120",
        "CALICO_REQUEST_TIMEOUT", "30",
        // The plugin calls below reach the agent under test through it, as on a real host.
        "CALICO_AGENT_SOCKET", dir.resolve("agent.sock").toString()));
    LauncherDatastores.use(datastore, env, dir, etcd.server(), consul.server());
    hostListener = HostListener.start(hostIp);
    made.add(hostListener);
  }

  private AgentProcess agent() throws IOException {
    AgentProcess agent = AgentProcess.start(dir, env);
    made.add(agent);
    latestAgent = agent;
    return agent;
  }

  /** A and B in prod, C in dev, all programmed by the agent, with the ruleset then in force. */
  private InForce prodProdDevInForce() throws Exception {
    Workload a = workload("prod");
    Workload b = workload("prod");
    Workload c = workload("dev");
    awaitReachable(a, b);
    awaitProgrammed(c);
    return new InForce(a, b, c, nft("list", "table", "inet", TABLE));
  }

  private record InForce(Workload a, Workload b, Workload c, String ruleset) {}

  private NetnsContainer container() {
    NetnsContainer container = NetnsContainer.start();
    made.add(container);
    return container;
  }

  private Workload workload(String netgroup) throws Exception {
    NetnsContainer container = container();
    Allocation allocation = allocate(netgroup);
    ContainerId id = new ContainerId(UUID.randomUUID().toString());
    String response = plugin(isolateRequest(id, container.pid(), allocation, "[\"" + netgroup + "\"]"));
    assertThat(response).isEqualTo("{\"error\":null}\n");
    return new Workload(netgroup, id, container, allocation);
  }

  private Allocation allocate(String netgroup) throws Exception {
    JsonNode response = JSON.readTree(plugin("{\"command\":\"allocate\",\"args\":{\"hostname\":\"agent\",\"uid\":\""
        + UUID.randomUUID() + "\",\"num_ipv4\":1,\"num_ipv6\":1,\"netgroups\":[\"" + netgroup + "\"]}}"));
    assertThat(response.get("error").isNull()).as(response.toString()).isTrue();
    return new Allocation(Addresses.parseAnyAddress("ip", response.get("ipv4").get(0).asText()),
        Addresses.parseAnyAddress("ip", response.get("ipv6").get(0).asText()));
  }

  private static String isolateRequest(ContainerId id, long pid, Allocation allocation, String netgroups) {
    return "{\"command\":\"isolate\",\"args\":{\"hostname\":\"agent\",\"container_id\":\"" + id + "\",\"pid\":" + pid
        + ",\"ipv4_addrs\":[\"" + allocation.v4.toCanonicalString() + "\"],\"ipv6_addrs\":[\""
        + allocation.v6.toCanonicalString() + "\"],\"netgroups\":" + netgroups + "}}";
  }

  private String plugin(String request) throws Exception {
    LauncherRun run = LauncherRun.of(LauncherStorm.LAUNCHER, dir, env, request);
    assertThat(run.stdout()).as("stderr: %s", run.stderr()).endsWith("}\n");
    return run.stdout();
  }

  private JsonNode admin(String... args) throws Exception {
    return JSON.readTree(LauncherRun.of(LauncherStorm.LAUNCHER, dir, env, "", args).stdout());
  }

  private static String errorOf(String response) throws Exception {
    JsonNode error = JSON.readTree(response).get("error");
    assertThat(error.isTextual()).as(response).isTrue();
    return error.asText();
  }

  private static String nft(String... args) {
    List<String> argv = new ArrayList<>(List.of("nft"));
    argv.addAll(List.of(args));
    return KernelCommand.run(argv);
  }

  // --- reachability, by real TCP ---

  private void awaitReachable(Workload from, Workload to) throws InterruptedException {
    PolicyConvergence.awaitReachable(() -> reaches(from, to.listener4), from + " → " + to, latestAgent);
  }

  private void awaitProgrammed(Workload workload) throws InterruptedException {
    PolicyConvergence.awaitProgrammed(workload.hostInterface(), latestAgent);
  }

  private void awaitGone(Workload workload) throws InterruptedException {
    PolicyConvergence.awaitGone(workload.hostInterface(), latestAgent);
  }

  private static void assertReachable(Workload from, Workload to) {
    assertThat(reaches(from, to.listener4)).as("%s → %s", from, to).isTrue();
  }

  private static void assertBlocked(Workload from, Workload to) {
    assertThat(reaches(from, to.listener4)).as("%s → %s must be dropped", from, to).isFalse();
  }

  private static boolean reaches(Workload from, ContainerListener to) {
    String target = to.address().isIPv6()
        ? "TCP6:[" + to.address() + "]:" + to.port() + ",connect-timeout=1"
        : "TCP4:" + to.address() + ":" + to.port() + ",connect-timeout=1";
    KernelCommand.Result result = from.container.attempt("socat", "-T", "2", "-", target);
    return result.succeeded() && result.stdout().strip().equals(ContainerListener.GREETING);
  }

  private static boolean fromHost(Workload to) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(to.listener4.address().toInetAddress(), to.listener4.port()), 1000);
      socket.setSoTimeout(2000);
      String line = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
      return ContainerListener.GREETING.equals(line);
    } catch (IOException e) {
      return false;
    }
  }

  /** The host's listener answers with the source it saw: the container's own address, not a masquerade. */
  private boolean toHost(Workload from) {
    KernelCommand.Result result = from.container.attempt("socat", "-T", "2", "-",
        "TCP4:" + hostIp.toCanonicalString() + ":" + hostListener.port() + ",connect-timeout=1");
    return result.succeeded() && result.stdout().strip().equals(from.address4.toCanonicalString());
  }

  private record Allocation(IPAddress v4, IPAddress v6) {}

  /** A container isolated through the plugin, with a listener on each of its addresses. */
  private final class Workload {
    final String netgroup;
    final ContainerId id;
    final NetnsContainer container;
    final IPAddress address4;
    final Allocation allocation;
    final ContainerListener listener4;
    final ContainerListener listener6;

    Workload(String netgroup, ContainerId id, NetnsContainer container, Allocation allocation) {
      this.netgroup = netgroup;
      this.id = id;
      this.container = container;
      this.allocation = allocation;
      this.address4 = allocation.v4;
      this.listener4 = ContainerListener.start(container, allocation.v4);
      this.listener6 = ContainerListener.start(container, allocation.v6);
    }

    String hostInterface() {
      return EndpointId.of(id).hostInterfaceName();
    }

    void cleanup() throws Exception {
      assertThat(plugin("{\"command\":\"release\",\"args\":{\"ips\":[\"" + allocation.v4.toCanonicalString() + "\",\""
          + allocation.v6.toCanonicalString() + "\"]}}")).isEqualTo("{\"error\":null}\n");
      assertThat(plugin("{\"command\":\"cleanup\",\"args\":{\"hostname\":\"agent\",\"container_id\":\"" + id + "\"}}"))
          .isEqualTo("{\"error\":null}\n");
    }

    @Override
    public String toString() {
      return netgroup + " container " + address4;
    }
  }
}
