package org.calicomesos.adapters.netlink;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import org.calicomesos.ports.dataplane.Dataplane;
import org.calicomesos.ports.dataplane.DataplaneException;
import org.calicomesos.ports.dataplane.InterfaceName;
import org.calicomesos.ports.routing.HostRoute;
import org.calicomesos.ports.routing.RouteTable;
import org.calicomesos.ports.routing.vxlan.VxlanTunnel;

/**
 * {@link RouteTable} over rtnetlink, in the namespace of the calling thread. Each call opens its own socket. The
 * kernel's NLM_F_REPLACE replaces a route of any protocol, so {@link #add} reads the destination's routes first
 * and replaces only one of ours; a destination nobody routes is added with NLM_F_EXCL, which never clobbers. An
 * encapsulated route is one out of {@value VxlanTunnel#DEVICE} with RTNH_F_ONLINK.
 */
public final class NetlinkRouteTable implements RouteTable {
  private static final InterfaceName TUNNEL = new InterfaceName(VxlanTunnel.DEVICE);
  /** No link has index 0: what the tunnel's index is while there is no tunnel device. */
  private static final int NO_TUNNEL = 0;

  @Override
  public List<HostRoute> hostRoutes() {
    try (NetlinkSocket socket = NetlinkSocket.open()) {
      int tunnel = tunnelIndex(socket);
      List<HostRoute> routes = new ArrayList<>();
      for (RouteRequests.RouteEntry route : MainTable.ours(socket)) {
        if (isHostRoute(route)) {
          routes.add(hostRoute(route, tunnel));
        }
      }
      return routes;
    }
  }

  @Override
  public void add(HostRoute route) {
    try (NetlinkSocket socket = NetlinkSocket.open()) {
      int tunnel = tunnelIndex(socket);
      if (route.encapsulated() && tunnel == NO_TUNNEL) {
        throw tunnelMissing(route);
      }
      List<RouteRequests.RouteEntry> present = routesTo(socket, route.destination());
      if (present.stream().anyMatch(r -> !isHostRoute(r))) {
        throw notOurs(route);
      }
      boolean ours = !present.isEmpty();
      if (ours && present.stream().allMatch(r -> route.equals(hostRoute(r, tunnel)))) {
        return;
      }
      MessageBuilder request = route.encapsulated()
          ? RouteRequests.addOnlink(route.destination(), route.gateway(), tunnel, ours)
          : RouteRequests.addViaGateway(route.destination(), route.gateway(), ours);
      try {
        socket.request(request, "add route " + route);
      } catch (KernelRefusal refusal) {
        throw refusal(route, refusal);
      }
    }
  }

  private static DataplaneException refusal(HostRoute route, KernelRefusal refusal) {
    int errno = refusal.errno();
    if (errno == Errno.ENETUNREACH || errno == Errno.EHOSTUNREACH) {
      return new DataplaneException("cannot add route " + route + ": the gateway " + route.gateway()
          + " is not on any link of this host (" + Errno.text(errno) + ")", refusal);
    }
    if (errno == Errno.ENODEV && route.encapsulated()) {
      return tunnelMissing(route); // deleted since we looked it up
    }
    if (errno == Errno.ENETDOWN && route.encapsulated()) {
      return new DataplaneException("cannot add route " + route + ": device " + VxlanTunnel.DEVICE + " is down ("
          + Errno.text(errno) + ")", refusal);
    }
    if (errno == Errno.EEXIST) {
      return notOurs(route); // added by someone else since we read the table
    }
    return refusal;
  }

  @Override
  public boolean remove(HostRoute route) {
    try (NetlinkSocket socket = NetlinkSocket.open()) {
      int tunnel = tunnelIndex(socket);
      for (RouteRequests.RouteEntry present : routesTo(socket, route.destination())) {
        if (isHostRoute(present) && route.equals(hostRoute(present, tunnel))) {
          // Naming the route's link, so the kernel cannot take the direct route for the encapsulated one or back.
          socket.request(RouteRequests.deleteViaGateway(route.destination(), route.gateway(), present.oif()),
              "remove route " + route);
          return true;
        }
      }
      return false;
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

  /** One of our host routes as the port sees it: encapsulated when it goes onlink out of the tunnel device. */
  private static HostRoute hostRoute(RouteRequests.RouteEntry route, int tunnel) {
    boolean encapsulated = tunnel != NO_TUNNEL && route.oif() == tunnel && route.onlink()
        && route.family() == InetBytes.AF_INET;
    return new HostRoute(route.destination(), route.gateway(), encapsulated);
  }

  private static int tunnelIndex(NetlinkSocket socket) {
    return LinkLookup.find(socket, TUNNEL).map(LinkRequests.Link::index).orElse(NO_TUNNEL);
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

  private static DataplaneException tunnelMissing(HostRoute route) {
    return new DataplaneException("cannot add route " + route + ": device " + VxlanTunnel.DEVICE + " is missing");
  }

  private static DataplaneException notOurs(HostRoute route) {
    return new DataplaneException("cannot add route " + route + ": " + route.destination().toCanonicalString()
        + " is already routed on this host by a route that is not one of our host routes; leaving it alone");
  }
}
