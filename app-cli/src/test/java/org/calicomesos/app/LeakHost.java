package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.EndpointId;
import org.calicomesos.testkit.dataplane.KernelCommand;
import org.calicomesos.testkit.dataplane.NetnsContainer;
import org.calicomesos.testkit.server.EtcdServer;

/**
 * One host for the leak tests: net-modules requests through bin/calico-mesos on a store of its own, containers as
 * network namespaces, the agent started and stopped at will, and {@code gc} and {@code ipam check} as an operator
 * runs them. {@link #close} kills what is left and removes the blackholes of its range.
 */
final class LeakHost implements AutoCloseable {
  static final String NODE = "leak-it-node";
  private static final String POOL = "198.18.70.0/24";
  private static final String POOL_V6 = "fd00:c0de:70::/120";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final Map<String, String> env;
  private final List<NetnsContainer> containers = new ArrayList<>();
  private AgentProcess agent;

  private LeakHost(Path dir, Map<String, String> env) {
    this.dir = dir;
    this.env = env;
  }

  /** @param etcd the shared etcd, for {@code datastore} etcd (else may be null) */
  static LeakHost start(String datastore, Path dir, EtcdServer etcd, Map<String, String> settings) {
    Map<String, String> env = new HashMap<>(Map.of(
        "CALICO_NODENAME", NODE,
        "CALICO_LOG_FILE", dir.resolve("calico-mesos.log").toString(),
        "CALICO_IPV4POOL_CIDR", POOL,
        "CALICO_IPV6POOL_CIDR", POOL_V6,
        "CALICO_REQUEST_TIMEOUT", "30"));
    env.putAll(settings);
    LauncherDatastores.use(datastore, env, dir, etcd, null);
    return new LeakHost(dir, env);
  }

  NetnsContainer container() {
    NetnsContainer container = NetnsContainer.start();
    containers.add(container);
    return container;
  }

  /** {@code allocate} of one IPv4 address under a fresh uid. */
  Lifecycle allocate() throws Exception {
    String uid = UUID.randomUUID().toString();
    JsonNode response = JSON.readTree(plugin("{\"command\":\"allocate\",\"args\":{\"hostname\":\"agent\",\"uid\":\""
        + uid + "\",\"num_ipv4\":1,\"num_ipv6\":0,\"netgroups\":[\"prod\"]}}"));
    assertThat(response.get("error").isNull()).as(response.toString()).isTrue();
    return new Lifecycle(uid, new ContainerId(UUID.randomUUID().toString()), response.get("ipv4").get(0).asText());
  }

  /** {@code allocate}, then {@code isolate} into {@code container}. */
  Lifecycle isolateNew(NetnsContainer container) throws Exception {
    Lifecycle lifecycle = allocate();
    assertThat(plugin("{\"command\":\"isolate\",\"args\":{\"hostname\":\"agent\",\"container_id\":\""
        + lifecycle.container() + "\",\"pid\":" + container.pid() + ",\"ipv4_addrs\":[\"" + lifecycle.ipv4()
        + "\"],\"netgroups\":[\"prod\"]}}")).isEqualTo("{\"error\":null}\n");
    return lifecycle;
  }

  /** What the Mesos agent sends when a container ends: {@code cleanup}, then {@code release} of its uid. */
  void cleanupAndRelease(Lifecycle lifecycle) throws Exception {
    assertThat(plugin("{\"command\":\"cleanup\",\"args\":{\"hostname\":\"agent\",\"container_id\":\""
        + lifecycle.container() + "\"}}")).isEqualTo("{\"error\":null}\n");
    assertThat(plugin("{\"command\":\"release\",\"args\":{\"uid\":\"" + lifecycle.uid() + "\"}}"))
        .isEqualTo("{\"error\":null}\n");
  }

  /** Waits (briefly) for the kernel to have deleted a dead namespace's veth. */
  void awaitInterfaceGone(Lifecycle lifecycle) throws InterruptedException {
    for (int i = 0; i < 100 && CniHost.linkExists(lifecycle.hostInterface()); i++) {
      Thread.sleep(50);
    }
    assertThat(CniHost.linkExists(lifecycle.hostInterface())).as("%s after its namespace went", lifecycle.hostInterface())
        .isFalse();
  }

  /** {@code calico-mesos gc ARGS --output json}. */
  JsonNode gc(String... args) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of("gc"));
    all.addAll(List.of(args));
    all.addAll(List.of("--output", "json"));
    return admin(all.toArray(String[]::new));
  }

  JsonNode admin(String... args) throws IOException, InterruptedException {
    LauncherRun run = LauncherRun.of(LauncherStorm.LAUNCHER, dir, env, "", args);
    assertThat(run.stdout()).as("%s: %s", String.join(" ", args), run.stderr()).startsWith("{");
    return JSON.readTree(run.stdout());
  }

  void startAgent() throws IOException {
    agent = AgentProcess.startServingOnly(dir, env);
  }

  void stopAgent() throws InterruptedException {
    agent.stop();
    agent = null;
  }

  void awaitAgentLog(String text, Duration timeout) {
    agent.awaitLog(text, 1, timeout);
  }

  String agentLog() {
    return agent.log();
  }

  /** Nothing held and nothing inconsistent: {@code ipam check} clean, no handle, no address, no endpoint record. */
  void assertNothingHeld() throws IOException, InterruptedException {
    JsonNode check = admin("ipam", "check", "--output", "json");
    assertThat(check.get("problems")).as("ipam check: %s", check).isEmpty();
    assertThat(check.get("handles").asInt()).as("handles in %s", check).isZero();
    assertThat(check.get("allocated").asInt()).as("assigned addresses in %s", check).isZero();
    assertThat(admin("endpoint", "list", "--output", "json").get("endpoints")).as("endpoint records").isEmpty();
  }

  @Override
  public void close() throws Exception {
    List<AutoCloseable> made = new ArrayList<>(containers);
    if (agent != null) {
      made.add(0, agent);
    }
    Teardown.inOrder(made.toArray(AutoCloseable[]::new));
    KernelCommand.attempt("ip", "-4", "route", "flush", "root", POOL, "type", "blackhole", "proto", "196");
    KernelCommand.attempt("ip", "-6", "route", "flush", "root", POOL_V6, "type", "blackhole", "proto", "196");
  }

  private String plugin(String request) throws Exception {
    LauncherRun run = LauncherRun.of(LauncherStorm.LAUNCHER, dir, env, request);
    assertThat(run.stdout()).as("stderr: %s", run.stderr()).endsWith("}\n");
    return run.stdout();
  }

  /** One container's trip through the plugin. */
  record Lifecycle(String uid, ContainerId container, String ipv4) {
    String hostInterface() {
      return EndpointId.of(container).hostInterfaceName();
    }
  }
}
