package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import inet.ipaddr.IPAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.calicomesos.testkit.dataplane.ContainerListener;
import org.calicomesos.testkit.dataplane.KernelCommand;
import org.calicomesos.testkit.dataplane.NetnsContainer;
import org.calicomesos.testkit.policy.IcmpEcho;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calico policy end to end (docs/policy.md): {@code calico-mesos agent} enforcing on etcd with the netlink dataplane,
 * containers attached by cnitool with Mesos' NetworkInfo labels, policies applied with {@code calico-mesos policy
 * apply} as an operator pastes them from Calico's docs, and real TCP, UDP and ICMP between namespaces. Every change
 * is made while the agent runs; nothing is restarted.
 *
 * <p>The shop: {@code db} (app=db), {@code web} (app=web, tier=front), {@code batch} (app=batch, monitor), all in
 * netgroup {@code shop}, so that with no policy they reach each other on every port; {@code outsider} in netgroup
 * {@code elsewhere}; and "the world", 203.0.113.0/24 ({@link WorldNamespace}).
 */
class NetworkPolicyIT {
  private static final String POOL = "198.18.72.0/24";
  private static final int DB_PORT = 5432;
  private static final int OTHER_PORT = 8080;
  private static final int UDP_PORT = 5353;
  private static final int WEB_PORT = 80;

  @TempDir Path dir;

  private CniHost host;
  private AgentProcess agent;
  private WorldNamespace world;

  @BeforeEach
  void runsItsOwnAgent() {
    assumeFalse(SharedAgent.enabled(), "this test starts its own agent");
  }

  @AfterEach
  void removeWhatTheTestMade() throws Exception {
    Teardown.inOrder(agent, host, world);
    KernelCommand.attempt("nft", "delete", "table", "inet", PolicyConvergence.TABLE);
    KernelCommand.attempt("ip", "-4", "route", "flush", "root", POOL, "type", "blackhole", "proto", "196");
  }

  @Test
  void calico_policies_narrow_deny_pass_and_follow_labels_over_tcp_udp_and_icmp() throws Exception {
    start();
    Workload db = attach("db", "shop", Map.of("app", "db"));
    Workload web = attach("web", "shop", Map.of("app", "web", "tier", "front"));
    Workload batch = attach("batch", "shop", Map.of("app", "batch", "monitor", ""));
    Workload outsider = attach("outsider", "elsewhere", Map.of("app", "web"));
    db.listen(DB_PORT);
    db.listen(OTHER_PORT);
    db.listenUdp(UDP_PORT);
    web.listen(WEB_PORT);
    ContainerListener worldListener = world.peerReporter(WorldNamespace.WORLD_V4);
    PolicyConvergence.awaitProgrammed(outsider.hostInterface, agent);

    // No policy: the netgroup decides.
    await(() -> web.reaches(db, DB_PORT), "web → db:5432, netgroup shop, no policy");
    assertThat(batch.reaches(db, OTHER_PORT)).as("batch → db:8080, no policy").isTrue();
    assertThat(web.pings(db)).as("web pings db, no policy").isTrue();
    assertThat(outsider.reaches(db, DB_PORT)).as("outsider → db, other netgroup").isFalse();

    // 1. A port-level allow: db admits TCP 5432 from app=web only, UDP 5353 from app in {web, batch} and ICMP echo
    //    from has(monitor). Once a policy applies to db, what it does not allow is denied, netgroup or not.
    apply("""
        apiVersion: projectcalico.org/v3
        kind: GlobalNetworkPolicy
        metadata:
          name: db-clients
        spec:
          order: 100
          selector: app == 'db'
          types: [Ingress]
          ingress:
          - action: Allow
            protocol: TCP
            source:
              selector: app == 'web'
            destination:
              ports: [5432]
          - action: Allow
            protocol: UDP
            source:
              selector: app in {'web', 'batch'} && !has(monitor) || has(tier)
            destination:
              ports: ["5300:5400"]
          - action: Allow
            protocol: ICMP
            icmp:
              type: 8
            source:
              selector: has(monitor)
        """);
    await(() -> !batch.reaches(db, DB_PORT), "batch → db:5432 refused by db-clients");
    assertThat(web.reaches(db, DB_PORT)).as("web → db:5432").isTrue();
    assertThat(web.reaches(db, OTHER_PORT)).as("web → db:8080, not allowed").isFalse();
    assertThat(outsider.reaches(db, DB_PORT)).as("outsider with app=web, other netgroup, → db:5432").isTrue();
    assertThat(web.udpReaches(db, UDP_PORT)).as("web → db udp 5353 (has(tier))").isTrue();
    assertThat(batch.udpReaches(db, UDP_PORT)).as("batch → db udp 5353 (has(monitor))").isFalse();
    assertThat(batch.pings(db)).as("batch pings db (has(monitor))").isTrue();
    assertThat(web.pings(db)).as("web pings db, not allowed").isFalse();

    // 2. An egress deny to a CIDR, everything else allowed.
    assertThat(web.reachesWorld(worldListener)).as("web → world, before").isTrue();
    apply("""
        apiVersion: projectcalico.org/v3
        kind: GlobalNetworkPolicy
        metadata:
          name: no-world
        spec:
          order: 50
          selector: app == 'web'
          types: [Egress]
          egress:
          - action: Deny
            destination:
              nets: [203.0.113.0/24]
          - action: Allow
        """);
    await(() -> !web.reachesWorld(worldListener), "web → world denied by no-world");
    assertThat(web.reaches(db, DB_PORT)).as("web → db:5432 still").isTrue();
    assertThat(batch.reachesWorld(worldListener)).as("batch → world, no egress policy").isTrue();

    // 3. Deny before pass, by order: web admits nothing from app=batch (order 10), then hands the rest to its
    //    profiles (order 20, pass): the netgroup admits db, and never outsider.
    apply("""
        apiVersion: projectcalico.org/v3
        kind: GlobalNetworkPolicy
        metadata:
          name: web-deny-batch
        spec:
          order: 10
          selector: app == 'web'
          ingress:
          - action: Deny
            protocol: TCP
            source:
              selector: app == 'batch'
        ---
        apiVersion: projectcalico.org/v3
        kind: GlobalNetworkPolicy
        metadata:
          name: web-to-profiles
        spec:
          order: 20
          selector: app == 'web'
          types: [Ingress]
          ingress:
          - action: Pass
        """);
    await(() -> !batch.reaches(web, WEB_PORT), "batch → web:80 denied by order 10 despite netgroup shop");
    assertThat(db.reaches(web, WEB_PORT)).as("db → web:80, passed to the netgroup profile").isTrue();
    assertThat(outsider.reaches(web, WEB_PORT)).as("outsider → web:80, passed, no profile admits").isFalse();

    // 4. A label change, without restarting anything: batch becomes a web client of db.
    host.admin("endpoint", "label", batch.container, "app=web");
    await(() -> batch.reaches(db, DB_PORT), "batch, relabelled app=web, → db:5432");
    assertThat(batch.reaches(web, WEB_PORT)).as("batch is no longer app=batch for web-deny-batch").isTrue();
    assertThat(batch.reachesWorld(worldListener)).as("batch, now app=web, is under no-world").isFalse();

    // 5. Deleting the policies gives the netgroups back.
    for (String name : new String[] {"db-clients", "no-world", "web-deny-batch", "web-to-profiles"}) {
      host.admin("policy", "delete", name);
    }
    await(() -> web.reaches(db, OTHER_PORT), "web → db:8080 once no policy applies");
    assertThat(outsider.reaches(db, DB_PORT)).as("outsider → db, other netgroup again").isFalse();
    assertThat(web.reachesWorld(worldListener)).as("web → world again").isTrue();
  }

