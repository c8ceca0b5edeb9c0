package org.calicomesos.app.cni;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.calicomesos.app.pipeline.PluginRequest;

/** Requests as a runtime sends them: the CNI_* variables and the network configuration. */
final class CniRequests {
  static final String NETNS = "/var/run/netns/c1";

  private CniRequests() {}

  /** The variables of {@code command} for container {@code c1}'s {@code eth0}, plus {@code extra} (null removes one). */
  static Map<String, String> environment(String command, String... extra) {
    Map<String, String> environment = new HashMap<>(Map.of("CNI_COMMAND", command, "CNI_CONTAINERID", "c1",
        "CNI_NETNS", NETNS, "CNI_IFNAME", "eth0", "CNI_PATH", "/opt/cni/bin"));
    for (int i = 0; i < extra.length; i += 2) {
      if (extra[i + 1] == null) {
        environment.remove(extra[i]);
      } else {
        environment.put(extra[i], extra[i + 1]);
      }
    }
    return environment;
  }

  /** A network configuration {@code net1} of type {@code calico-mesos} in {@code version}, with {@code fields} added. */
  static String config(String version, String fields) {
    return "{\"cniVersion\":\"" + version + "\",\"name\":\"net1\",\"type\":\"calico-mesos\""
        + (fields.isEmpty() ? "" : "," + fields) + "}";
  }

  static PluginRequest request(CniProtocol protocol, Map<String, String> environment, String stdin) {
    return PluginRequest.of(protocol, environment, stdin.getBytes(StandardCharsets.UTF_8));
  }
}
