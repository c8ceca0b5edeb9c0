package org.calicomesos.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import inet.ipaddr.IPAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.calicomesos.ports.model.Addresses;
import org.calicomesos.ports.model.ContainerId;
import org.calicomesos.ports.model.EndpointId;
import org.calicomesos.ports.model.NetworkName;
import org.calicomesos.testkit.dataplane.ContainerListener;
import org.calicomesos.testkit.dataplane.KernelCommand;
import org.calicomesos.testkit.dataplane.NetnsContainer;
import org.calicomesos.testkit.server.EtcdServer;

/**
 * A host as a CNI runtime sees it, for the CNI end-to-end tests: a {@code CNI_PATH} directory holding
 * {@code calico-mesos} and {@code calico-mesos-ipam} as symlinks to {@code bin/calico-mesos} (ahead of Debian's
 * reference plugins), a {@code NETCONFPATH} for cnitool, one datastore of the test's own (a SQLite file, or an etcd
 * started for this test alone, so that stopping it or leaving state behind touches no other test), the settings
 * that point a network configuration at it, and the admin CLI on the same store. {@link #close} deletes every
 * attachment cnitool made (so portmap's rules and the store's records go too), then kills the containers (their
 * namespaces, and the container ends of the veths, die with them) and the etcd.
 */
final class CniHost implements AutoCloseable {
  static final String NODE = "cni-it-node";
  static final String REFERENCE_PLUGINS = "/usr/lib/cni";
  static final String CNITOOL = "/usr/local/bin/cnitool";
  /** Where libcni keeps each attachment's result for CHECK and DEL; cnitool cannot move it. */
  private static final Path LIBCNI_CACHE = Path.of("/var/lib/cni/results");
  static final ObjectMapper JSON = new ObjectMapper();

  private final String datastore;
  private final Path dir;
  private final EtcdServer etcd;
  private final Path bin;
  private final Path netconf;
  private final Path agentSocket;
  /** What cnitool added and has not deleted yet, with the variables its ADD had (portmap's DEL needs them again). */
  private final Map<Attachment, Map<String, String>> attached = new java.util.LinkedHashMap<>();
  private final List<NetnsContainer> containers = new ArrayList<>();

  private CniHost(String datastore, Path dir, EtcdServer etcd, Path agentSocket) throws IOException {
    this.datastore = datastore;
    this.dir = dir;
    this.etcd = etcd;
    this.agentSocket = agentSocket;
    this.bin = Files.createDirectories(dir.resolve("cni-bin"));
    this.netconf = Files.createDirectories(dir.resolve("net.d"));
    Files.createSymbolicLink(bin.resolve("calico-mesos"), LauncherStorm.LAUNCHER);
    Files.createSymbolicLink(bin.resolve("calico-mesos-ipam"), LauncherStorm.LAUNCHER);
  }

  /**
   * A host on {@code datastore} ("sqlite" or "etcd") whose plugin requests the shared test agent serves when the
   * run asks for it (as {@link LauncherRun} does), and otherwise no agent at all: never one this machine runs.
   */
  static CniHost start(String datastore, Path dir) throws IOException {
    Path socket = SharedAgent.enabled() ? SharedAgent.socket() : dir.resolve("no-agent").resolve("agent.sock");
    return start(datastore, dir, socket);
  }

  /** A host whose plugin requests go to the agent on {@code agentSocket} (a test's own agent). */
  static CniHost start(String datastore, Path dir, Path agentSocket) throws IOException {
    EtcdServer etcd = switch (datastore) {
      case "etcd" -> EtcdServer.start();
      case "sqlite" -> null;
      default -> throw new IllegalArgumentException("no datastore " + datastore);
    };
    try {
      return new CniHost(datastore, dir, etcd, agentSocket);
    } catch (IOException | RuntimeException e) {
      if (etcd != null) {
        etcd.close();
      }
      throw e;
    }
  }

  Path dir() {
    return dir;
  }

  EtcdServer etcd() {
    return etcd;
  }

  /** Our main plugin's binary, as a runtime finds it in {@code CNI_PATH}. */
  Path plugin() {
    return bin.resolve("calico-mesos");
  }

  /** The directory {@link #install} writes network configurations to (cnitool's {@code NETCONFPATH}). */
  Path netconf() {
    return netconf;
  }

  /** Our plugin's directory first, then Debian's reference plugins (ptp, bridge, portmap, host-local). */
  String cniPath() {
    return bin + ":" + REFERENCE_PLUGINS;
  }

  Path agentSocket() {
    return agentSocket;
  }

