package org.calicomesos.adapters.iproute2;

import com.fasterxml.jackson.databind.JsonNode;
import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.calicomesos.ports.dataplane.ContainerInterface;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.dataplane.Route;

/**
 * Reads a container's interface from what one {@code ip -j -batch} inside its namespace printed: the interface with
 * its global addresses, then our routes of every table out of it.
 */
final class ContainerEnd {
  private ContainerEnd() {}

  /** The batch: two commands, so one process reads both. */
  static String script(InterfaceName name, String protocol) {
    return "address show dev " + name + " scope global\nroute show table all proto " + protocol + " dev " + name
        + "\n";
  }

  static ContainerInterface read(InterfaceName name, List<JsonNode> outputs) {
    JsonNode link = outputs.get(0).path(0);
    List<IPAddress> addresses = new ArrayList<>();
    for (JsonNode info : link.path("addr_info")) {
      if (info.has("local")) { // ip adds an empty object for the addresses the scope filter left out
        addresses.add(IpJson.address(info.path("local").asText() + "/" + info.path("prefixlen").asInt()));
      }
    }
    List<Route> routes = new ArrayList<>();
    if (outputs.size() > 1) {
      for (JsonNode route : IpJson.mainTable(outputs.get(1))) {
        Optional<IPAddress> gateway = route.has("gateway")
            ? Optional.of(IpJson.address(route.path("gateway").asText())) : Optional.empty();
        routes.add(new Route(IpJson.destination(route), gateway));
      }
    }
    return new ContainerInterface(name, IpJson.flags(link).contains("UP"), addresses, routes);
  }
}
