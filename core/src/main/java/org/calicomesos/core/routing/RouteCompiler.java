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
import org.calicomesos.ports.model.IpFamily;
import org.calicomesos.ports.model.NodeName;
import org.calicomesos.ports.node.HostRegistration;
import org.calicomesos.ports.routing.HostRoute;
import org.calicomesos.ports.routing.RouteMode;
import org.calicomesos.ports.schema.DatastoreKeys.AffinityKey;

/**
 * The routes this host wants in direct mode, a pure function of the model:
 * <ul>
 *   <li>each block another host has a confirmed claim on: {@code block via <that host's IP of the family>} (a
 *       pending claim is a claim in progress or a lost race, and is not routed: calico#6001);
 *   <li>each address of an endpoint on another host that is not in a block that host claims (borrowed from
 *       another host's block, or from ours): {@code /32} ({@code /128}) via the host it is on;
 *   <li>nothing for this host's own blocks and endpoints (their blackholes and veth routes exist already), nothing
 *       towards a host without a registration or without an address of the family, and nothing in BGP mode.
 * </ul>
 * Output is in a stable order, one route per destination.
 */
final class RouteCompiler {
  private static final System.Logger LOG = System.getLogger(RouteCompiler.class.getName());

  private RouteCompiler() {}

  /** @param unroutable hosts already logged as unroutable; a host is logged once while it stays so */
  static List<HostRoute> compile(RouteModel model, NodeName self, Set<NodeName> unroutable) {
    if (model.mode() != RouteMode.DIRECT) {
      return List.of();
    }
    Map<IPAddress, HostRoute> routes = new LinkedHashMap<>();
    Map<NodeName, Set<IPAddress>> claimed = new LinkedHashMap<>();
    Set<NodeName> stillUnroutable = new HashSet<>();
    for (AffinityKey claim : model.confirmedClaims()) {
      claimed.computeIfAbsent(claim.node(), n -> new HashSet<>()).add(claim.blockCidr());
      if (!claim.node().equals(self)) {
        gateway(model, claim.node(), IpFamily.of(claim.blockCidr()), stillUnroutable)
            .ifPresent(via -> add(routes, new HostRoute(claim.blockCidr(), via), claim.node()));
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
              .ifPresent(via -> add(routes, new HostRoute(single, via), endpoint.node()));
        }
      }
    }
    logNewlyUnroutable(unroutable, stillUnroutable);
    return new ArrayList<>(routes.values());
  }

  private static Optional<IPAddress> gateway(RouteModel model, NodeName host, IpFamily family, Set<NodeName> unroutable) {
    Optional<IPAddress> via = model.registration(host).flatMap(registration -> registration.address(family));
    if (via.isEmpty()) {
      unroutable.add(host);
    }
    return via;
  }

  private static void add(Map<IPAddress, HostRoute> routes, HostRoute route, NodeName host) {
    HostRoute first = routes.putIfAbsent(route.destination(), route);
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
