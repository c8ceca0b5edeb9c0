package org.calicomesos.adapters.netlink;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.calicomesos.ports.dataplane.ContainerInterface;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.dataplane.Route;

/**
 * Reads a container's interface through a socket opened inside its namespace: its global addresses and our
 * main-table routes out of it, each dump filtered here by the link's index (the kernel dumps the whole namespace).
 */
final class ContainerEnd {
  private ContainerEnd() {}

  static ContainerInterface read(NetlinkSocket inside, InterfaceName name, LinkRequests.Link link) {
    List<IPAddress> addresses = new ArrayList<>();
    for (NetlinkMessage message : inside.dump(AddressRequests.dump(), "list the addresses of " + name)) {
      AddressRequests.InterfaceAddress address = AddressRequests.parse(message);
      if (address.index() == link.index() && address.scope() == AddressRequests.RT_SCOPE_UNIVERSE
          && address.address().length > 0) {
        addresses.add(InetBytes.prefix(address.address(), address.prefixLength()));
      }
    }
    List<Route> routes = new ArrayList<>();
    for (RouteRequests.RouteEntry route : MainTable.ours(inside)) {
      if (route.oif() == link.index() && route.type() == RouteRequests.RTN_UNICAST) {
        routes.add(new Route(route.destination(), Optional.ofNullable(route.gateway())));
      }
    }
    return new ContainerInterface(name, link.up(), addresses, routes);
  }
}
