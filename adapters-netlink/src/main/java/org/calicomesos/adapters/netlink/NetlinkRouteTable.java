package org.calicomesos.adapters.netlink;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.routing.HostRoute;
import org.calicomesos.ports.routing.RouteTable;

/**
 * {@link RouteTable} over rtnetlink, in the namespace of the calling thread. Each call opens its own socket. The
 * kernel's NLM_F_REPLACE replaces a route of any protocol, so {@link #add} reads the destination's routes first
 * and replaces only one of ours; a destination nobody routes is added with NLM_F_EXCL, which never clobbers.
 */
public final class NetlinkRouteTable implements RouteTable {
  @Override
  public List<HostRoute> hostRoutes() {
    try (NetlinkSocket socket = NetlinkSocket.open()) {
      List<HostRoute> routes = new ArrayList<>();
      for (RouteRequests.RouteEntry route : MainTable.ours(socket)) {
        if (isHostRoute(route)) {
          routes.add(new HostRoute(route.destination(), route.gateway()));
        }
      }
      return routes;
    }
  }

  @Override
  public void add(HostRoute route) {
    try (NetlinkSocket socket = NetlinkSocket.open()) {
      List<RouteRequests.RouteEntry> present = routesTo(socket, route.destination());
      if (present.stream().anyMatch(r -> !isHostRoute(r))) {
        throw notOurs(route);
      }
      boolean ours = !present.isEmpty();
      if (ours && present.stream().allMatch(r -> route.gateway().equals(r.gateway()))) {
        return;
      }
      try {
        socket.request(RouteRequests.addViaGateway(route.destination(), route.gateway(), ours), "add route " + route);
      } catch (KernelRefusal refusal) {
        if (refusal.errno() == Errno.ENETUNREACH || refusal.errno() == Errno.EHOSTUNREACH) {
          throw new DataplaneException("cannot add route " + route + ": the gateway " + route.gateway()
              + " is not on any link of this host (" + Errno.text(refusal.errno()) + ")", refusal);
        }
        if (refusal.errno() == Errno.EEXIST) {
          throw notOurs(route); // added by someone else since we read the table
        }
        throw refusal;
      }
    }
  }

  @Override
  public boolean remove(HostRoute route) {
    try (NetlinkSocket socket = NetlinkSocket.open()) {
      socket.request(RouteRequests.deleteViaGateway(route.destination(), route.gateway()), "remove route " + route);
      return true;
    } catch (KernelRefusal refusal) {
      if (refusal.errno() == Errno.ESRCH) {
        return false;
      }
      throw refusal;
    }
  }

  /** Ours, unicast and via a gateway: what this port lists and may replace (not a veth's route, not a blackhole). */
  private static boolean isHostRoute(RouteRequests.RouteEntry route) {
    return route.protocol() == Dataplane.ROUTE_PROTOCOL && route.type() == RouteRequests.RTN_UNICAST
        && route.gateway() != null;
  }

  private static List<RouteRequests.RouteEntry> routesTo(NetlinkSocket socket, IPAddress destination) {
    List<RouteRequests.RouteEntry> routes = new ArrayList<>();
    for (RouteRequests.RouteEntry route : MainTable.routes(socket, InetBytes.family(destination))) {
      if (route.destination().equals(destination)) {
        routes.add(route);
      }
    }
    return routes;
  }

  private static DataplaneException notOurs(HostRoute route) {
    return new DataplaneException("cannot add route " + route + ": " + route.destination().toCanonicalString()
        + " is already routed on this host by a route that is not one of our host routes; leaving it alone");
  }
}
