package org.calicomesos.ports.dataplane;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Objects;

/**
 * A container's interface as the kernel has it now, read inside its network namespace.
 *
 * @param addresses its global-scope addresses with their prefix length ({@code 198.18.0.4/32}); link-local ones,
 *     which the kernel adds by itself, are left out
 * @param routes its main-table routes out of this interface that carry {@link Dataplane#ROUTE_PROTOCOL}, as a
 *     {@link VethPlan}'s {@code containerRoutes} are written
 */
public record ContainerInterface(InterfaceName name, boolean up, List<IPAddress> addresses, List<Route> routes) {
  public ContainerInterface {
    Objects.requireNonNull(name, "name");
    addresses = List.copyOf(addresses);
    routes = List.copyOf(routes);
  }
}
