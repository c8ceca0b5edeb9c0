package org.calicomesos.ports.routing;

import inet.ipaddr.IPAddress;
import java.util.Objects;

/**
 * A route to addresses that live on another host: {@code destination via gateway}, the gateway being that
 * host's IP on a link this host shares with it. The destination is a block (e.g. {@code 10.0.1.0/26}) or a
 * single borrowed address ({@code /32}, {@code /128}).
 */
public record HostRoute(IPAddress destination, IPAddress gateway) {
  public HostRoute {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(gateway, "gateway");
    if (!destination.isPrefixed() || !destination.isPrefixBlock()) {
      throw new IllegalArgumentException("route destination must be a CIDR with its host bits zero: " + destination);
    }
    if (gateway.isPrefixed() || gateway.getIPVersion() != destination.getIPVersion()) {
      throw new IllegalArgumentException("gateway " + gateway + " must be a plain address of " + destination + "'s family");
    }
  }

  @Override
  public String toString() {
    return destination.toCanonicalString() + " via " + gateway.toCanonicalString();
  }
}
