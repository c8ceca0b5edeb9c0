package org.calicomesos.ports.routing.vxlan;

import inet.ipaddr.IPAddress;
import inet.ipaddr.mac.MACAddress;
import java.util.Objects;

/**
 * Another host's tunnel end point as this host's {@value VxlanTunnel#DEVICE} must know it: a permanent neighbour
 * entry {@code address lladdr mac} (so a route {@code via address dev }{@value VxlanTunnel#DEVICE}{@code  onlink}
 * resolves to that host's device) and a forwarding entry {@code mac dst address} (so the frame is sent, wrapped, to
 * that host). {@code address} is the other host's registered IPv4 address; {@code mac} its device's address.
 */
public record VxlanPeer(IPAddress address, MACAddress mac) {
  public VxlanPeer {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(mac, "mac");
    if (!address.isIPv4() || address.isPrefixed()) {
      throw new IllegalArgumentException("a VXLAN peer is a plain IPv4 address: " + address);
    }
    if (mac.isMulticast()) {
      throw new IllegalArgumentException("a VXLAN peer's MAC must be unicast: " + mac);
    }
  }

  @Override
  public String toString() {
    return address + " at " + mac.toColonDelimitedString();
  }
}
