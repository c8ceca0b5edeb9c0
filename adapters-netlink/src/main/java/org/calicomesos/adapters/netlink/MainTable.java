package org.calicomesos.adapters.netlink;

import java.util.ArrayList;
import java.util.List;
import org.calicomesos.ports.dataplane.Dataplane;

/** Reads the main routing table, one dump per family; the kernel dumps every table, so we filter here. */
final class MainTable {
  private static final int[] FAMILIES = {InetBytes.AF_INET, InetBytes.AF_INET6};

  private MainTable() {}

  /** Every main-table route of {@code family} that has a destination, whoever added it. */
  static List<RouteRequests.RouteEntry> routes(NetlinkSocket socket, int family) {
    List<RouteRequests.RouteEntry> routes = new ArrayList<>();
    for (NetlinkMessage message : socket.dump(RouteRequests.dump(family), "list this host's routes")) {
      RouteRequests.RouteEntry route = RouteRequests.parse(message);
      if (route.table() == RouteRequests.RT_TABLE_MAIN && route.destination() != null) {
        routes.add(route);
      }
    }
    return routes;
  }

  /** Main-table routes of both families that carry our protocol. */
  static List<RouteRequests.RouteEntry> ours(NetlinkSocket socket) {
    List<RouteRequests.RouteEntry> routes = new ArrayList<>();
    for (int family : FAMILIES) {
      for (RouteRequests.RouteEntry route : routes(socket, family)) {
        if (route.protocol() == Dataplane.ROUTE_PROTOCOL) {
          routes.add(route);
        }
      }
    }
    return routes;
  }
}
