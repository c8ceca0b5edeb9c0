package org.calicomesos.core.routing.bgp;

import inet.ipaddr.IPAddress;
import java.util.Objects;
import java.util.Optional;
import org.calicomesos.ports.model.NodeName;

/**
 * A host as BGP sees it: its node name and the addresses it registered for routing (either may be missing: a
 * host without an IPv6 address gets no IPv6 sessions). Made from a host registration by the route loop.
 */
public record BgpHost(NodeName node, Optional<IPAddress> ipv4, Optional<IPAddress> ipv6) {
  public BgpHost {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(ipv4, "ipv4");
    Objects.requireNonNull(ipv6, "ipv6");
    if (ipv4.filter(address -> !address.isIPv4() || address.isPrefixed()).isPresent()
        || ipv6.filter(address -> !address.isIPv6() || address.isPrefixed()).isPresent()) {
      throw new IllegalArgumentException("host " + node + " needs a plain address of each family, got " + ipv4
          + " and " + ipv6);
    }
  }

  /** The host's address of {@code address}'s family, if it has one. */
  Optional<IPAddress> addressLike(IPAddress address) {
    return address.isIPv4() ? ipv4 : ipv6;
  }
}