  private void start() throws Exception {
    world = WorldNamespace.create();
    host = CniHost.start("etcd", dir, dir.resolve("agent.sock"));
    Map<String, String> agentEnv = new HashMap<>(host.adminEnv());
    agentEnv.put("CALICO_DATAPLANE", "netlink");
    agentEnv.put("CALICO_AGENT_SOCKET", host.agentSocket().toString());
    agentEnv.put("CALICO_METRICS_PORT", "off");
    agentEnv.put("CALICO_REQUEST_TIMEOUT", "30");
    agent = AgentProcess.start(dir, agentEnv);
    host.addPool(POOL, 28);
  }

  /** A container attached as Mesos' network/cni isolator would: its NetworkInfo's groups and labels in the args. */
  private Workload attach(String name, String netgroup, Map<String, String> labels) throws Exception {
    ObjectNode ipam = CniHost.object();
    ipam.putArray("ipv4_pools").add(POOL);
    ObjectNode plugin = host.mainPlugin(ipam);
    ObjectNode networkInfo = plugin.putObject("args").putObject("org.apache.mesos").putObject("network_info");
    networkInfo.put("name", "pol" + name);
    networkInfo.putArray("groups").add(netgroup);
    ArrayNode list = networkInfo.putObject("labels").putArray("labels");
    new LinkedHashMap<>(labels).forEach((key, value) -> list.addObject().put("key", key).put("value", value));
    host.install(host.network("pol" + name, "0.4.0", plugin));
    NetnsContainer container = host.container();
    JsonNode result = host.add("pol" + name, container, "eth0", new HashMap<>(Map.of("CALICO_DATAPLANE", "netlink")));
    IPAddress address = CniHost.addressOf(result.get("ips").get(0).get("address").asText()).withoutPrefixLength();
    return new Workload(CniHost.cnitoolContainerId(CniHost.netns(container)), container, address,
        CniHost.hostInterface("pol" + name, container, "eth0"));
  }

  private void apply(String yaml) throws Exception {
    Path file = Files.writeString(dir.resolve("policy-" + System.nanoTime() + ".yaml"), yaml);
    host.admin("policy", "apply", "-f", file.toString());
  }

  private void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    PolicyConvergence.awaitReachable(condition, what, agent);
  }

  /** One attached container: what it listens on and how it probes the others. */
  private record Workload(String container, NetnsContainer netns, IPAddress address, String hostInterface) {
    void listen(int port) {
      ContainerListener.onPort(netns, address, port);
    }

    void listenUdp(int port) throws InterruptedException {
      netns.startInBackground("socat", "UDP4-RECVFROM:" + port + ",bind=" + address + ",fork", "EXEC:echo hello");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!netns.run("ss", "-Hlun", "sport", "=", ":" + port).contains(":" + port)) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no UDP listener on " + address + " port " + port);
        }
        Thread.sleep(20);
      }
    }

    boolean reaches(Workload to, int port) {
      return NatAndPortMappingIT.greets(netns, to.address.toCanonicalString(), port);
    }

    boolean udpReaches(Workload to, int port) {
      KernelCommand.Result result = netns.attempt("sh", "-c", "echo ping | socat -T 1 - UDP4:" + to.address + ":"
          + port);
      return result.succeeded() && result.stdout().strip().equals("hello");
    }

    boolean pings(Workload to) {
      return IcmpEcho.ping(netns, address, to.address).isPresent();
    }

    boolean reachesWorld(ContainerListener world) {
      return !WorldNamespace.sourceSeen(netns, world).isEmpty();
    }
  }
}
