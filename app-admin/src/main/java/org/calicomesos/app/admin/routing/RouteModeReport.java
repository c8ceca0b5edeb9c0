package org.calicomesos.app.admin.routing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.calicomesos.app.admin.output.JsonDocument;
import org.calicomesos.app.admin.output.Report;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.routing.ClusterRouting;

/** The cluster's routing {@code route-mode} shows, or has set ({@code before} present). */
record RouteModeReport(ClusterRouting routing, Optional<ClusterRouting> before) implements Report {
  @Override
  public void printText(PrintStream out) {
    String name = routing.choice().setting();
    if (before.isEmpty()) {
      out.println("route mode " + name);
    } else if (before.get().equals(routing)) {
      out.println("route mode " + name + " (unchanged)");
    } else {
      out.println("route mode " + name + " (was " + before.get().choice().setting() + ")");
    }
    if (routing.mixed()) {
      out.println("VXLAN pools: " + cidrs(routing.vxlanPools()) + "; routed without encapsulation: "
          + (routing.plainPools().isEmpty() ? "none" : cidrs(routing.plainPools())));
    }
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = JsonDocument.object();
    json.put("route_mode", routing.choice().setting());
    putPools(json.putArray("vxlan_pools"), routing.vxlanPools());
    before.ifPresent(previous -> json.put("previous_route_mode", previous.choice().setting()));
    return json;
  }

  private static String cidrs(List<Pool> pools) {
    return pools.stream().map(Pool::toString).collect(Collectors.joining(", "));
  }

  private static void putPools(ArrayNode array, List<Pool> pools) {
    pools.forEach(pool -> array.add(pool.toString()));
  }
}
