package org.calicomesos.ports.routing;

import inet.ipaddr.IPAddress;
import java.util.Objects;
import org.calicomesos.ports.routing.vxlan.VxlanTunnel;

/**
 * A route to addresses that live on another host: {@code destination via gateway}, the gateway being that host's
 * IP. The destination is a block (e.g. {@code 10.0.1.0/26}) or a single borrowed address ({@code /32},
 * {@code /128}). A direct route needs the gateway on a link this host shares with it; an {@code encapsulated} one
 * (IPv4 only) goes {@code via gateway dev }{@value VxlanTunnel#DEVICE}{@code  onlink}, so the packet is wrapped in
 * VXLAN to the gateway wherever it is (the tunnel's peer entry for that gateway must exist first).
 */
public record HostRoute(IPAddress destination, IPAddress gateway, boolean encapsulated) {
  public HostRoute {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(gateway, "gateway");
    if (!destination.isPrefixed() || !destination.isPrefixBlock()) {
      throw new IllegalArgumentException("route destination must be a CIDR with its host bits zero: " + destination);
    }
    if (gateway.isPrefixed() || gateway.getIPVersion() != destination.getIPVersion()) {
      throw new IllegalArgumentException("gateway " + gateway + " must be a plain address of " + destination + "'s family");
    }
    if (encapsulated && !destination.isIPv4()) {
      throw new IllegalArgumentException("only IPv4 routes are encapsulated: " + destination);
    }
  }

  /** A direct route. */
  public HostRoute(IPAddress destination, IPAddress gateway) {
    this(destination, gateway, false);
  }

  @Override
  public String toString() {
    return destination.toCanonicalString() + " via " + gateway.toCanonicalString()
        + (encapsulated ? " dev " + VxlanTunnel.DEVICE + " onlink" : "");
  }
}
