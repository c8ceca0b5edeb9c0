package org.calicomesos.core.routing;

import inet.ipaddr.IPAddress;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.calicomesos.core.routing.RouteModel.HostedAddresses;
import org.calicomesos.ports.ipam.Encapsulation;
import org.calicomesos.ports.ipam.Pool;
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.node.HostRegistration;
import org.calicomesos.ports.routing.HostRoute;
import org.calicomesos.ports.routing.RouteMode;
import org.calicomesos.ports.routing.vxlan.VxlanDevice;
import org.calicomesos.ports.routing.vxlan.VxlanPeer;
import org.calicomesos.ports.schema.DatastoreKeys.AffinityKey;

/**
 * The routes (and VXLAN device and peers) this host wants in direct mode, a pure function of the model:
 * <ul>
 *   <li>each block another host has a confirmed claim on: {@code block via <that host's IP of the family>} (a
 *       pending claim is a claim in progress or a lost race, and is not routed: calico#6001);
 *   <li>each address of an endpoint on another host that is not in a block that host claims (borrowed from
 *       another host's block, or from ours): {@code /32} ({@code /128}) via the host it is on;
 *   <li>a route to an IPv4 address in a VXLAN pool is encapsulated: {@code via <that host> dev vxlan.calico onlink},
 *       with a peer entry for that host (its address and its device's MAC); while any pool is VXLAN this host keeps
 *       its own device (sending from its registered IPv4 address), so other hosts' wrapped packets are taken in;
 *   <li>nothing for this host's own blocks and endpoints (their blackholes and veth routes exist already), nothing
 *       towards a host without a registration or without an address of the family, and nothing in BGP mode.
 * </ul>
 * Output is in a stable order, one route per destination, one peer per address.
 */
final class RouteCompiler {
  private static final System.Logger LOG = System.getLogger(RouteCompiler.class.getName());

  private RouteCompiler() {}

  /**
   * @param linkMtu the MTU of this host's links ({@code CALICO_MTU}); the VXLAN device's is that less VXLAN's headers
   * @param unroutable hosts already logged as unroutable; a host is logged once while it stays so
   */
  static RoutePlan compile(RouteModel model, NodeName self, int linkMtu, Set<NodeName> unroutable) {
    if (model.mode() != RouteMode.DIRECT) {
      return RoutePlan.NONE;
    }
    Map<IPAddress, HostRoute> routes = new LinkedHashMap<>();
    Map<IPAddress, VxlanPeer> peers = new LinkedHashMap<>();
    Map<NodeName, Set<IPAddress>> claimed = new LinkedHashMap<>();
    Set<NodeName> stillUnroutable = new HashSet<>();
    for (AffinityKey claim : model.confirmedClaims()) {
      claimed.computeIfAbsent(claim.node(), n -> new HashSet<>()).add(claim.blockCidr());
      if (!claim.node().equals(self)) {
        gateway(model, claim.node(), IpFamily.of(claim.blockCidr()), stillUnroutable)
            .ifPresent(via -> add(routes, peers, model, claim.blockCidr(), via, claim.node()));
      }
    }
    for (HostedAddresses endpoint : model.endpoints()) {
      if (endpoint.node().equals(self)) {
        continue;
      }
      Set<IPAddress> ownBlocks = claimed.getOrDefault(endpoint.node(), Set.of());
      for (IPAddress address : endpoint.addresses()) {
        if (ownBlocks.stream().noneMatch(block -> block.contains(address))) {
          IPAddress single = address.withoutPrefixLength().toPrefixBlock(address.getBitCount());
          gateway(model, endpoint.node(), IpFamily.of(address), stillUnroutable)
              .ifPresent(via -> add(routes, peers, model, single, via, endpoint.node()));
        }
      }
    }
    logNewlyUnroutable(unroutable, stillUnroutable);
    return new RoutePlan(new ArrayList<>(routes.values()), device(model, self, linkMtu),
        new ArrayList<>(peers.values()));
  }

  /** This host's VXLAN device while any pool is VXLAN, if this host has registered an IPv4 address to send from. */
  private static Optional<VxlanDevice> device(RouteModel model, NodeName self, int linkMtu) {
    if (model.pools().stream().noneMatch(pool -> pool.encapsulation() == Encapsulation.VXLAN)) {
      return Optional.empty();
    }
    return model.registration(self).flatMap(registration -> registration.address(IpFamily.V4))
        .map(local -> new VxlanDevice(local, VtepMac.of(self), linkMtu - Pool.VXLAN_OVERHEAD));
  }

  private static Optional<IPAddress> gateway(RouteModel model, NodeName host, IpFamily family, Set<NodeName> unroutable) {
    Optional<IPAddress> via = model.registration(host).flatMap(registration -> registration.address(family));
    if (via.isEmpty()) {
      unroutable.add(host);
    }
    return via;
  }

  private static void add(Map<IPAddress, HostRoute> routes, Map<IPAddress, VxlanPeer> peers, RouteModel model,
      IPAddress destination, IPAddress via, NodeName host) {
    boolean encapsulated = destination.isIPv4() && model.encapsulationOf(destination) == Encapsulation.VXLAN;
    HostRoute route = new HostRoute(destination, via, encapsulated);
    HostRoute first = routes.putIfAbsent(route.destination(), route);
    if (first == null && encapsulated) {
      VxlanPeer peer = new VxlanPeer(via, VtepMac.of(host));
      VxlanPeer known = peers.putIfAbsent(via, peer);
      if (known != null && !known.equals(peer)) {
        LOG.log(Level.WARNING, "two hosts registered {0}; VXLAN to it goes to the device at {1}, not to host {2}''s",
            via, known.mac().toColonDelimitedString(), host);
      }
    }
    if (first != null && !first.equals(route)) {
      // Two hosts claim one block: only a hand-edited store or a claim race cut short does that; keep the first.
      LOG.log(Level.WARNING, "{0} is claimed by more than one host; routing it via {1}, not via host {2}",
          route.destination(), first.gateway(), host);
    }
  }

  private static void logNewlyUnroutable(Set<NodeName> logged, Set<NodeName> now) {
    for (NodeName host : now) {
      if (logged.add(host)) {
        LOG.log(Level.WARNING, "host {0} has blocks or containers but no registered address of their family: no "
            + "routes to them until its agent registers it", host);
      }
    }
    logged.retainAll(now);
  }
}
