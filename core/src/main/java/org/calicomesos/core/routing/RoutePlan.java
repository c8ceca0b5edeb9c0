package org.calicomesos.core.routing;

import java.util.List;
import java.util.Optional;
import org.calicomesos.ports.routing.HostRoute;
import org.calicomesos.ports.routing.vxlan.VxlanDevice;
import org.calicomesos.ports.routing.vxlan.VxlanPeer;

/**
 * What this host's kernel should hold to reach other hosts' addresses: the routes, and, when any pool is
 * encapsulated, this host's VXLAN device and a peer entry for every host an encapsulated route goes to.
 */
record RoutePlan(List<HostRoute> routes, Optional<VxlanDevice> device, List<VxlanPeer> peers) {
  static final RoutePlan NONE = new RoutePlan(List.of(), Optional.empty(), List.of());
}
