package org.calicomesos.app.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.calicomesos.app.HostNamespaces;
import org.calicomesos.app.LauncherRun;
import org.calicomesos.app.LauncherStorm;

/**
 * One "host" of the chaos run: network namespace {@code chaos-h<n>} on the test bridge (so its agent's nftables
 * table and routes are its own), node name {@code chaos-h<n>}, and its own agent socket, plugin log and agent log,
 * all on the same etcd cluster. Everything its agent, its plugin requests and its admin commands read is here.
 */
final class ChaosHost {
  static final String PREFIX = "chaos-h";

  private final int number;
  private final HostNamespaces network;
  private final Path dir;
  private final Map<String, String> env;

  ChaosHost(int number, HostNamespaces network, Path dir, String etcdEndpoints, Duration requestTimeout) {
    this.number = number;
    this.network = network;
    this.dir = dir;
    Map<String, String> settings = new HashMap<>();
    settings.put("CALICO_DATASTORE", "etcd");
    settings.put("ETCD_ENDPOINTS", etcdEndpoints);
    settings.put("CALICO_PREFIX", "/chaos");
    settings.put("CALICO_NODENAME", node());
    settings.put("CALICO_HOST_IP", network.address(number));
    settings.put("CALICO_AGENT_SOCKET", socket().toString());
    settings.put("CALICO_METRICS_PORT", "off");
    settings.put("CALICO_LOG_FILE", dir.resolve(node() + "-plugin.log").toString());
    settings.put("CALICO_REQUEST_TIMEOUT", String.valueOf(requestTimeout.toSeconds()));
    this.env = Map.copyOf(settings);
  }

  int number() {
    return number;
  }

  String node() {
    return PREFIX + number;
  }

  String namespace() {
    return network.namespace(number);
  }

  Path socket() {
    return dir.resolve(node() + ".sock");
  }

  Path agentLog() {
    return dir.resolve(node() + "-agent.log");
  }

  Path directory() {
    return dir;
  }

  /** What every process of this host gets: its agent, its plugin requests, its admin commands. */
  Map<String, String> env() {
    return env;
  }

  /** {@code calico-mesos ARGS} inside this host's namespace, with its settings. */
  LauncherRun admin(String... args) throws Exception {
    return LauncherRun.inNamespace(namespace(), LauncherStorm.LAUNCHER, dir, env, "", args);
  }

  /** Runs {@code argv} (ip, nft) inside this host's namespace; its stdout. */
  String run(String... argv) {
    return network.run(number, argv);
  }
}
