package org.calicomesos.ports.dataplane;

import inet.ipaddr.IPAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * One route a plan adds: to {@code destination} (a prefix, e.g. {@code 0.0.0.0/0} or {@code 169.254.1.1/32}),
 * either straight out of the interface (scope link, no gateway) or via {@code gateway}. Every route a
 * dataplane adds carries {@link Dataplane#ROUTE_PROTOCOL}.
 */
public record Route(IPAddress destination, Optional<IPAddress> gateway) {
  public Route {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(gateway, "gateway");
    if (!destination.isPrefixed()) {
      throw new IllegalArgumentException("route destination needs a prefix length: " + destination);
    }
    gateway.ifPresent(g -> {
      if (g.isPrefixed() || g.getIPVersion() != destination.getIPVersion()) {
        throw new IllegalArgumentException("gateway " + g + " must be a plain address of the destination's family");
      }
    });
  }

  /** A route straight out of the interface: {@code 169.254.1.1/32 dev eth0 scope link}. */
  public static Route onLink(IPAddress destination) {
    return new Route(destination, Optional.empty());
  }

  /** {@code default via 169.254.1.1 dev eth0}. */
  public static Route via(IPAddress destination, IPAddress gateway) {
    return new Route(destination, Optional.of(gateway));
  }

  @Override
  public String toString() {
    return destination + gateway.map(g -> " via " + g).orElse(" scope link");
  }
}
