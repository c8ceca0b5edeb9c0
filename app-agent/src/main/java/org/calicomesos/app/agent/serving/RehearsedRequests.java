package org.calicomesos.app.agent.serving;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.calicomesos.app.agentsocket.AgentWire;

/**
 * The fixed set of requests the warm-up replays, as calico-mesos-agent-client frames them: one container's
 * net-modules lifecycle (allocate, isolate, release, cleanup) and one CNI attachment's (ADD, CHECK, DEL; as Mesos
 * sends it in even rounds, as other runtimes do in odd ones), on a datastore of their own. Each round uses its
 * own identifiers, as real containers do.
 */
final class RehearsedRequests {
  static final String NET_MODULES = "net-modules";
  static final String CNI = "cni";
  private static final String HOST = "warm-up";
  private static final Map<String, String> SETTINGS = Map.of(
      "CALICO_DATASTORE", "memory",
      "CALICO_NODENAME", HOST,
      "CALICO_IPV4POOL_CIDR", "192.0.2.0/24",
      "CALICO_HOST_IP", "198.51.100.1");
  // As Mesos' network/cni isolator writes it (0.2.0, its NetworkInfo in args), and as other runtimes do.
  private static final String MESOS_CNI_CONFIG = "{\"cniVersion\":\"0.2.0\",\"name\":\"warm-up\","
      + "\"type\":\"calico-mesos\",\"args\":{\"org.apache.mesos\":{\"network_info\":{\"name\":\"warm-up\","
      + "\"groups\":[\"warm-up\"],\"labels\":{\"labels\":[{\"key\":\"app\",\"value\":\"warm-up\"}]}}}}}";
  private static final String CNI_CONFIG = "{\"cniVersion\":\"1.0.0\",\"name\":\"warm-up\","
      + "\"type\":\"calico-mesos\"}";

  private final long pid = ProcessHandle.current().pid();

  byte[] allocate(int round) {
    return netModules("{\"command\":\"allocate\",\"args\":{\"hostname\":\"" + HOST + "\",\"uid\":\"" + id(round)
        + "\",\"num_ipv4\":1,\"num_ipv6\":0,\"netgroups\":[\"warm-up\"],"
        + "\"labels\":[{\"key\":\"app\",\"value\":\"warm-up\"}]}}");
  }

  byte[] isolate(int round, String address) {
    return netModules("{\"command\":\"isolate\",\"args\":{\"hostname\":\"" + HOST + "\",\"container_id\":\""
        + id(round) + "\",\"pid\":" + pid + ",\"ipv4_addrs\":[\"" + address
        + "\"],\"netgroups\":[\"warm-up\"]}}");
  }

  byte[] release(String address) {
    return netModules("{\"command\":\"release\",\"args\":{\"ips\":[\"" + address + "\"]}}");
  }

  byte[] cleanup(int round) {
    return netModules("{\"command\":\"cleanup\",\"args\":{\"hostname\":\"" + HOST + "\",\"container_id\":\""
        + id(round) + "\"}}");
  }

  /** ADD, CHECK (which 0.2.0, Mesos' version, does not have) and DEL of one attachment. */
  List<byte[]> cni(int round) {
    return round % 2 == 0
        ? List.of(cni("ADD", round), cni("DEL", round))
        : List.of(cni("ADD", round), cni("CHECK", round), cni("DEL", round));
  }

  private byte[] cni(String verb, int round) {
    Map<String, String> environment = new LinkedHashMap<>(SETTINGS);
    environment.put("CNI_COMMAND", verb);
    environment.put("CNI_CONTAINERID", "warm-up-cni-" + round);
    environment.put("CNI_NETNS", "/proc/" + pid + "/ns/net");
    environment.put("CNI_IFNAME", "eth0");
    environment.put("CNI_PATH", "/nonexistent");
    return frame(CNI, environment, round % 2 == 0 ? MESOS_CNI_CONFIG : CNI_CONFIG);
  }

  // One round's container: its uid and its container id alike.
  private static String id(int round) {
    return "warm-up-" + round;
  }

  private static byte[] netModules(String request) {
    return frame(NET_MODULES, SETTINGS, request);
  }

  private static byte[] frame(String protocol, Map<String, String> environment, String stdin) {
    return AgentWire.pluginFrame(protocol, environment, stdin.getBytes(StandardCharsets.UTF_8));
  }
}
