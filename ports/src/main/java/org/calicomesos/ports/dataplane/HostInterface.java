package org.calicomesos.ports.dataplane;

import inet.ipaddr.IPAddress;
import inet.ipaddr.mac.MACAddress;
import java.util.List;

/**
 * A host-side interface as the kernel has it now.
 *
 * @param routes destinations (with prefix length) of the main-table routes out of this interface that carry
 *     {@link Dataplane#ROUTE_PROTOCOL}
 */
public record HostInterface(InterfaceName name, MACAddress mac, int mtu, boolean up, List<IPAddress> routes) {
  public HostInterface {
    routes = List.copyOf(routes);
  }
}