  /**
   * What a network configuration of our plugin carries to reach this host's store, with Calico's setting names;
   * nothing comes from the environment. The agent socket is named too, so that only the test's agent (or none)
   * ever serves the request.
   */
  ObjectNode settings() {
    ObjectNode settings = JSON.createObjectNode();
    if (etcd != null) {
      settings.put("datastore_type", "etcdv3").put("etcd_endpoints", etcd.clientUrl());
    } else {
      settings.put("datastore_type", "sqlite").put("sqlite_path", storeFile().toString());
    }
    return settings.put("nodename", NODE)
        .put("log_file", dir.resolve("cni.log").toString())
        .put("log_level", "debug")
        .put("agent_socket", agentSocket.toString());
  }

  /** {@code {"type": "calico-mesos", <settings>, "ipam": {"type": "calico-mesos-ipam", <ipam>}}}. */
  ObjectNode mainPlugin(ObjectNode ipam) {
    return plugin("calico-mesos", ipam);
  }

  ObjectNode mainPlugin() {
    return mainPlugin(JSON.createObjectNode());
  }

  /**
   * Plugin {@code type} with our IPAM plugin: the settings sit at the plugin's top level, where the main plugin
   * ignores them and the IPAM plugin, which gets the same configuration, reads them (as with Calico's).
   */
  ObjectNode plugin(String type, ObjectNode ipam) {
    ObjectNode plugin = JSON.createObjectNode().put("type", type);
    plugin.setAll(settings());
    ObjectNode ipamSection = JSON.createObjectNode().put("type", "calico-mesos-ipam");
    ipamSection.setAll(ipam);
    plugin.set("ipam", ipamSection);
    return plugin;
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** A single-plugin network configuration ({@code .conf}) of version {@code cniVersion}. */
  ObjectNode network(String name, String cniVersion, ObjectNode plugin) {
    ObjectNode conf = JSON.createObjectNode().put("cniVersion", cniVersion).put("name", name);
    conf.setAll(plugin);
    return conf;
  }

  /** A {@code .conflist} of version {@code cniVersion} running {@code plugins} in order. */
  ObjectNode conflist(String name, String cniVersion, ObjectNode... plugins) {
    ObjectNode conf = JSON.createObjectNode().put("cniVersion", cniVersion).put("name", name);
    var array = conf.putArray("plugins");
    for (ObjectNode plugin : plugins) {
      array.add(plugin);
    }
    return conf;
  }

  /** Writes a network configuration where cnitool looks for it ({@code NETCONFPATH}). */
  void install(ObjectNode conf) throws IOException {
    String suffix = conf.has("plugins") ? ".conflist" : ".conf";
    Files.writeString(netconf.resolve(conf.get("name").asText() + suffix), conf.toString(), StandardCharsets.UTF_8);
  }

  /** A container: a process in a network namespace of its own, killed at {@link #close}. */
  NetnsContainer container() {
    NetnsContainer container = NetnsContainer.start();
    containers.add(container);
    return container;
  }

  /** The namespace path a runtime hands the plugin for {@code container}. */
  static Path netns(NetnsContainer container) {
    return Path.of("/proc/" + container.pid() + "/ns/net");
  }

  /** {@code cnitool add|check|del network <netns>} with {@code CNI_IFNAME=ifname}, and {@code extra} variables. */
  CniCall.Result cnitool(String verb, String network, NetnsContainer container, String ifname,
      Map<String, String> extra) throws IOException {
    Attachment attachment = new Attachment(network, netns(container), ifname);
    if (verb.equals("add")) {
      attached.put(attachment, Map.copyOf(extra));
    }
    Map<String, String> env = new HashMap<>(Map.of("NETCONFPATH", netconf.toString(), "CNI_PATH", cniPath(),
        "CNI_IFNAME", ifname, "PATH", CniCall.PATH));
    env.putAll(extra);
    ProcessBuilder builder = new ProcessBuilder(CNITOOL, verb, network, attachment.netns().toString());
    builder.environment().clear();
    builder.environment().putAll(env);
    long answeredBefore = SharedAgent.enabled() ? SharedAgent.answered() : 0;
    CniCall.Result result = run(builder);
    if (SharedAgent.enabled() && SharedAgent.answered() <= answeredBefore) {
      throw new AssertionError("the shared agent did not answer cnitool " + verb + "; the plugin handled it in-process:\n"
          + result);
    }
    if (verb.equals("del") && result.status() == 0) {
      attached.remove(attachment);
    }
    return result;
  }

  CniCall.Result cnitool(String verb, String network, NetnsContainer container, String ifname) throws IOException {
    return cnitool(verb, network, container, ifname, Map.of());
  }

  /** {@code cnitool add} that must succeed; its result. */
  JsonNode add(String network, NetnsContainer container, String ifname, Map<String, String> extra) throws IOException {
    CniCall.Result result = cnitool("add", network, container, ifname, extra);
    assertThat(result.status()).as("cnitool add %s %s: %s", network, ifname, result).isZero();
    return result.json();
  }

  JsonNode add(String network, NetnsContainer container, String ifname) throws IOException {
    return add(network, container, ifname, Map.of());
  }

  void del(String network, NetnsContainer container, String ifname) throws IOException {
    del(network, container, ifname, Map.of());
  }

  void del(String network, NetnsContainer container, String ifname, Map<String, String> extra) throws IOException {
    CniCall.Result result = cnitool("del", network, container, ifname, extra);
    assertThat(result.status()).as("cnitool del %s %s: %s", network, ifname, result).isZero();
  }

  /** The environment the admin CLI reads this host's store with. */
  Map<String, String> adminEnv() {
    Map<String, String> env = new HashMap<>(Map.of("CALICO_NODENAME", NODE,
        "CALICO_LOG_FILE", dir.resolve("admin.log").toString()));
    if (etcd != null) {
      env.put("CALICO_DATASTORE", "etcd");
      env.put("ETCD_ENDPOINTS", etcd.clientUrl());
    } else {
      env.put("CALICO_DATASTORE", "sqlite");
      env.put("CALICO_SQLITE_PATH", storeFile().toString());
    }
    return env;
  }

  LauncherRun adminRun(String... args) throws IOException, InterruptedException {
    return LauncherRun.of(LauncherStorm.LAUNCHER, dir, adminEnv(), "", args);
  }

  /** An admin command with {@code --output json} that must succeed. */
  JsonNode admin(String... args) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of(args));
    argv.addAll(List.of("--output", "json"));
    LauncherRun run = adminRun(argv.toArray(String[]::new));
    assertThat(run.status()).as("calico-mesos %s: %s", argv, run.stderr()).isZero();
    return JSON.readTree(run.stdout());
  }

  /** Adds the IPv4 pool {@code cidr} with blocks of {@code blockSize}, before any request could add the default. */
  void addPool(String cidr, int blockSize) throws IOException, InterruptedException {
    admin("pool", "add", cidr, "--block-size", String.valueOf(blockSize));
    pools.add(cidr);
  }

  /** Every endpoint record in the store, as {@code endpoint list} prints them. */
  JsonNode endpoints() throws IOException, InterruptedException {
    return admin("endpoint", "list").get("endpoints");
  }

  /** How many addresses {@code ipam show} counts as used, over every pool. */
  int addressesInUse() throws IOException, InterruptedException {
    int used = 0;
    for (JsonNode pool : admin("ipam", "show").get("pools")) {
      used += pool.path("used").asInt();
    }
    return used;
  }

  /**
   * The store holds nothing of any attachment and nothing is inconsistent: {@code ipam check} clean with no
   * handle and no assigned address, no endpoint record, and no {@code cali} interface on this host.
   */
  void assertNothingHeld() throws IOException, InterruptedException {
    JsonNode check = admin("ipam", "check");
    assertThat(check.get("problems")).as("ipam check: %s", check).isEmpty();
    assertThat(check.get("handles").asInt()).as("handles in %s", check).isZero();
    assertThat(check.get("allocated").asInt()).as("assigned addresses in %s", check).isZero();
    assertThat(endpoints()).as("endpoint records").isEmpty();
    assertThat(addressesInUse()).as("addresses ipam show counts as used").isZero();
    assertThat(caliInterfaces()).as("cali interfaces on this host").isEmpty();
  }

  /**
   * {@link #assertNothingHeld} on a machine where other tests may plumb containers at the same time: of the
   * {@code cali} interfaces only {@code hostEnd}, the attachment's own, must be gone, and ipam check's
   * {@code orphan_interface} problems about the others do not count.
   */
  void assertNothingHeldOf(String hostEnd) throws IOException, InterruptedException {
    JsonNode check = JSON.readTree(adminRun("ipam", "check", "--output", "json").stdout());
    List<JsonNode> problems = new ArrayList<>();
    for (JsonNode problem : check.path("problems")) {
      if (!problem.path("kind").asText().equals("orphan_interface") || problem.path("subject").asText().equals(hostEnd)) {
        problems.add(problem);
      }
    }
    assertThat(problems).as("ipam check: %s", check).isEmpty();
    assertThat(check.get("handles").asInt()).as("handles in %s", check).isZero();
    assertThat(check.get("allocated").asInt()).as("assigned addresses in %s", check).isZero();
    assertThat(endpoints()).as("endpoint records").isEmpty();
    assertThat(addressesInUse()).as("addresses ipam show counts as used").isZero();
    assertThat(linkExists(hostEnd)).as("host end %s", hostEnd).isFalse();
  }

  /** The {@code cali…} interfaces in this (the root) namespace. */
  static List<String> caliInterfaces() {
    List<String> names = new ArrayList<>();
    for (JsonNode link : links()) {
      String name = link.path("ifname").asText();
      if (name.startsWith("cali")) {
        names.add(name);
      }
    }
    return names;
  }

  private static JsonNode links() {
    try {
      return JSON.readTree(KernelCommand.run("ip", "-j", "link", "show"));
    } catch (IOException e) {
      throw new AssertionError("ip -j link show printed no JSON", e);
    }
  }

  /** The IPv4 addresses (with prefix) on {@code ifname} inside {@code container}. */
  static List<String> addressesInside(NetnsContainer container, String ifname) throws IOException {
    List<String> addresses = new ArrayList<>();
    for (JsonNode link : JSON.readTree(container.run("ip", "-j", "-4", "addr", "show", "dev", ifname))) {
      for (JsonNode info : link.path("addr_info")) {
        addresses.add(info.get("local").asText() + "/" + info.get("prefixlen").asInt());
      }
    }
    return addresses;
  }

  /** The address part of a result's CIDR ({@code ips[].address}, or {@code ip4.ip} in 0.2.0). */
  static IPAddress addressOf(String cidr) {
    // An IPAM result's address carries its pool's prefix length (198.18.61.5/24): host bits set, on purpose.
    return Addresses.parseAnyAddress("address", cidr.substring(0, cidr.indexOf('/')));
  }

  /** The container id cnitool gives a namespace path: {@code cnitool-} and 20 hex of its SHA-512. */
  static String cnitoolContainerId(Path netns) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-512").digest(netns.toString().getBytes(StandardCharsets.UTF_8));
      return "cnitool-" + HexFormat.of().formatHex(digest, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-512", e);
    }
  }

  /** The host end of attachment {@code network}/{@code containerId}/{@code ifname}. */
  static String hostInterface(String network, String containerId, String ifname) {
    return EndpointId.ofAttachment(new NetworkName(network), new ContainerId(containerId), ifname).hostInterfaceName();
  }

  static String hostInterface(String network, NetnsContainer container, String ifname) {
    return hostInterface(network, cnitoolContainerId(netns(container)), ifname);
  }

  /** Whether a TCP connection from inside {@code from} to {@code to} carries the listener's greeting back. */
  static boolean reaches(NetnsContainer from, ContainerListener to) {
    KernelCommand.Result result = from.attempt("socat", "-T", "2", "-",
        "TCP4:" + to.address().toCanonicalString() + ":" + to.port() + ",connect-timeout=1");
    return result.succeeded() && result.stdout().strip().equals(ContainerListener.GREETING);
  }

  static boolean linkExists(String name) {
    return KernelCommand.attempt("ip", "link", "show", "dev", name).succeeded();
  }

  /** The SQLite store's file (datastore sqlite only). */
  Path storeFile() {
    return dir.resolve("store.db");
  }

  private static CniCall.Result run(ProcessBuilder builder) {
    return CniCall.run(builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))), null);
  }

  private final List<String> pools = new ArrayList<>();

  @Override
  public void close() throws Exception {
    List<AutoCloseable> steps = new ArrayList<>();
    for (var entry : Map.copyOf(attached).entrySet()) {
      Attachment attachment = entry.getKey();
      steps.add(() -> {
        // Best effort: a failed test may have left it half made; portmap's rules and our records go with it.
        ProcessBuilder builder = new ProcessBuilder(CNITOOL, "del", attachment.network(), attachment.netns().toString());
        builder.environment().clear();
        builder.environment().putAll(Map.of("NETCONFPATH", netconf.toString(), "CNI_PATH", cniPath(),
            "CNI_IFNAME", attachment.ifname(), "PATH", CniCall.PATH));
        builder.environment().putAll(entry.getValue());
        run(builder);
        Files.deleteIfExists(LIBCNI_CACHE.resolve(attachment.network() + "-"
            + cnitoolContainerId(attachment.netns()) + "-" + attachment.ifname()));
        KernelCommand.attempt("ip", "link", "del",
            hostInterface(attachment.network(), cnitoolContainerId(attachment.netns()), attachment.ifname()));
      });
    }
    attached.clear();
    steps.addAll(containers);
    containers.clear();
    steps.add(etcd);
    // The pools' blocks stay claimed by the test node after DEL, and with them their blackhole routes.
    for (String pool : pools) {
      steps.add(() -> KernelCommand.attempt("ip", "-4", "route", "flush", "root", pool, "type", "blackhole", "proto",
          "196"));
    }
    Teardown.inOrder(steps.toArray(AutoCloseable[]::new));
  }

  /** One attachment cnitool made: its network, the namespace path it was given, and the interface name. */
  private record Attachment(String network, Path netns, String ifname) {}
}
