package org.calicomesos.core.attachment;

import inet.ipaddr.IPAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.calicomesos.ports.dataplane.ContainerInterface;
import org.calicomesos.ports.dataplane.Route;

/**
 * CHECK's look inside the container: its interface there and up, holding each of the attachment's addresses, and
 * with the routes its plan gave it, all or none (see below). The first difference, as the clause an operator reads,
 * or none.
 */
final class ContainerSideCheck {
  private ContainerSideCheck() {}

  /**
   * @param where how the namespace is known, "the network namespace at /x"
   * @param addresses the record's addresses, without prefix length
   * @param routes the routes the attachment's plan gives its interface (none for a container's later attachments)
   */
  static Optional<String> difference(String interfaceName, String where, Optional<ContainerInterface> seen,
      List<IPAddress> addresses, List<Route> routes) {
    if (seen.isEmpty()) {
      return Optional.of("interface " + interfaceName + " in " + where + " is missing");
    }
    ContainerInterface container = seen.get();
    if (!container.up()) {
      return Optional.of("interface " + interfaceName + " in " + where + " is down");
    }
    Set<IPAddress> held = new HashSet<>();
    container.addresses().forEach(address -> held.add(address.withoutPrefixLength()));
    for (IPAddress address : addresses) {
      if (!held.contains(address.withoutPrefixLength())) {
        return Optional.of(interfaceName + " does not hold " + address.withoutPrefixLength());
      }
    }
    Set<String> present = new HashSet<>();
    container.routes().forEach(route -> present.add(key(route)));
    if (routes.stream().noneMatch(route -> present.contains(key(route)))) {
      // None of them: a later attachment whose first has gone is alone too, and ADD gave it no routes. Only a
      // partial set is surely a difference.
      return Optional.empty();
    }
    for (Route route : routes) {
      if (!present.contains(key(route))) {
        return Optional.of(interfaceName + " has no " + describe(route));
      }
    }
    return Optional.empty();
  }

  /** Destination and gateway as canonical text: the kernel's and the plan's addresses may differ in form. */
  private static String key(Route route) {
    return route.destination().toPrefixBlock().toCanonicalString() + " via "
        + route.gateway().map(IPAddress::toCanonicalString).orElse("");
  }

  /** "default route via 169.254.1.1", "route to 169.254.1.1/32 on the link". */
  private static String describe(Route route) {
    String gateway = route.gateway().map(g -> " via " + g.toCanonicalString()).orElse(" on the link");
    return route.destination().getNetworkPrefixLength() == 0 ? "default route" + gateway
        : "route to " + route.destination().toPrefixBlock().toCanonicalString() + gateway;
  }
}
