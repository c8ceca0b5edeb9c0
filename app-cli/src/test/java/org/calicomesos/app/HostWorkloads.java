package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import inet.ipaddr.IPAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.testkit.dataplane.ContainerListener;
import org.calicomesos.testkit.dataplane.KernelCommand;
import org.calicomesos.testkit.dataplane.NetnsContainer;

/**
 * What a multi-host test does on its hosts ({@link HostNetwork}) through their own launcher: each host's
 * environment (its node name, host IP, the shared etcd), admin commands and plugin requests run inside the host's
 * namespace, and containers allocated and isolated there with a TCP listener. {@link #close} ends the containers.
 */
final class HostWorkloads implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HostNetwork network;
  private final Path dir;
  private final String nodePrefix;
  private final Map<String, String> common;
  private final Map<Integer, Map<String, String>> perHost = new HashMap<>();
  private final List<NetnsContainer> containers = new ArrayList<>();

  /** @param common what every host's agent, plugin and admin commands get besides their own node name and IP */
  HostWorkloads(HostNetwork network, Path dir, String nodePrefix, Map<String, String> common) {
    this.network = network;
    this.dir = dir;
    this.nodePrefix = nodePrefix;
    this.common = Map.copyOf(common);
  }

  /** Adds variables for host {@code n} alone (e.g. where its BIRD is). */
  void set(int n, Map<String, String> variables) {
    perHost.computeIfAbsent(n, host -> new HashMap<>()).putAll(variables);
  }

  String node(int n) {
    return nodePrefix + n;
  }

  Map<String, String> env(int n) {
    Map<String, String> env = new HashMap<>(common);
    env.putAll(Map.of(
        "CALICO_NODENAME", node(n),
        "CALICO_HOST_IP", network.address(n),
        "CALICO_AGENT_SOCKET", dir.resolve("h" + n + ".sock").toString(),
        "CALICO_METRICS_PORT", "off",
        "CALICO_LOG_FILE", dir.resolve("h" + n + "-isolator.log").toString(),
        "CALICO_REQUEST_TIMEOUT", "30"));
    env.putAll(perHost.getOrDefault(n, Map.of()));
    return env;
  }

  LauncherRun admin(int n, String... args) throws Exception {
    return LauncherRun.inNamespace(network.namespace(n), LauncherStorm.LAUNCHER, dir, env(n), "", args);
  }

  String plugin(int n, String request) throws Exception {
    LauncherRun run = LauncherRun.inNamespace(network.namespace(n), LauncherStorm.LAUNCHER, dir, env(n), request);
    assertThat(run.stdout()).as("stderr: %s", run.stderr()).endsWith("}\n");
    return run.stdout();
  }

  /** Allocates and isolates a container on host {@code n} through that host's plugin, with a listener on it. */
  Workload workload(int n, String netgroup) throws Exception {
    NetnsContainer container = NetnsContainer.start();
    containers.add(container);
    JsonNode allocated = JSON.readTree(plugin(n, "{\"command\":\"allocate\",\"args\":{\"hostname\":\"h" + n
        + "\",\"uid\":\"" + UUID.randomUUID() + "\",\"num_ipv4\":1,\"num_ipv6\":0,\"netgroups\":[\"" + netgroup
        + "\"]}}"));
    assertThat(allocated.get("error").isNull()).as(allocated.toString()).isTrue();
    IPAddress address = Addresses.parseAnyAddress("ip", allocated.get("ipv4").get(0).asText());
    ContainerId id = new ContainerId(UUID.randomUUID().toString());
    assertThat(plugin(n, "{\"command\":\"isolate\",\"args\":{\"hostname\":\"h" + n + "\",\"container_id\":\"" + id
        + "\",\"pid\":" + container.pid() + ",\"ipv4_addrs\":[\"" + address.toCanonicalString()
        + "\"],\"netgroups\":[\"" + netgroup + "\"]}}")).isEqualTo("{\"error\":null}\n");
    return new Workload(this, n, id, container, address, ContainerListener.start(container, address));
  }

  static boolean reaches(Workload from, Workload to) {
    KernelCommand.Result result = from.container.attempt("socat", "-T", "2", "-",
        "TCP4:" + to.address.toCanonicalString() + ":" + to.listener.port() + ",connect-timeout=1");
    return result.succeeded() && result.stdout().strip().equals(ContainerListener.GREETING);
  }

  @Override
  public void close() {
    containers.forEach(NetnsContainer::close);
  }

  /** A container isolated on host {@code host}, with a TCP listener on its address. */
  record Workload(HostWorkloads hosts, int host, ContainerId id, NetnsContainer container, IPAddress address,
      ContainerListener listener) {
    /** Releases its address and cleans it up, as Mesos does when the task ends. */
    void cleanup() throws Exception {
      assertThat(hosts.plugin(host, "{\"command\":\"release\",\"args\":{\"ips\":[\"" + address.toCanonicalString()
          + "\"]}}")).isEqualTo("{\"error\":null}\n");
      assertThat(hosts.plugin(host, "{\"command\":\"cleanup\",\"args\":{\"hostname\":\"h" + host
          + "\",\"container_id\":\"" + id + "\"}}")).isEqualTo("{\"error\":null}\n");
    }
  }
}
