package org.calicomesos.app.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.calicomesos.app.LauncherStorm;

/**
 * One container's life as a CNI runtime drives it: {@code ADD} of {@code eth0} in the container's namespace, then
 * {@code DEL}; each repeated until accepted (both are idempotent). The container id is {@code chaos-<n>}.
 */
final class CniLifecycle {
  static final String NETWORK = "chaos-net";
  private static final String CONFIGURATION = "{\"cniVersion\":\"1.0.0\",\"name\":\"" + NETWORK + "\","
      + "\"type\":\"calico-mesos\",\"ipam\":{\"type\":\"calico-mesos-ipam\"}}";

  private CniLifecycle() {}

  static void run(PluginClient client, long number, AddressLedger ledger) throws InterruptedException {
    String id = "chaos-" + number;
    try (ChaosContainer container = ChaosContainer.start(number)) {
      Map<String, String> env = new HashMap<>(Map.of("CNI_CONTAINERID", id, "CNI_NETNS",
          container.netns().toString(), "CNI_IFNAME", "eth0", "CNI_PATH", LauncherStorm.LAUNCHER.getParent().toString()));
      env.put("CNI_COMMAND", "ADD");
      JsonNode result = client.cni(env, CONFIGURATION);
      String address = result.get("ips").get(0).get("address").asText().replaceAll("/.*", "");
      ledger.handedOut(address, id);

      ledger.freeing(address, id);
      env.put("CNI_COMMAND", "DEL");
      client.cni(env, CONFIGURATION);
    }
  }
}
