package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import inet.ipaddr.IPAddress;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.EndpointId;
import org.calicomesos.testkit.dataplane.ContainerListener;
import org.calicomesos.testkit.dataplane.NetnsContainer;
import org.calicomesos.testkit.server.EtcdServer;
import org.calicomesos.testkit.server.ServerPerClass;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The container lifecycle as the Mesos agent drives it — {@code allocate}, {@code isolate} with a real pid,
 * {@code release {ips}}, {@code cleanup} — through bin/calico-mesos with JSON on stdin, for each dataplane on
 * SQLite and on etcd, checked against the kernel and with real TCP. Addresses come from the benchmark range
 * 198.18.0.0/15 and an IPv6 ULA and live only in namespaces this test makes.
 */
class LauncherDataplaneIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension static final ServerPerClass<EtcdServer> etcd = new ServerPerClass<>(EtcdServer::start);

  @TempDir Path dir;

  private final List<AutoCloseable> made = new ArrayList<>();
  private final List<String> dummies = new ArrayList<>();
  private Map<String, String> env;

  @AfterEach
  void removeWhatTheTestMade() throws Exception {
    for (AutoCloseable thing : made) {
      thing.close(); // a container's end goes with its namespace; the host end with it
    }
    for (String dummy : dummies) {
      Host.attempt("ip", "link", "del", dummy);
    }
    // The blocks stay claimed by the test node, so their blackhole routes stay too: remove ours in the test ranges.
    Host.attempt("ip", "-4", "route", "flush", "root", "198.18.0.0/15", "type", "blackhole", "proto", "196");
    Host.attempt("ip", "-6", "route", "flush", "root", "fd00:c0de::/32", "type", "blackhole", "proto", "196");
  }

  static Stream<Arguments> datastoresAndDataplanes() {
    return Stream.of(
        Arguments.of("sqlite", "netlink", 20), Arguments.of("sqlite", "iproute2", 21),
        Arguments.of("etcd", "netlink", 22), Arguments.of("etcd", "iproute2", 23));
  }

  @ParameterizedTest(name = "{0} + {1}")
  @MethodSource("datastoresAndDataplanes")
  void a_container_gets_its_network_and_loses_it_again(String datastore, String dataplane, int subnet) throws Exception {
    configure(datastore, dataplane, subnet);
    NetnsContainer a = container();
    NetnsContainer b = container();

    Lifecycle first = isolateNew(a, 1, 1);
    Lifecycle second = isolateNew(b, 1, 1);
    IPAddress a4 = first.ipv4.get(0);
    IPAddress a6 = first.ipv6.get(0);
    String hostA = first.hostInterface();

    // inside the container: eth0 with the /32 and /128, default routes via 169.254.1.1 and the link-local gateway
    assertThat(a.run("ip", "-o", "addr", "show", "dev", "eth0")).contains("inet " + a4 + "/32").contains("inet6 " + a6 + "/128");
    assertThat(a.run("ip", "-4", "route")).contains("default via 169.254.1.1 dev eth0").contains("169.254.1.1 dev eth0");
    assertThat(a.run("ip", "-6", "route")).contains("default via fe80::ecee:eeff:feee:eeee dev eth0");
    // on the host: a /32 and a /128 route to it, and a blackhole for its block
    assertThat(Host.run("ip", "-4", "route", "show", a4 + "/32")).contains("dev " + hostA);
    assertThat(Host.run("ip", "-6", "route", "show", a6 + "/128")).contains("dev " + hostA);
    assertThat(Host.run("ip", "-4", "route", "show", "type", "blackhole")).contains(a4.toPrefixBlock(26).toCanonicalString());

    // real TCP: host → container over IPv4 and IPv6, container → container
    assertThat(greeting(ContainerListener.start(a, a4))).isEqualTo(ContainerListener.GREETING);
    assertThat(greeting(ContainerListener.start(a, a6))).isEqualTo(ContainerListener.GREETING);
    ContainerListener inB = ContainerListener.start(b, second.ipv4.get(0));
    assertThat(a.run("socat", "-T", "5", "-", inB.socatClientAddress()).strip()).isEqualTo(ContainerListener.GREETING);
    if (java.nio.file.Files.exists(Path.of("/proc/sys/net/ipv6/conf/all/force_forwarding"))) {
      // Linux 6.17+: the plan's per-veth force_forwarding lets IPv6 through without the host's global switch
      ContainerListener inB6 = ContainerListener.start(b, second.ipv6.get(0));
      assertThat(a.run("socat", "-T", "5", "-", inB6.socatClientAddress()).strip()).isEqualTo(ContainerListener.GREETING);
    }

    // isolate again: success, nothing changes
    String linkBefore = Host.run("ip", "-o", "link", "show", "dev", hostA);
    assertThat(plugin(first.isolateRequest)).isEqualTo("{\"error\":null}\n");
    assertThat(Host.run("ip", "-o", "link", "show", "dev", hostA)).isEqualTo(linkBefore);

    // teardown as the agent does it: release by address, then cleanup; twice is fine
    assertThat(plugin(releaseIps(first))).isEqualTo("{\"error\":null}\n");
    assertThat(plugin(cleanup(first.container))).isEqualTo("{\"error\":null}\n");
    assertThat(plugin(cleanup(first.container))).isEqualTo("{\"error\":null}\n");
    assertThat(Host.attempt("ip", "link", "show", "dev", hostA).status()).isNotZero();
    assertThat(Host.run("ip", "-4", "route", "show", a4 + "/32")).isEmpty();
    assertThat(a.run("ip", "-o", "link")).doesNotContain("eth0");
    JsonNode check = admin("ipam", "check", "--output", "json");
    assertThat(check.get("problems")).as(check.toString()).isEmpty();
    assertThat(check.get("allocated").asInt()).isEqualTo(2); // only b's two addresses are still held

    plugin(releaseIps(second));
    plugin(cleanup(second.container));
    assertThat(admin("ipam", "check", "--output", "json").get("allocated").asInt()).isZero();
  }

  @ParameterizedTest(name = "{0} + {1}")
  @MethodSource("datastoresAndDataplanes")
  void a_failed_isolate_leaves_nothing_behind_and_says_why(String datastore, String dataplane, int subnet) throws Exception {
    configure(datastore, dataplane, subnet);

    // a pid that has exited
    NetnsContainer gone = NetnsContainer.start();
    long pid = gone.pid();
    gone.close();
    Lifecycle exited = allocate(1, 0);
    String error = errorOf(plugin(isolate(exited, pid)));
    assertThat(error).contains("pid " + pid).doesNotContain("\n");
    assertNothingLeft(exited);

    // an address some other interface on this host already routes
    NetnsContainer c = container();
    Lifecycle clash = allocate(1, 0);
    String dummy = "tdmy" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
    // a veth pair, not a dummy: not every kernel has the dummy module
    Host.run("ip", "link", "add", dummy, "type", "veth", "peer", "name", dummy + "p");
    dummies.add(dummy);
    Host.run("ip", "link", "set", dummy, "up");
    Host.run("ip", "route", "add", clash.ipv4.get(0) + "/32", "dev", dummy, "proto", "static");
    error = errorOf(plugin(isolate(clash, c.pid())));
    assertThat(error).contains(clash.ipv4.get(0).toCanonicalString()).doesNotContain("\n");
    assertNothingLeft(clash);
    assertThat(Host.run("ip", "-4", "route", "show", clash.ipv4.get(0) + "/32")).contains("dev " + dummy);
    assertThat(c.run("ip", "-o", "link")).doesNotContain("eth0");
  }

  private void assertNothingLeft(Lifecycle lifecycle) throws Exception {
    assertThat(Host.attempt("ip", "link", "show", "dev", lifecycle.hostInterface()).status()).isNotZero();
    JsonNode check = admin("ipam", "check", "--output", "json");
    assertThat(check.get("problems")).as(check.toString()).isEmpty();
  }

  private void configure(String datastore, String dataplane, int subnet) {
    env = new HashMap<>(Map.of(
        "CALICO_DATAPLANE", dataplane,
        "CALICO_NODENAME", "dp-it-node",
        "CALICO_LOG_FILE", dir.resolve("isolator.log").toString(),
        "CALICO_IPV4POOL_CIDR", "198.18." + subnet + ".0/24",
        "CALICO_IPV6POOL_CIDR", "fd00:c0de:" + subnet + "::/120",
        "CALICO_REQUEST_TIMEOUT", "30"));
    LauncherDatastores.use(datastore, env, dir, etcd.server(), null);
  }

  private NetnsContainer container() {
    NetnsContainer container = NetnsContainer.start();
    made.add(container);
    return container;
  }

  private Lifecycle isolateNew(NetnsContainer container, int v4, int v6) throws Exception {
    Lifecycle lifecycle = allocate(v4, v6);
    lifecycle.isolateRequest = isolate(lifecycle, container.pid());
    assertThat(plugin(lifecycle.isolateRequest)).isEqualTo("{\"error\":null}\n");
    return lifecycle;
  }

  private Lifecycle allocate(int v4, int v6) throws Exception {
    String uid = UUID.randomUUID().toString();
    JsonNode response = JSON.readTree(plugin("{\"command\":\"allocate\",\"args\":{\"hostname\":\"agent\",\"uid\":\"" + uid
        + "\",\"num_ipv4\":" + v4 + ",\"num_ipv6\":" + v6 + ",\"netgroups\":[\"prod\"]}}"));
    assertThat(response.get("error").isNull()).as(response.toString()).isTrue();
    Lifecycle lifecycle = new Lifecycle(new ContainerId(UUID.randomUUID().toString()));
    response.get("ipv4").forEach(ip -> lifecycle.ipv4.add(Addresses.parseAnyAddress("ip", ip.asText())));
    response.get("ipv6").forEach(ip -> lifecycle.ipv6.add(Addresses.parseAnyAddress("ip", ip.asText())));
    return lifecycle;
  }

  private static String isolate(Lifecycle lifecycle, long pid) {
    return "{\"command\":\"isolate\",\"args\":{\"hostname\":\"agent\",\"container_id\":\"" + lifecycle.container
        + "\",\"pid\":" + pid + ",\"ipv4_addrs\":" + list(lifecycle.ipv4)
        + (lifecycle.ipv6.isEmpty() ? "" : ",\"ipv6_addrs\":" + list(lifecycle.ipv6))
        + ",\"netgroups\":[\"prod\"],\"labels\":[{\"key\":\"app\",\"value\":\"web\"}]}}";
  }

  private static String releaseIps(Lifecycle lifecycle) {
    List<IPAddress> all = new ArrayList<>(lifecycle.ipv4);
    all.addAll(lifecycle.ipv6);
    return "{\"command\":\"release\",\"args\":{\"ips\":" + list(all) + "}}";
  }

  private static String cleanup(ContainerId container) {
    return "{\"command\":\"cleanup\",\"args\":{\"hostname\":\"agent\",\"container_id\":\"" + container + "\"}}";
  }

  private static String list(List<IPAddress> addresses) {
    return addresses.stream().map(a -> "\"" + a.toCanonicalString() + "\"").toList().toString().replace(" ", "");
  }

  private String plugin(String request) throws Exception {
    LauncherRun run = LauncherRun.of(LauncherStorm.LAUNCHER, dir, env, request);
    assertThat(run.stdout()).as("stderr: %s", run.stderr()).endsWith("}\n");
    return run.stdout();
  }

  private JsonNode admin(String... args) throws Exception {
    LauncherRun run = LauncherRun.of(LauncherStorm.LAUNCHER, dir, env, "", args);
    return JSON.readTree(run.stdout());
  }

  private static String errorOf(String response) throws Exception {
    JsonNode error = JSON.readTree(response).get("error");
    assertThat(error.isTextual()).as(response).isTrue();
    return error.asText();
  }

  private static String greeting(ContainerListener listener) throws Exception {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(listener.address().toInetAddress(), listener.port()), 5000);
      socket.setSoTimeout(5000);
      return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }
  }

  /** One container's trip through the plugin. */
  private static final class Lifecycle {
    final ContainerId container;
    final List<IPAddress> ipv4 = new ArrayList<>();
    final List<IPAddress> ipv6 = new ArrayList<>();
    String isolateRequest;

    Lifecycle(ContainerId container) {
      this.container = container;
    }

    String hostInterface() {
      return EndpointId.of(container).hostInterfaceName();
    }
  }

  /** Commands on the host, to read the kernel's facts independently of the adapter under test. */
  private static final class Host {
    record Result(int status, String out) {}

    static String run(String... argv) throws Exception {
      Result result = attempt(argv);
      assertThat(result.status()).as("%s: %s", String.join(" ", argv), result.out()).isZero();
      return result.out().strip();
    }

    static Result attempt(String... argv) throws Exception {
      Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", argv) + " did not finish");
      }
      return new Result(process.exitValue(), out);
    }
  }
}
