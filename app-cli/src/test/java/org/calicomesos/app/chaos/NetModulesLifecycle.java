package org.calicomesos.app.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One container's life as the net-modules isolator drives it: {@code allocate}, {@code isolate} with the container's
 * pid, then {@code release} of its address by IP and {@code cleanup}; each step repeated until accepted. The uid and
 * the container id are {@code chaos-<n>}.
 */
final class NetModulesLifecycle {
  private static final ObjectMapper JSON = new ObjectMapper();

  private NetModulesLifecycle() {}

  static void run(PluginClient client, long number, AddressLedger ledger) throws InterruptedException {
    String id = "chaos-" + number;
    String hostname = client.host().node();
    try (ChaosContainer container = ChaosContainer.start(number)) {
      ObjectNode allocate = command("allocate");
      args(allocate).put("hostname", hostname).put("uid", id).put("num_ipv4", 1).put("num_ipv6", 0)
          .putArray("netgroups").add("chaos");
      String address = client.netModules(allocate.toString()).get("ipv4").get(0).asText();
      ledger.handedOut(address, id);

      ObjectNode isolate = command("isolate");
      args(isolate).put("hostname", hostname).put("container_id", id).put("pid", container.pid())
          .<ObjectNode>set("ipv4_addrs", JSON.createArrayNode().add(address)).putArray("netgroups").add("chaos");
      client.netModules(isolate.toString());

      ledger.freeing(address, id);
      ObjectNode release = command("release");
      args(release).putArray("ips").add(address);
      client.netModules(release.toString());

      ObjectNode cleanup = command("cleanup");
      args(cleanup).put("hostname", hostname).put("container_id", id);
      client.netModules(cleanup.toString());
    }
  }

  private static ObjectNode command(String command) {
    ObjectNode request = JSON.createObjectNode().put("command", command);
    request.putObject("args");
    return request;
  }

  private static ObjectNode args(ObjectNode request) {
    return (ObjectNode) request.get("args");
  }
}
