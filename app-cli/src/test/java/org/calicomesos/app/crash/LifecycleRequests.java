package org.calicomesos.app.crash;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests of one container's lifecycle on one host, as the Mesos isolators send them
 * (docs/net-modules-protocol.md, docs/cni-protocol.md), against one step's store: the same node, container id, uid,
 * netgroup and attachment every step, so each step's state differs only by where the plugin was killed.
 */
final class LifecycleRequests {
  static final String UID = "crash-uid";
  static final String CONTAINER = "crash-container";
  static final String HOSTNAME = "crash-node.example";
  static final String NETGROUP = "crash-group";
  /** In the default pool (192.168.0.0/16), in a block no allocate of this host takes first. */
  static final String STATIC_ADDRESS = "192.168.201.10";
  static final String NETWORK = "crash-net";

  private final CrashStore store;
  private final CrashStore.Step where;
  private final Path dir;
  private final CrashHost host;
  private final long containerPid;

  LifecycleRequests(CrashStore store, CrashStore.Step where, Path dir, CrashHost host, long containerPid) {
    this.store = store;
    this.where = where;
    this.dir = dir;
    this.host = host;
    this.containerPid = containerPid;
  }

  /** What the Mesos agent's environment gives a net-modules request, and the operator's admin commands. */
  Map<String, String> env() {
    Map<String, String> env = new HashMap<>(Map.of(
        "CALICO_NODENAME", CrashHost.NODE,
        "CALICO_HOST_IP", host.hostIp(),
        "CALICO_LOG_FILE", dir.resolve("calico-mesos.log").toString(),
        "CALICO_LOG_LEVEL", "debug",
        "CALICO_REQUEST_TIMEOUT", "30",
        "CALICO_AGENT_SOCKET", dir.resolve("no-agent.sock").toString()));
    store.configure(env, where);
    return env;
  }

  RunnerAction allocate() {
    return netModules("allocate", "{\"command\":\"allocate\",\"args\":{\"hostname\":\"" + HOSTNAME + "\",\"uid\":\""
        + UID + "\",\"num_ipv4\":1,\"num_ipv6\":0,\"netgroups\":[\"" + NETGROUP + "\"]}}");
  }

  RunnerAction reserve() {
    return netModules("reserve", "{\"command\":\"reserve\",\"args\":{\"hostname\":\"" + HOSTNAME + "\",\"uid\":\""
        + UID + "\",\"ipv4_addrs\":[\"" + STATIC_ADDRESS + "\"],\"netgroups\":[\"" + NETGROUP + "\"]}}");
  }

  RunnerAction isolate() {
    return netModules("isolate", "{\"command\":\"isolate\",\"args\":{\"hostname\":\"" + HOSTNAME
        + "\",\"container_id\":\"" + CONTAINER + "\",\"pid\":" + containerPid + ",\"ipv4_addrs\":"
        + RunnerAction.ADDRESSES + ",\"netgroups\":[\"" + NETGROUP + "\"]}}");
  }

  /** As the isolator sends it: by address, never by uid. */
  RunnerAction release() {
    return netModules("release", "{\"command\":\"release\",\"args\":{\"ips\":" + RunnerAction.ADDRESSES + "}}");
  }

  RunnerAction cleanup() {
    return netModules("cleanup", "{\"command\":\"cleanup\",\"args\":{\"hostname\":\"" + HOSTNAME
        + "\",\"container_id\":\"" + CONTAINER + "\"}}");
  }

  RunnerAction add() {
    return cni("ADD");
  }

  RunnerAction del() {
    return cni("DEL");
  }

  /** The consistency check as the operator runs it on the host (its interfaces included). */
  RunnerAction check(String label) {
    return RunnerAction.admin(label, env(), "ipam", "check");
  }

  /** The operator's garbage collection of this node's leaks, with no grace: every leak is old enough. */
  RunnerAction gc() {
    return RunnerAction.admin("gc", env(), "gc", "--grace", "0s");
  }

  private RunnerAction netModules(String command, String request) {
    return RunnerAction.request(command, RunnerAction.NET_MODULES, env(), request);
  }

  /** As a runtime makes the call: the {@code CNI_*} variables and {@code PATH}, the network configuration on stdin. */
  private RunnerAction cni(String verb) {
    Map<String, String> env = new HashMap<>(Map.of(
        "CNI_COMMAND", verb,
        "CNI_CONTAINERID", CONTAINER,
        "CNI_NETNS", "/var/run/netns/" + host.containerNamespace(),
        "CNI_IFNAME", "eth0",
        "CNI_PATH", "/opt/cni/bin",
        "PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        "CALICO_REQUEST_TIMEOUT", "30",
        "CALICO_HOST_IP", host.hostIp()));
    ObjectNode network = RunnerScript.JSON.createObjectNode()
        .put("cniVersion", "1.0.0")
        .put("name", NETWORK)
        .put("type", "calico-mesos")
        .put("nodename", CrashHost.NODE)
        .put("log_file", dir.resolve("calico-mesos.log").toString())
        .put("log_level", "debug")
        .put("agent_socket", dir.resolve("no-agent.sock").toString());
    store.configure(network, env, where);
    network.putObject("ipam").put("type", "calico-mesos-ipam");
    return RunnerAction.request(verb, RunnerAction.CNI, env, network.toString());
  }
}
